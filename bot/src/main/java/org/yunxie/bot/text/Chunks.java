package org.yunxie.bot.text;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a long announcement into messages a group robot accepts (text is limited in bytes), at line
 * breaks where possible, so a long list of unit labels arrives as several readable messages.
 */
public final class Chunks {

    private Chunks() {
    }

    public static List<String> of(String text, int maxBytes) {
        List<String> chunks = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            for (String piece : pieces(line, maxBytes)) {
                if (!current.isEmpty() && bytes(current + "\n" + piece) > maxBytes) {
                    chunks.add(current.toString());
                    current.setLength(0);
                }
                current.append(current.isEmpty() ? "" : "\n").append(piece);
            }
        }
        if (!current.isEmpty() || chunks.isEmpty()) {
            chunks.add(current.toString());
        }
        return chunks;
    }

    /** A single line longer than the limit is cut between characters (never inside one). */
    private static List<String> pieces(String line, int maxBytes) {
        List<String> pieces = new ArrayList<>();
        StringBuilder piece = new StringBuilder();
        line.codePoints().forEach(codePoint -> {
            String character = new String(Character.toChars(codePoint));
            if (bytes(piece + character) > maxBytes) {
                pieces.add(piece.toString());
                piece.setLength(0);
            }
            piece.append(character);
        });
        pieces.add(piece.toString());
        return pieces;
    }

    private static int bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }
}
