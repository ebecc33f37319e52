package org.yunxie.bot.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.web.context.WebApplicationContext;
import org.yunxie.bot.EmbeddedDemoTest;
import org.yunxie.core.account.ConsoleRole;
import org.yunxie.core.importing.ImportingRoster;
import org.yunxie.core.importing.RosterImport;
import org.yunxie.core.overview.CodeSlip;
import org.yunxie.core.overview.HouseholdOnRoster;
import org.yunxie.core.overview.Overview;

/**
 * Roster files as staff keep them: checked with a row-by-row report before anything is written, applied once,
 * harmless when imported again, large files applied in the background with their progress, and the roster
 * exported in the same columns; binding codes issued for named contacts and printed per building.
 */
@EmbeddedDemoTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RosterImportTest {

    @Autowired
    WebApplicationContext context;
    @Autowired
    ConsoleWorld world;
    @Autowired
    Overview overview;
    @Autowired
    ImportingRoster importing;

    ConsoleClient staff;

    @BeforeAll
    void signIn() {
        // Each test gets its own community (see place()); the client signs in per place.
    }

    @Test
    void aFileWithBadRowsIsReportedLineByLineAndTheGoodRowsGoInOnceEvenWhenImportedTwice() throws Exception {
        ConsoleWorld.Place place = place();
        String csv = "楼栋,户号,面积,状态,联系人\n"
                + "2号楼,2-1-101,88.5,,王芳 业主；王小明 租户\n"
                + "2号楼,2-1-102,,,\n"
                + "2号楼,2-1-101,90,,\n"
                + "2号楼,2-1-103,abc,,\n"
                + "2号楼,2-1-104,76,空置,\n"
                + "2号楼,2-1-105,66,,赵六 邻居\n";
        RosterImport first = upload(place, "名册.csv", gbk(csv));
        String preview = staff.get(importPage(place, first)).getResponse().getContentAsString();
        assertThat(preview).contains("可导入 2 行：新增 2 户", "有问题的行 4 行", "没有填面积",
                "户号 2-1-101 在文件中出现了不止一次", "面积“abc”不对", "联系人“赵六 邻居”看不懂");
        assertThat(overview.roster(place.id())).hasSize(2);

        apply(place, first);
        assertThat(importing.find(first.id()).orElseThrow()).satisfies(done -> {
            assertThat(done.createdHouseholds()).isEqualTo(2);
            assertThat(done.issuedCodes()).isEqualTo(2);
        });
        assertThat(overview.roster(place.id())).extracting(HouseholdOnRoster::unitLabel)
                .contains("2-1-101", "2-1-104");
        assertThat(overview.roster(place.id())).filteredOn(h -> h.unitLabel().equals("2-1-104"))
                .extracting(HouseholdOnRoster::ineligibleReason).containsExactly("空置");
        assertThat(overview.unusedCodes(place.id(), null)).extracting(CodeSlip::holderName)
                .containsExactlyInAnyOrder("王芳", "王小明");

        RosterImport again = upload(place, "名册.csv", gbk(csv));
        assertThat(staff.get(importPage(place, again)).getResponse().getContentAsString())
                .contains("可导入 2 行：新增 0 户，修改 0 户，不变 2 户，发绑定码 2 个");
        apply(place, again);
        assertThat(importing.find(again.id()).orElseThrow().issuedCodes()).isZero();
        assertThat(overview.roster(place.id())).hasSize(4);
        assertThat(overview.unusedCodes(place.id(), null)).hasSize(2);
    }

    @Test
    void tenThousandRowsFromExcelGoInWithProgressAndTheExportReadsBackUnchanged() throws Exception {
        ConsoleWorld.Place place = place();
        XSSFWorkbook workbook = new XSSFWorkbook();
        Sheet sheet = workbook.createSheet();
        Row head = sheet.createRow(0);
        String[] headings = {"楼栋", "户号", "面积", "状态"};
        for (int i = 0; i < headings.length; i++) {
            head.createCell(i).setCellValue(headings[i]);
        }
        for (int i = 0; i < 10_000; i++) {
            Row row = sheet.createRow(i + 1);
            int building = 10 + i / 500;
            row.createCell(0).setCellValue(building + "号楼");
            row.createCell(1).setCellValue(building + "-" + (1 + i % 500 / 100) + "-" + (101 + i % 100));
            row.createCell(2).setCellValue(60 + i % 50);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        workbook.write(bytes);
        RosterImport upload = upload(place, "big.xlsx", bytes.toByteArray());
        staff.post(importPage(place, upload) + "/apply", Map.of());

        boolean sawProgress = false;
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        RosterImport now = importing.find(upload.id()).orElseThrow();
        while (!now.finished() && System.nanoTime() < deadline) {
            Map<?, ?> progress = new com.fasterxml.jackson.databind.ObjectMapper().readValue(
                    staff.get(importPage(place, upload) + "/progress").getResponse().getContentAsString(), Map.class);
            assertThat(progress.get("total")).isEqualTo(10_000);
            sawProgress |= (Integer) progress.get("done") > 0 && (Integer) progress.get("done") < 10_000;
            Thread.sleep(100);
            now = importing.find(upload.id()).orElseThrow();
        }
        assertThat(now.finished()).isTrue();
        assertThat(now.failure()).isNull();
        assertThat(now.createdHouseholds()).isEqualTo(10_000);
        assertThat(sawProgress).as("progress seen between start and end").isTrue();
        assertThat(staff.get(importPage(place, upload)).getResponse().getContentAsString())
                .contains("导入完成：新增 10000 户");

        MvcResult export = staff.get("/admin/c/" + place.id() + "/roster/export.xlsx");
        RosterImport reimport = upload(place, "roster.xlsx", export.getResponse().getContentAsByteArray());
        assertThat(staff.get(importPage(place, reimport)).getResponse().getContentAsString())
                .contains("新增 0 户，修改 0 户，不变 10002 户");
        try (XSSFWorkbook exported = new XSSFWorkbook(new ByteArrayInputStream(export.getResponse().getContentAsByteArray()))) {
            Row row = exported.getSheetAt(0).getRow(0);
            assertThat(new DataFormatter().formatCellValue(row.getCell(1))).isEqualTo("户号");
        }
    }

    @Test
    void codesAreIssuedForUnboundHouseholdsAndPrintedAsSlipsPerBuilding() throws Exception {
        ConsoleWorld.Place place = place();
        String sheet = "/admin/c/" + place.id() + "/roster/codes/" + place.building().id();
        MvcResult issued = staff.post(sheet, Map.of());
        assertThat(issued.getFlashMap().get("notice")).isEqualTo("已发 2 个绑定码。");
        String page = staff.get(sheet).getResponse().getContentAsString();
        assertThat(overview.unusedCodes(place.id(), place.building().id())).hasSize(2)
                .allSatisfy(slip -> assertThat(page).contains(slip.code(), "#绑定 " + slip.code()));
        assertThat(staff.post(sheet, Map.of()).getFlashMap().get("notice")).isEqualTo("已发 0 个绑定码。");
    }

    private ConsoleWorld.Place place() throws Exception {
        ConsoleWorld.Place place = world.place(2);
        staff = new ConsoleClient(context).signInFirstTime(place.account(ConsoleRole.STAFF));
        return place;
    }

    private RosterImport upload(ConsoleWorld.Place place, String name, byte[] bytes) throws Exception {
        MvcResult uploaded = staff.send(MockMvcRequestBuilders.multipart("/admin/c/" + place.id() + "/roster/imports")
                .file(new org.springframework.mock.web.MockMultipartFile("file", name, null, bytes)), Map.of());
        String target = uploaded.getResponse().getRedirectedUrl();
        assertThat(target).contains("/roster/imports/");
        return importing.find(Long.parseLong(target.substring(target.lastIndexOf('/') + 1))).orElseThrow();
    }

    private void apply(ConsoleWorld.Place place, RosterImport upload) throws Exception {
        staff.post(importPage(place, upload) + "/apply", Map.of());
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!importing.find(upload.id()).orElseThrow().finished() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
    }

    private static String importPage(ConsoleWorld.Place place, RosterImport upload) {
        return "/admin/c/" + place.id() + "/roster/imports/" + upload.id();
    }

    /** As Excel in China saves a CSV. */
    private static byte[] gbk(String text) {
        return text.getBytes(Charset.forName("GB18030"));
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
