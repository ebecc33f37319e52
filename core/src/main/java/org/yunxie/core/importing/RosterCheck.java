package org.yunxie.core.importing;

import java.util.List;

/** A whole roster file checked against the roster: the good lines with their effect, and every problem. */
public record RosterCheck(List<CheckedRow> rows, List<RowProblem> problems) {

    public RosterCheck {
        rows = List.copyOf(rows);
        problems = List.copyOf(problems);
    }

    public long count(CheckedRow.Effect effect) {
        return rows.stream().filter(row -> row.effect() == effect).count();
    }

    public int contacts() {
        return rows.stream().mapToInt(row -> row.contacts().size()).sum();
    }
}
