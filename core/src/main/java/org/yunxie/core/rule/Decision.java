package org.yunxie.core.rule;

import java.util.List;

/** The result of applying a rule to a tally: the verdict, the adopted option positions and every figure. */
public record Decision(Verdict verdict, List<Integer> adopted, Tally tally) {

    public Decision {
        adopted = List.copyOf(adopted);
    }

    public boolean passed() {
        return verdict == Verdict.PASSED;
    }
}
