package org.yunxie.core.rule;

/** The rules staff pick from; CUSTOM marks a rule whose thresholds were set by hand. */
public enum RulePreset {
    /** More than half of the participating households approve. */
    SIMPLE_MAJORITY,
    /** At least 60% of all eligible households approve (the Gulou renovation rule). */
    SIXTY_PERCENT_OF_ALL,
    /**
     * Civil Code art. 278, ordinary matters: owners holding at least 2/3 of the area and at least 2/3 of
     * the owners take part; more than half of the participating area and participating owners approve.
     */
    CIVIL_CODE_ORDINARY,
    /** Civil Code art. 278, major matters: as ordinary, but at least 3/4 of participating area and owners approve. */
    CIVIL_CODE_MAJOR,
    CUSTOM
}
