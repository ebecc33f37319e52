package org.yunxie.bot.posting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Random;

import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class PngWriterTest {

    @Test
    void whatItWritesDecodesToTheSamePixels() throws IOException {
        BufferedImage image = new BufferedImage(97, 41, BufferedImage.TYPE_INT_RGB);
        Random random = new Random(7);
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                image.setRGB(x, y, y < 20 ? random.nextInt(0x1000000) : 0x2E7D32);
            }
        }

        BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(PngWriter.write(image)));

        assertThat(decoded.getWidth()).isEqualTo(97);
        assertThat(decoded.getHeight()).isEqualTo(41);
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                assertThat(decoded.getRGB(x, y) & 0xFFFFFF).as("pixel %d,%d", x, y)
                        .isEqualTo(image.getRGB(x, y) & 0xFFFFFF);
            }
        }
    }

    @Test
    void onlyTakesTheRgbImagesTheChartDraws() {
        BufferedImage withAlpha = new BufferedImage(4, 4, BufferedImage.TYPE_INT_ARGB);

        assertThatThrownBy(() -> PngWriter.write(withAlpha)).isInstanceOf(IllegalArgumentException.class);
    }
}
