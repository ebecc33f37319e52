package org.yunxie.bot.command;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.yunxie.core.rule.OptionMeaning;
import org.yunxie.core.rule.OptionSpec;

/**
 * Reads what residents reply into option keys: "同意", "赞成", "+1", "1", "A", "不同意", "弃权", or an option's
 * own label. A pure function of the words and the round's options. Anything it cannot read with
 * certainty (an unknown word, two opposite words) is unclear: the bot asks back rather than guess.
 */
public final class ChoiceWords {

    /** Either the option keys chosen, or empty when unclear. */
    public record Reading(List<String> keys) {

        public boolean clear() {
            return !keys.isEmpty();
        }
    }

    private static final Map<String, OptionMeaning> INTENTS = intents();
    private static final Set<String> FILLERS = Set.of(",", ".", "!", "?", "。", "~", "谢谢", "谢谢你", "谢谢大家",
            "您好", "你好", "大家好", "的", "了", "啊", "吧", "哦", "嗯", "呀");
    private static final Pattern LEADING = Pattern.compile("^(我们|我家|本户|我|非常|完全|坚决|都)+");
    private static final Pattern TRAILING = Pattern.compile("(了|啊|吧|呢|哦|的|呀|哈)+$");
    private static final Pattern LETTER = Pattern.compile("[a-jA-J]");
    private static final Pattern NUMBER = Pattern.compile("\\d{1,2}");
    private static final Pattern STANCES = Pattern.compile("同意|赞成|支持|反对|弃权|确认|不要|愿意|认可");

    private ChoiceWords() {
    }

    public static Reading read(List<String> words, List<OptionSpec> options) {
        Set<String> keys = new LinkedHashSet<>();
        for (String raw : words) {
            if (FILLERS.contains(raw)) {
                continue;
            }
            Optional<String> key = keyOf(raw, options);
            if (key.isEmpty()) {
                return new Reading(List.of());
            }
            keys.add(key.get());
        }
        boolean approveAndReject = keys.stream().map(key -> meaningOf(key, options))
                .filter(meaning -> meaning == OptionMeaning.APPROVE || meaning == OptionMeaning.REJECT)
                .distinct().count() > 1;
        return approveAndReject ? new Reading(List.of()) : new Reading(List.copyOf(keys));
    }

    /**
     * Whether the words try to answer at all, clearly or not: a stance word (also inside a longer word, as in
     * "我不太同意"), a letter, a number or an option's label. Words that do not ("今天天气怎么样") get help, not
     * a question about the options.
     */
    public static boolean triesToAnswer(List<String> words, List<OptionSpec> options) {
        for (String raw : words) {
            if (FILLERS.contains(raw)) {
                continue;
            }
            String word = raw.toLowerCase(Locale.ROOT);
            if (keyOf(raw, options).isPresent() || LETTER.matcher(word).matches() || NUMBER.matcher(word).matches()
                    || INTENTS.containsKey(word) || STANCES.matcher(word).find()) {
                return true;
            }
        }
        return false;
    }

    private static Optional<String> keyOf(String raw, List<OptionSpec> options) {
        String word = raw.toLowerCase(Locale.ROOT);
        for (OptionSpec option : options) {
            if (option.label().equalsIgnoreCase(raw)) {
                return Optional.of(option.key());
            }
        }
        if (LETTER.matcher(word).matches()) {
            String key = word.toUpperCase(Locale.ROOT);
            return options.stream().map(OptionSpec::key).filter(key::equals).findFirst();
        }
        if (NUMBER.matcher(word).matches()) {
            int position = Integer.parseInt(word);
            return options.stream().filter(o -> o.position() == position).map(OptionSpec::key).findFirst();
        }
        String trimmed = TRAILING.matcher(LEADING.matcher(word).replaceFirst("")).replaceFirst("");
        OptionMeaning intent = INTENTS.get(trimmed);
        if (intent == null) {
            return Optional.empty();
        }
        List<OptionSpec> meant = options.stream().filter(option -> option.meaning() == intent).toList();
        return meant.size() == 1 ? Optional.of(meant.get(0).key()) : Optional.empty();
    }

    private static OptionMeaning meaningOf(String key, List<OptionSpec> options) {
        return options.stream().filter(option -> option.key().equals(key)).map(OptionSpec::meaning)
                .findFirst().orElse(OptionMeaning.CHOICE);
    }

    private static Map<String, OptionMeaning> intents() {
        Map<String, OptionMeaning> intents = new java.util.HashMap<>();
        for (String approve : List.of("同意", "赞成", "支持", "好", "好的", "可以", "行", "是", "对", "要", "愿意", "确认",
                "确定", "认可", "没问题", "交", "yes", "y", "ok", "okay", "+1", "👍")) {
            intents.put(approve, OptionMeaning.APPROVE);
        }
        for (String reject : List.of("不同意", "反对", "不赞成", "不支持", "不要", "不行", "否", "不", "不愿意", "不确认",
                "不认可", "不交", "no", "n", "-1", "👎")) {
            intents.put(reject, OptionMeaning.REJECT);
        }
        for (String abstain : List.of("弃权", "不表态", "中立", "无所谓")) {
            intents.put(abstain, OptionMeaning.ABSTAIN);
        }
        return Map.copyOf(intents);
    }
}
