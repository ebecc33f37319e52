package org.yunxie.bot.posting;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

/**
 * Writes an RGB image as PNG (8-bit truecolour, no filter, fast deflate). ImageIO's writer reads the pixels
 * through the generic sample model and tries every row filter: 6–9 ms a chart, most of the CPU an instance
 * spent while the outcomes of a consultation day were posted; this takes ~1.5 ms for a file a fifth larger.
 */
final class PngWriter {

    private static final byte[] SIGNATURE = {(byte) 137, 80, 78, 71, 13, 10, 26, 10};
    private static final int BIT_DEPTH = 8;
    private static final int TRUECOLOUR = 2;

    private PngWriter() {
    }

    static byte[] write(BufferedImage image) {
        if (image.getType() != BufferedImage.TYPE_INT_RGB) {
            throw new IllegalArgumentException("an RGB image (TYPE_INT_RGB) is expected");
        }
        int width = image.getWidth();
        int height = image.getHeight();
        int[] pixels = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
        byte[] rows = new byte[height * (1 + 3 * width)];
        int at = 0;
        for (int y = 0; y < height; y++) {
            rows[at++] = 0; // filter type "none"
            for (int x = 0; x < width; x++) {
                int rgb = pixels[y * width + x];
                rows[at++] = (byte) (rgb >> 16);
                rows[at++] = (byte) (rgb >> 8);
                rows[at++] = (byte) rgb;
            }
        }
        try {
            ByteArrayOutputStream header = new ByteArrayOutputStream(13);
            DataOutputStream ihdr = new DataOutputStream(header);
            ihdr.writeInt(width);
            ihdr.writeInt(height);
            ihdr.write(new byte[] {BIT_DEPTH, TRUECOLOUR, 0, 0, 0}); // deflate, adaptive filtering, no interlace
            ByteArrayOutputStream png = new ByteArrayOutputStream(rows.length / 8);
            DataOutputStream out = new DataOutputStream(png);
            out.write(SIGNATURE);
            chunk(out, "IHDR", header.toByteArray());
            chunk(out, "IDAT", deflate(rows));
            chunk(out, "IEND", new byte[0]);
            return png.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] deflate(byte[] data) throws IOException {
        Deflater deflater = new Deflater(Deflater.BEST_SPEED);
        ByteArrayOutputStream compressed = new ByteArrayOutputStream(data.length / 8);
        try (DeflaterOutputStream out = new DeflaterOutputStream(compressed, deflater, 8192)) {
            out.write(data);
        } finally {
            deflater.end();
        }
        return compressed.toByteArray();
    }

    private static void chunk(DataOutputStream out, String type, byte[] data) throws IOException {
        byte[] name = type.getBytes(StandardCharsets.US_ASCII);
        out.writeInt(data.length);
        out.write(name);
        out.write(data);
        CRC32 crc = new CRC32();
        crc.update(name);
        crc.update(data);
        out.writeInt((int) crc.getValue());
    }
}
