package org.yunxie.core.importing;

/**
 * One line of a roster file as typed, before checking: building, unit label, floor area, status (empty for a
 * unit that takes part, else why not, e.g. 未售), and contacts ("张三 业主; 李四 租户"), each of whom gets a binding
 * code to hand out. {@code line} is the line number staff see in their spreadsheet.
 */
public record RosterRow(int line, String building, String unitLabel, String area, String status, String contacts) {
}
