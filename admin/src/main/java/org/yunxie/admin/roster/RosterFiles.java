package org.yunxie.admin.roster;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.yunxie.core.importing.RosterRow;

/**
 * Reads roster files as staff keep them: .xlsx (first sheet) or .csv (UTF-8, or GB18030 as Excel in China
 * saves it). Columns are found by their headings (楼栋, 户号, 面积, 状态, 联系人, or English); without a heading
 * row they are taken in that order. Line numbers are the spreadsheet's own.
 */
final class RosterFiles {

    static final int MAX_ROWS = 20_000;
    private static final String[][] HEADINGS = {
            {"楼栋", "楼号", "楼宇", "building"},
            {"户号", "房号", "门牌", "单元户", "unit"},
            {"面积", "area"},
            {"状态", "status"},
            {"联系人", "住户", "姓名", "contact"}};

    private RosterFiles() {
    }

    static List<RosterRow> read(String fileName, byte[] bytes) throws IOException {
        List<List<String>> table = fileName.toLowerCase(Locale.ROOT).endsWith(".xlsx") ? xlsx(bytes) : csv(text(bytes));
        return rows(table);
    }

    private static List<RosterRow> rows(List<List<String>> table) throws IOException {
        int[] columns = {0, 1, 2, 3, 4};
        int first = 0;
        if (!table.isEmpty() && isHeading(table.get(0))) {
            columns = columns(table.get(0));
            first = 1;
        }
        List<RosterRow> rows = new ArrayList<>();
        for (int i = first; i < table.size(); i++) {
            List<String> cells = table.get(i);
            if (cells.stream().allMatch(String::isBlank)) {
                continue;
            }
            if (rows.size() == MAX_ROWS) {
                throw new IOException("more than " + MAX_ROWS + " rows");
            }
            rows.add(new RosterRow(i + 1, cell(cells, columns[0]), cell(cells, columns[1]), cell(cells, columns[2]),
                    cell(cells, columns[3]), cell(cells, columns[4])));
        }
        return rows;
    }

    private static boolean isHeading(List<String> cells) {
        return cells.stream().anyMatch(cell -> matches(cell, HEADINGS[1]));
    }

    private static int[] columns(List<String> heading) {
        int[] columns = {-1, -1, -1, -1, -1};
        for (int c = 0; c < heading.size(); c++) {
            for (int h = 0; h < HEADINGS.length; h++) {
                if (columns[h] < 0 && matches(heading.get(c), HEADINGS[h])) {
                    columns[h] = c;
                    break;
                }
            }
        }
        return columns;
    }

    private static boolean matches(String cell, String[] words) {
        String text = cell.strip().toLowerCase(Locale.ROOT);
        for (String word : words) {
            if (text.contains(word)) {
                return true;
            }
        }
        return false;
    }

    private static String cell(List<String> cells, int column) {
        return column < 0 || column >= cells.size() ? "" : cells.get(column).strip();
    }

    private static List<List<String>> xlsx(byte[] bytes) throws IOException {
        List<List<String>> table = new ArrayList<>();
        DataFormatter formatter = new DataFormatter(Locale.ROOT);
        try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            Sheet sheet = workbook.getSheetAt(0);
            for (int r = 0; r <= Math.min(sheet.getLastRowNum(), MAX_ROWS + 1); r++) {
                Row row = sheet.getRow(r);
                List<String> cells = new ArrayList<>();
                if (row != null) {
                    for (int c = 0; c < Math.max(0, row.getLastCellNum()); c++) {
                        cells.add(row.getCell(c) == null ? "" : formatter.formatCellValue(row.getCell(c)));
                    }
                }
                table.add(cells);
            }
        } catch (RuntimeException e) {
            throw new IOException("not a readable .xlsx file", e);
        }
        return table;
    }

    static String text(byte[] bytes) {
        if (bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB && (bytes[2] & 0xff) == 0xBF) {
            return new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException notUtf8) {
            return new String(bytes, Charset.forName("GB18030"));
        }
    }

    /** RFC 4180: commas, quoted fields with doubled quotes, line breaks inside quotes. */
    static List<List<String>> csv(String text) {
        List<List<String>> table = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    field.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == ',') {
                row.add(field.toString());
                field.setLength(0);
            } else if (ch == '\n' || ch == '\r') {
                if (ch == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                row.add(field.toString());
                field.setLength(0);
                table.add(row);
                row = new ArrayList<>();
            } else {
                field.append(ch);
            }
        }
        if (field.length() > 0 || !row.isEmpty()) {
            row.add(field.toString());
            table.add(row);
        }
        return table;
    }

}
