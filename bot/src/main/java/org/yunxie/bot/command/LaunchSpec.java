package org.yunxie.bot.command;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.yunxie.core.costshare.ShareMode;
import org.yunxie.core.round.RoundKind;
import org.yunxie.core.rule.RulePreset;

/**
 * What staff ask for with "#发起": "#发起 费用 7号楼加装门禁 每户200元 截止7天 规则六成". The kind comes first, then
 * the title, then clauses that start with a key word: 截止 (deadline), 规则 (rule), 每户/合计/按面积 (amount),
 * 附议 (support threshold), 不记名 (secret ballot). A pure function of the text and the time.
 */
record LaunchSpec(RoundKind kind, String title, Instant closingAt, RulePreset rule, ShareMode shareMode,
                  Long amountFen, Integer supportThreshold, boolean secret) {

    static final Duration DEFAULT_DURATION = Duration.ofDays(7);
    static final int DEFAULT_SUPPORT_THRESHOLD = 5;

    private static final Map<String, RoundKind> KINDS = Map.of("表决", RoundKind.POLL, "投票", RoundKind.POLL,
            "费用", RoundKind.COST_SHARE, "分摊", RoundKind.COST_SHARE, "收费", RoundKind.COST_SHARE,
            "征集", RoundKind.PROPOSAL_CALL, "提案", RoundKind.PROPOSAL_CALL);
    private static final Map<String, RulePreset> RULES = Map.of("过半", RulePreset.SIMPLE_MAJORITY,
            "过半数", RulePreset.SIMPLE_MAJORITY, "简单多数", RulePreset.SIMPLE_MAJORITY,
            "六成", RulePreset.SIXTY_PERCENT_OF_ALL, "60%", RulePreset.SIXTY_PERCENT_OF_ALL,
            "民法典", RulePreset.CIVIL_CODE_ORDINARY, "一般", RulePreset.CIVIL_CODE_ORDINARY,
            "民法典重大", RulePreset.CIVIL_CODE_MAJOR, "重大", RulePreset.CIVIL_CODE_MAJOR);
    private static final Map<String, ShareMode> AMOUNTS = Map.of("每户", ShareMode.PER_HOUSEHOLD,
            "合计", ShareMode.TOTAL_EQUAL, "按面积", ShareMode.TOTAL_BY_AREA);
    private static final Pattern MONEY = Pattern.compile("(\\d{1,9}(?:\\.\\d{1,2})?)元?");
    private static final Pattern NUMBER = Pattern.compile("\\d{1,4}");

    /** Reads the text after "#发起"; empty when it does not make a complete request. */
    static Optional<LaunchSpec> read(String text, Instant now, ZoneId zone) {
        // Clauses are read in normalized words (全角 → 半角); the title is kept as typed.
        List<String> typed = new ArrayList<>(List.of(TextNormalizer.tidy(text).split(" ")));
        List<String> words = new ArrayList<>(typed.stream().map(TextNormalizer::normalize).toList());
        RoundKind kind = words.isEmpty() ? null : KINDS.get(words.remove(0));
        if (kind == null) {
            return Optional.empty();
        }
        typed.remove(0);
        StringBuilder title = new StringBuilder();
        Instant closingAt = now.plus(DEFAULT_DURATION);
        RulePreset rule = kind == RoundKind.COST_SHARE ? RulePreset.SIXTY_PERCENT_OF_ALL : RulePreset.SIMPLE_MAJORITY;
        ShareMode mode = null;
        Long amount = null;
        Integer threshold = kind == RoundKind.PROPOSAL_CALL ? DEFAULT_SUPPORT_THRESHOLD : null;
        boolean secret = false;
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            String value = valueAfter(word, words, i);
            // How many of the following words the clause takes: its value when apart ("截止 7天").
            int taken = keyLength(word) > 0 && word.length() == keyLength(word) ? 1 : 0;
            boolean clause = true;
            if (word.startsWith("截止")) {
                Optional<Instant> deadline = DeadlineParser.parse(value, now, zone);
                int next = i + taken + 1;
                // "截止12月5日 18:00": the time of day may follow as a word of its own.
                Optional<Instant> withTime = next < words.size()
                        ? DeadlineParser.parse(value + " " + words.get(next), now, zone) : Optional.empty();
                if (withTime.isPresent()) {
                    deadline = withTime;
                    taken++;
                }
                clause = deadline.isPresent();
                closingAt = deadline.orElse(closingAt);
            } else if (word.startsWith("规则")) {
                clause = RULES.containsKey(value);
                rule = RULES.getOrDefault(value, rule);
            } else if (amountWord(word) != null) {
                Matcher money = MONEY.matcher(value);
                clause = money.matches();
                if (clause) {
                    mode = AMOUNTS.get(amountWord(word));
                    amount = new BigDecimal(money.group(1)).movePointRight(2).longValueExact();
                }
            } else if (word.startsWith("附议") && NUMBER.matcher(value).matches()) {
                threshold = Integer.parseInt(value);
            } else if (word.equals("不记名")) {
                secret = true;
            } else {
                title.append(title.isEmpty() ? "" : " ").append(typed.get(i));
                continue;
            }
            if (!clause) {
                if (!title.isEmpty()) {
                    return Optional.empty();
                }
                // The title comes first, and may start like a clause: "每户加装信报箱", "规则修改方案".
                title.append(typed.get(i));
                continue;
            }
            i += taken;
        }
        boolean complete = !title.isEmpty() && (kind != RoundKind.COST_SHARE || amount != null);
        return complete ? Optional.of(new LaunchSpec(kind, title.toString(), closingAt, rule, mode, amount,
                threshold, secret)) : Optional.empty();
    }

    /** "截止7天" carries its value; "截止 7天" has it in the next word. */
    private static String valueAfter(String word, List<String> words, int i) {
        int key = keyLength(word);
        if (key == 0) {
            return "";
        }
        if (word.length() > key) {
            return word.substring(key);
        }
        return i + 1 < words.size() ? words.get(i + 1) : "";
    }

    private static int keyLength(String word) {
        for (String key : List.of("截止", "规则", "附议", "按面积", "每户", "合计")) {
            if (word.startsWith(key)) {
                return key.length();
            }
        }
        return 0;
    }

    private static String amountWord(String word) {
        return AMOUNTS.keySet().stream().filter(word::startsWith).findFirst().orElse(null);
    }
}
