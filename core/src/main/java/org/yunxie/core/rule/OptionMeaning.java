package org.yunxie.core.rule;

/**
 * What choosing an option means for the decision. APPROVE and CHOICE options can be adopted;
 * REJECT and ABSTAIN count as taking part without approving anything.
 */
public enum OptionMeaning {
    APPROVE, REJECT, ABSTAIN, CHOICE;

    public boolean canBeAdopted() {
        return this == APPROVE || this == CHOICE;
    }
}
