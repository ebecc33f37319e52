package org.yunxie.core.round;

import java.util.ArrayList;
import java.util.List;

import org.yunxie.core.rule.OptionMeaning;
import org.yunxie.core.rule.OptionSpec;

/**
 * The options a round gets when staff give none. Labels are the round's content (shown as stored, like
 * its title), in the residents' language.
 */
final class DefaultOptions {

    private DefaultOptions() {
    }

    static List<OptionSpec> of(RoundKind kind, List<String> custom) {
        if (!custom.isEmpty()) {
            List<OptionSpec> options = new ArrayList<>();
            for (int i = 0; i < custom.size(); i++) {
                options.add(new OptionSpec(i + 1, custom.get(i).strip(), OptionMeaning.CHOICE));
            }
            return options;
        }
        return switch (kind) {
            case POLL -> List.of(new OptionSpec(1, "同意", OptionMeaning.APPROVE),
                    new OptionSpec(2, "反对", OptionMeaning.REJECT),
                    new OptionSpec(3, "弃权", OptionMeaning.ABSTAIN));
            case COST_SHARE -> List.of(new OptionSpec(1, "确认", OptionMeaning.APPROVE),
                    new OptionSpec(2, "不同意", OptionMeaning.REJECT));
            case PROPOSAL_CALL -> List.of();
        };
    }
}
