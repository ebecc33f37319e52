package org.yunxie.bot.command;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a message into a {@link CommandLine}. A pure function of the text and the command words it knows:
 * it never fails, whatever is typed. The "#" is optional, a round number may come before or after the
 * command word ("#12 确认", "#确认 12", "#确认12"), and words are split where script changes ("12同意").
 */
public final class CommandParser {

    /**
     * Unit labels (7-2-301), proposal numbers (P3), numbers, latin words, "+1"/"-1", runs of CJK, or any
     * other single sign.
     */
    private static final Pattern TOKEN = Pattern.compile("\\d{1,4}(?:-\\d{1,4}){1,3}|[Pp]\\d{1,6}(?![0-9])|\\d+"
            + "|[A-Za-z]+|[+-]1(?![0-9])|[\\p{IsHan}]+|[^\\s\\p{IsHan}A-Za-z0-9]");
    private static final Pattern PROPOSAL = Pattern.compile("[Pp](\\d{1,6})");
    private static final int MAX_ROUND_DIGITS = 6;

    private final Set<String> verbs;

    /** {@code verbs}: every name and alias of the registered commands (Chinese words and latin, lower case). */
    public CommandParser(Set<String> verbs) {
        this.verbs = Set.copyOf(verbs);
    }

    public CommandLine parse(String raw) {
        String text = TextNormalizer.withoutMentions(TextNormalizer.normalize(raw));
        while (text.startsWith("#")) {
            text = text.substring(1).strip();
        }
        String verb = null;
        Integer round = null;
        Integer proposal = null;
        String freeText = "";
        List<String> words = new ArrayList<>();
        Matcher tokens = TOKEN.matcher(text);
        while (tokens.find()) {
            String token = tokens.group();
            String lower = token.toLowerCase(Locale.ROOT);
            if (verb == null && words.isEmpty() && verbOf(lower) != null) {
                verb = verbOf(lower);
                freeText = text.substring(tokens.start() + verb.length()).strip();
                if (verb.length() < token.length()) {
                    // The command word ran into more CJK text ("提议加装扶手"): read the rest as words.
                    tokens.region(tokens.start() + verb.length(), text.length());
                }
            } else if (round == null && words.isEmpty() && isRoundNumber(token)) {
                round = Integer.parseInt(token);
            } else if (proposal == null && PROPOSAL.matcher(token).matches()) {
                proposal = Integer.parseInt(token.substring(1));
            } else if (!token.equals("#")) {
                words.add(token);
            }
        }
        return new CommandLine(verb, round, proposal, words, freeText);
    }

    /** The longest known command word that the token starts with, so "附议P3" and "确认12" are read too. */
    private String verbOf(String token) {
        if (verbs.contains(token)) {
            return token;
        }
        String best = null;
        for (String verb : verbs) {
            if (token.startsWith(verb) && (best == null || verb.length() > best.length())) {
                best = verb;
            }
        }
        return best;
    }

    private static boolean isRoundNumber(String token) {
        return token.chars().allMatch(Character::isDigit) && token.length() <= MAX_ROUND_DIGITS;
    }
}
