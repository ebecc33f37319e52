package org.yunxie.core.importing;

/** Why a line of a roster file was not taken: {@code problem} is a message key suffix, {@code detail} the text. */
public record RowProblem(int line, String unitLabel, Problem problem, String detail) {

    public enum Problem {
        BAD_UNIT_LABEL, MISSING_AREA, BAD_AREA, DUPLICATE, OTHER_BUILDING, BAD_CONTACT
    }
}
