package org.yunxie.admin.round;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.stereotype.Component;
import org.yunxie.admin.web.ConsoleFormat;
import org.yunxie.admin.web.ConsoleText;
import org.yunxie.admin.web.WithConsole;
import org.yunxie.core.overview.HouseholdInRound;
import org.yunxie.core.round.Round;
import org.yunxie.core.round.RoundKind;
import org.yunxie.core.rule.OptionSpec;

/**
 * A round as an Excel workbook for the street office: a summary sheet, then one row per household on the
 * roll: responded or not, how, the choice only for open ballots (a secret round's column stays empty), the
 * share and its ledger status.
 */
@Component
@WithConsole
class RoundExport {

    private final ConsoleFormat format;
    private final ConsoleText text;

    RoundExport(ConsoleFormat format, ConsoleText text) {
        this.format = format;
        this.text = text;
    }

    void write(RoundView view, OutputStream out) throws IOException {
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(200)) {
            summary(workbook.createSheet(text.text("console.export.summary")), view);
            households(workbook.createSheet(text.text("console.export.households")), view);
            workbook.write(out);
        }
    }

    private void summary(Sheet sheet, RoundView view) {
        Round round = view.round();
        int r = 0;
        r = pair(sheet, r, "console.export.round", "#" + round.number() + " " + round.title());
        r = pair(sheet, r, "console.export.kind", text.text("console.kind." + round.kind()));
        r = pair(sheet, r, "console.export.rule", text.text("console.rule." + round.rulePreset()));
        r = pair(sheet, r, "console.export.secret", text.text(round.secret() ? "console.yes" : "console.no"));
        r = pair(sheet, r, "console.export.deadline", format.time(round.closingAt()));
        r = pair(sheet, r, "console.export.coverage", view.coverage().households() + "/"
                + view.coverage().eligibleHouseholds());
        r = pair(sheet, r, "console.export.area", format.areaCenti(view.coverage().areaCenti()) + "/"
                + format.areaCenti(view.coverage().eligibleAreaCenti()));
        if (view.outcome() != null) {
            r = pair(sheet, r, "console.export.verdict", text.text("console.verdict." + view.outcome().verdict()));
            r = pair(sheet, r, "console.export.adopted", view.adoptedLabels() == null ? "" : view.adoptedLabels());
        }
        for (RoundView.OptionCount count : view.counts()) {
            r = pair(sheet, r, null, count.option().key() + " " + count.option().label() + ": "
                    + count.households() + " / " + format.area(count.area()) + " ㎡");
        }
    }

    private int pair(Sheet sheet, int index, String key, String value) {
        Row row = sheet.createRow(index);
        row.createCell(0).setCellValue(key == null ? "" : text.text(key));
        row.createCell(1).setCellValue(value);
        return index + 1;
    }

    private void households(Sheet sheet, RoundView view) {
        Round round = view.round();
        boolean showChoice = !round.secret() && round.kind() != RoundKind.PROPOSAL_CALL;
        Map<String, String> labels = view.options().stream()
                .collect(Collectors.toMap(OptionSpec::key, OptionSpec::label));
        List<String> headers = List.of("unit", "building", "area", "responded", "how", "cast-at", "choice", "share",
                "ledger");
        Row head = sheet.createRow(0);
        for (int i = 0; i < headers.size(); i++) {
            head.createCell(i).setCellValue(text.text("console.export.column." + headers.get(i)));
        }
        int r = 1;
        for (HouseholdInRound household : view.households()) {
            Row row = sheet.createRow(r++);
            row.createCell(0).setCellValue(household.unitLabel());
            row.createCell(1).setCellValue(household.buildingName());
            row.createCell(2).setCellValue(household.floorArea().doubleValue());
            row.createCell(3).setCellValue(text.text(household.responded() ? "console.yes" : "console.no"));
            row.createCell(4).setCellValue(how(household));
            row.createCell(5).setCellValue(format.time(household.castAt()));
            row.createCell(6).setCellValue(showChoice && household.choice() != null
                    ? choice(household.choice(), labels) : "");
            row.createCell(7).setCellValue(household.shareFen() == null ? "" : format.yuan(household.shareFen()));
            row.createCell(8).setCellValue(household.ledgerStatus() == null ? ""
                    : text.text("console.ledger.status." + household.ledgerStatus()));
        }
    }

    private String how(HouseholdInRound household) {
        if (!household.responded()) {
            return "";
        }
        return household.offlineKind() != null ? text.text("console.offline." + household.offlineKind())
                : text.text("console.channel." + household.channel());
    }

    private static String choice(String keys, Map<String, String> labels) {
        return java.util.Arrays.stream(keys.split(",")).map(String::strip)
                .map(key -> key + " " + labels.getOrDefault(key, "")).collect(Collectors.joining("、"));
    }
}
