package org.yunxie.bot.posting;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.List;


import org.springframework.stereotype.Component;
import org.yunxie.core.outcome.Outcome;
import org.yunxie.core.rule.OptionSpec;

/**
 * Draws a round's outcome as a bar chart (PNG) to post beside the text: one bar per option with its
 * households out of the eligible ones. Labels use the option letters and numbers, and the option words too
 * where the server has a font for them (install fonts-noto-cjk).
 */
@Component
public class OutcomeChart {

    private static final int WIDTH = 640;
    private static final int ROW = 56;
    private static final Color BAR = new Color(0x2E7D32);
    private static final Color TRACK = new Color(0xE0E0E0);

    public byte[] png(int roundNumber, Outcome outcome, List<OptionSpec> options) {
        int height = 90 + ROW * Math.max(1, options.size());
        BufferedImage image = new BufferedImage(WIDTH, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, WIDTH, height);
            g.setColor(Color.DARK_GRAY);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 22));
            g.drawString("#" + roundNumber + "  " + outcome.participatingHouseholds() + "/"
                    + outcome.eligibleHouseholds(), 24, 40);
            int eligible = Math.max(1, outcome.eligibleHouseholds());
            for (int i = 0; i < options.size(); i++) {
                drawBar(g, options.get(i), households(outcome, options.get(i).position()), eligible, 70 + i * ROW);
            }
        } finally {
            g.dispose();
        }
        return PngWriter.write(image);
    }

    private static void drawBar(Graphics2D g, OptionSpec option, int households, int eligible, int top) {
        Font font = new Font(Font.SANS_SERIF, Font.PLAIN, 18);
        g.setFont(font);
        String label = font.canDisplayUpTo(option.label()) == -1 ? option.key() + " " + option.label() : option.key();
        g.setColor(Color.BLACK);
        g.drawString(label, 24, top + 24);
        int left = 170;
        int full = WIDTH - left - 130;
        g.setColor(TRACK);
        g.fillRect(left, top + 6, full, 26);
        g.setColor(BAR);
        g.fillRect(left, top + 6, (int) Math.round((double) full * households / eligible), 26);
        g.setColor(Color.BLACK);
        g.setStroke(new BasicStroke(1));
        g.drawString(households + " (" + Math.round(100.0 * households / eligible) + "%)", left + full + 10, top + 26);
    }

    private static int households(Outcome outcome, int position) {
        return outcome.options().stream().filter(figures -> figures.position() == position)
                .mapToInt(Outcome.OptionFigures::households).findFirst().orElse(0);
    }
}
