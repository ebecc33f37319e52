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
 * command word ("#12 确认", "#确认 12", "#确认12", "12号同意"), and words are split where script changes
 * ("12同意"). A command word run together with more text ("#提议装灯") counts only after a "#", so a
 * sentence such as "建议大家同意" is never taken for a command; and a lone number without "#" is a choice
 * ("1" for the first option), while "#1" names round 1.
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
        String typed = TextNormalizer.withoutMentions(TextNormalizer.tidy(raw));
        boolean hashed = text.startsWith("#");
        while (text.startsWith("#")) {
            text = text.substring(1).strip();
        }
        String verb = null;
        Integer round = null;
        Integer proposal = null;
        String freeText = "";
        List<String> words = new ArrayList<>();
        Matcher tokens = TOKEN.matcher(text);
        boolean afterRound = false;
        while (tokens.find()) {
            String token = tokens.group();
            if (afterRound && token.startsWith("号")) {
                token = token.substring(1);
            }
            afterRound = false;
            String lower = token.toLowerCase(Locale.ROOT);
            if (token.isEmpty()) {
                continue;
            }
            if (verb == null && words.isEmpty() && verbOf(lower, hashed) != null) {
                verb = verbOf(lower, hashed);
                int verbEnd = tokens.end() - token.length() + verb.length();
                freeText = afterVerbAsTyped(typed, verb, text.substring(verbEnd).strip());
                if (verb.length() < token.length()) {
                    // The command word ran into more CJK text ("提议加装扶手"): read the rest as words.
                    tokens.region(verbEnd, text.length());
                }
            } else if (round == null && words.isEmpty() && isRoundNumber(token)) {
                round = Integer.parseInt(token);
                afterRound = true;
            } else if (proposal == null && PROPOSAL.matcher(token).matches()) {
                proposal = Integer.parseInt(token.substring(1));
            } else if (!token.equals("#")) {
                words.add(token);
            }
        }
        if (!hashed && verb == null && proposal == null && round != null && words.isEmpty()) {
            return new CommandLine(null, null, null, List.of(Integer.toString(round)), freeText);
        }
        return new CommandLine(verb, round, proposal, words, freeText);
    }

    /** The command word the token is, or after a "#" the longest one it starts with ("#提议装灯"). */
    private String verbOf(String token, boolean hashed) {
        if (verbs.contains(token)) {
            return token;
        }
        if (!hashed) {
            return null;
        }
        String best = null;
        for (String verb : verbs) {
            if (token.startsWith(verb) && (best == null || verb.length() > best.length())) {
                best = verb;
            }
        }
        return best;
    }

    /**
     * The text after the command word as the sender typed it (a proposal keeps its ，and ？); the normalized
     * text when the command word was typed in another form (full-width latin, say).
     */
    private static String afterVerbAsTyped(String typed, String verb, String normalized) {
        for (int at = 0; at + verb.length() <= typed.length(); at++) {
            if (typed.regionMatches(true, at, verb, 0, verb.length())) {
                return typed.substring(at + verb.length()).strip();
            }
        }
        return normalized;
    }

    private static boolean isRoundNumber(String token) {
        return token.chars().allMatch(Character::isDigit) && token.length() <= MAX_ROUND_DIGITS;
    }
}
