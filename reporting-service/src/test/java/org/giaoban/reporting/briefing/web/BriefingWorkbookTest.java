package org.giaoban.reporting.briefing.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.giaoban.reporting.briefing.web.ReferenceBriefing.CITY;
import static org.giaoban.reporting.briefing.web.ReferenceBriefing.CONTEST;
import static org.giaoban.reporting.briefing.web.ReferenceBriefing.HOAN_KIEM;
import static org.giaoban.reporting.briefing.web.ReferenceBriefing.SON_TAY;
import static org.giaoban.reporting.briefing.web.ReferenceBriefing.TRICKY_LINE;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.giaoban.reporting.briefing.query.BriefingReport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BriefingWorkbookTest {

    private final XSSFWorkbook workbook = written(ReferenceBriefing.hanoi2022());

    @AfterEach
    void close() throws IOException {
        workbook.close();
    }

    @Test
    void hasOneSheetPerPartInTheOrderOfTheBriefing() {
        assertThat(IntStream.range(0, workbook.getNumberOfSheets()).mapToObj(workbook::getSheetName))
                .containsExactly("Tổng hợp", "Đầu việc", "Văn bản", "Lớp bồi dưỡng", "Kế hoạch đào tạo", "Cuộc thi");
    }

    @Test
    void summaryGivesTheUnitThePeriodAsDatesAndTheRecordingInstantInHanoiTime() {
        Sheet summary = workbook.getSheet("Tổng hợp");

        assertThat(valueOf(summary, "Đơn vị").getStringCellValue()).isEqualTo(CITY);
        assertThat(valueOf(summary, "Mã đơn vị").getStringCellValue()).isEqualTo("HN");
        assertDate(valueOf(summary, "Từ ngày"), LocalDate.of(2022, 1, 1));
        assertDate(valueOf(summary, "Đến ngày"), LocalDate.of(2022, 9, 8));
        Cell recordedAt = valueOf(summary, "Số liệu ghi nhận đến");
        assertThat(DateUtil.isCellDateFormatted(recordedAt)).isTrue();
        assertThat(recordedAt.getLocalDateTimeCellValue()).isEqualTo(LocalDateTime.of(2022, 10, 6, 7, 0));
    }

    @Test
    void summaryGivesTheHeadlineFiguresAsNumbers() {
        Sheet summary = workbook.getSheet("Tổng hợp");

        assertNumber(valueOf(summary, "Đến hạn"), 87);
        assertNumber(valueOf(summary, "Hoàn thành"), 84);
        assertNumber(valueOf(summary, "Chưa hoàn thành"), 3);
        assertNumber(valueOf(summary, "Quá hạn"), 0);
        assertNumber(valueOf(summary, "Số văn bản"), 1420);
        assertNumber(valueOf(summary, "Số lớp"), 1418);
        assertNumber(valueOf(summary, "Lượt học viên"), 230516);
        assertNumber(valueOf(summary, "Lượt tham gia"), 1000000);
        Cell rate = valueOf(summary, "Tỷ lệ hoàn thành");
        assertNumber(rate, 0.9655);
        assertThat(rate.getCellStyle().getDataFormatString()).isEqualTo("0.00%");
    }

    @Test
    void tasksSheetListsEachUnitAndEndsWithTheTotal() {
        Sheet tasks = workbook.getSheet("Đầu việc");

        assertThat(texts(tasks.getRow(0)))
                .containsExactly("Đơn vị", "Mã đơn vị", "Đến hạn", "Hoàn thành", "Chưa hoàn thành", "Quá hạn");
        Row quocOai = rowStartingWith(tasks, ReferenceBriefing.QUOC_OAI);
        assertThat(quocOai.getCell(1).getStringCellValue()).isEqualTo("HN-QUOCOAI");
        assertNumbers(quocOai, 2, 12, 11, 1, 0);
        Row total = tasks.getRow(tasks.getLastRowNum());
        assertThat(total.getCell(0).getStringCellValue()).isEqualTo("Tổng cộng");
        assertNumbers(total, 2, 87, 84, 3, 0);
    }

    @Test
    void documentsSheetNamesTheKindsInVietnameseThenListsTheUnits() {
        Sheet documents = workbook.getSheet("Văn bản");

        assertThat(texts(documents.getRow(0))).containsExactly("Loại văn bản", "Số văn bản");
        assertThat(IntStream.rangeClosed(1, 6)
                        .mapToObj(index -> documents.getRow(index).getCell(0).getStringCellValue()))
                .containsExactly("Nghị quyết", "Chỉ thị", "Kế hoạch", "Hướng dẫn", "Báo cáo", "Khác");
        assertNumbers(rowStartingWith(documents, "Kế hoạch"), 1, 300);
        assertNumbers(rowsStartingWith(documents, "Tổng cộng").get(0), 1, 1420);
        Row hoanKiem = rowStartingWith(documents, HOAN_KIEM);
        assertThat(hoanKiem.getCell(1).getStringCellValue()).isEqualTo("HN-HOANKIEM");
        assertNumbers(hoanKiem, 2, 250);
        assertNumbers(rowsStartingWith(documents, "Tổng cộng").get(1), 2, 1420);
    }

    @Test
    void trainingSheetGivesEachBlocAndFormatItsClassesAndLearnerTurns() {
        Sheet training = workbook.getSheet("Lớp bồi dưỡng");

        assertThat(texts(training.getRow(0))).containsExactly("Khối", "Số lớp", "Lượt học viên");
        assertNumbers(rowStartingWith(training, "Khối Đảng"), 1, 614, 102068);
        assertNumbers(rowStartingWith(training, "Khối Đoàn thể"), 1, 288, 52467);
        assertNumbers(rowStartingWith(training, "Khối Nhà nước"), 1, 490, 71215);
        assertNumbers(rowStartingWith(training, "Lớp khác"), 1, 26, 4766);
        assertNumbers(rowStartingWith(training, "Trực tiếp"), 1, 1100, 180000);
        assertNumbers(rowStartingWith(training, "Trực tuyến"), 1, 300, 45000);
        assertNumbers(rowStartingWith(training, "Kết hợp"), 1, 18, 5516);
        assertNumbers(rowStartingWith(training, HOAN_KIEM), 2, 60, 9000);
        List<Row> totals = rowsStartingWith(training, "Tổng cộng");
        assertThat(totals).hasSize(3);
        assertNumbers(totals.get(0), 1, 1418, 230516);
        assertNumbers(totals.get(1), 1, 1418, 230516);
        assertNumbers(totals.get(2), 2, 1418, 230516);
        assertThat(texts(rowStartingWith(training, "Hình thức")))
                .containsExactly("Hình thức", "Số lớp", "Lượt học viên");
    }

    @Test
    void plansSheetListsEveryLineWithItsBlocsInVietnamese() {
        Sheet plans = workbook.getSheet("Kế hoạch đào tạo");

        assertThat(texts(plans.getRow(0)))
                .containsExactly("Đơn vị", "Năm", "Nội dung", "Khối", "Kế hoạch", "Thực hiện");
        Row partyAndMass = plans.getRow(1);
        assertThat(partyAndMass.getCell(0).getStringCellValue()).isEqualTo(HOAN_KIEM);
        assertNumber(partyAndMass.getCell(1), 2022);
        assertThat(partyAndMass.getCell(1).getCellStyle().getDataFormatString()).isEqualTo("0");
        assertThat(partyAndMass.getCell(2).getStringCellValue()).isEqualTo("Khối Đảng và đoàn thể");
        assertThat(partyAndMass.getCell(3).getStringCellValue()).isEqualTo("Khối Đảng, Khối Đoàn thể");
        assertNumbers(partyAndMass, 4, 66, 40);
        assertNumbers(plans.getRow(2), 4, 31, 20);
        assertThat(plans.getRow(3).getCell(2).getStringCellValue()).isEqualTo(TRICKY_LINE);
    }

    @Test
    void contestsSheetGivesEntriesAndParticipants() {
        Sheet contests = workbook.getSheet("Cuộc thi");

        assertThat(texts(contests.getRow(0))).containsExactly("Cuộc thi", "Lượt tham gia", "Người tham gia");
        assertNumbers(rowStartingWith(contests, CONTEST), 1, 1000000, 700000);
    }

    @Test
    void writesATitleThatASpreadsheetWouldRunAsATextCell() throws IOException {
        String title = "=HYPERLINK(\"http://example.com\",\"Bấm vào đây\")";
        try (XSSFWorkbook formulas = written(ReferenceBriefing.withContestTitled(title))) {
            Cell cell = rowStartingWith(formulas.getSheet("Cuộc thi"), title).getCell(0);

            assertThat(cell.getCellType()).isEqualTo(CellType.STRING);
            assertThat(cell.getStringCellValue()).isEqualTo(title);
        }
    }

    @Test
    void writesNoFigureAsText() {
        List<String> numbersAsText = new ArrayList<>();
        for (Sheet sheet : workbook) {
            for (Row row : sheet) {
                for (Cell cell : row) {
                    if (cell.getCellType() == CellType.STRING
                            && cell.getStringCellValue().matches("[0-9.,%/ ]+")) {
                        numbersAsText.add(sheet.getSheetName() + "!" + cell.getAddress());
                    }
                }
            }
        }

        assertThat(numbersAsText).isEmpty();
    }

    @Test
    void boldsTheHeadingsAndFreezesTheHeadingRowOfTheTableSheets() {
        for (String name : List.of("Đầu việc", "Văn bản", "Lớp bồi dưỡng", "Kế hoạch đào tạo", "Cuộc thi")) {
            Sheet sheet = workbook.getSheet(name);
            assertThat(sheet.getRow(0))
                    .allSatisfy(cell -> assertThat(
                                    ((XSSFCell) cell).getCellStyle().getFont().getBold())
                            .as("%s!%s", name, cell.getAddress())
                            .isTrue());
            assertThat(sheet.getPaneInformation().isFreezePane()).as(name).isTrue();
            assertThat(sheet.getPaneInformation().getHorizontalSplitPosition())
                    .as(name)
                    .isEqualTo((short) 1);
        }
        assertThat(workbook.getSheet("Tổng hợp").getPaneInformation()).isNull();
    }

    @Test
    void sizesEachColumnToItsLongestValue() {
        Sheet tasks = workbook.getSheet("Đầu việc");
        Sheet contests = workbook.getSheet("Cuộc thi");

        assertThat(tasks.getColumnWidth(0)).isGreaterThanOrEqualTo(CITY.length() * 256);
        assertThat(tasks.getColumnWidth(4)).isGreaterThanOrEqualTo("Chưa hoàn thành".length() * 256);
        assertThat(tasks.getColumnWidth(1)).isLessThan(tasks.getColumnWidth(0));
        assertThat(contests.getColumnWidth(0)).isGreaterThanOrEqualTo(CONTEST.length() * 256);
    }

    @Test
    void rendersAnEmptyReport() throws IOException {
        try (XSSFWorkbook empty = written(ReferenceBriefing.empty())) {
            Sheet summary = empty.getSheet("Tổng hợp");
            assertThat(valueOf(summary, "Đơn vị").getStringCellValue()).isEqualTo(SON_TAY);
            assertThat(valueOf(summary, "Số liệu ghi nhận đến").getStringCellValue())
                    .isEqualTo("hiện tại");
            assertNumber(valueOf(summary, "Đến hạn"), 0);
            assertThat(rowStartingWith(summary, "Tỷ lệ hoàn thành").getCell(1)).isNull();
            assertThat(rowStartingWith(summary, "tasks").getCell(1)).isNull();

            Sheet tasks = empty.getSheet("Đầu việc");
            assertThat(tasks.getLastRowNum()).isEqualTo(1);
            assertNumbers(tasks.getRow(1), 2, 0, 0, 0, 0);
            assertNumbers(rowStartingWith(empty.getSheet("Lớp bồi dưỡng"), "Khối Đảng"), 1, 0, 0);
            assertThat(empty.getSheet("Kế hoạch đào tạo").getLastRowNum()).isZero();
            assertThat(empty.getSheet("Cuộc thi").getLastRowNum()).isZero();
        }
    }

    private static XSSFWorkbook written(BriefingReport report) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            BriefingWorkbook.write(report, out);
            return new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Row> rowsStartingWith(Sheet sheet, String text) {
        List<Row> rows = new ArrayList<>();
        for (Row row : sheet) {
            Cell first = row.getCell(0);
            if (first != null
                    && first.getCellType() == CellType.STRING
                    && first.getStringCellValue().equals(text)) {
                rows.add(row);
            }
        }
        return rows;
    }

    private static Row rowStartingWith(Sheet sheet, String text) {
        List<Row> rows = rowsStartingWith(sheet, text);
        assertThat(rows)
                .as("rows of %s starting with %s", sheet.getSheetName(), text)
                .hasSize(1);
        return rows.get(0);
    }

    private static Cell valueOf(Sheet sheet, String label) {
        Cell value = rowStartingWith(sheet, label).getCell(1);
        assertThat(value).as("value of %s", label).isNotNull();
        return value;
    }

    private static List<String> texts(Row row) {
        List<String> texts = new ArrayList<>();
        row.forEach(cell -> texts.add(cell.getStringCellValue()));
        return texts;
    }

    private static void assertNumber(Cell cell, double expected) {
        assertThat(cell.getCellType()).as(cell.getAddress().toString()).isEqualTo(CellType.NUMERIC);
        assertThat(cell.getNumericCellValue()).as(cell.getAddress().toString()).isEqualTo(expected);
    }

    private static void assertNumbers(Row row, int firstColumn, double... expected) {
        for (int index = 0; index < expected.length; index++) {
            assertNumber(row.getCell(firstColumn + index), expected[index]);
        }
    }

    private static void assertDate(Cell cell, LocalDate expected) {
        assertThat(cell.getCellType()).isEqualTo(CellType.NUMERIC);
        assertThat(DateUtil.isCellDateFormatted(cell)).isTrue();
        assertThat(cell.getCellStyle().getDataFormatString()).isEqualTo("dd/mm/yyyy");
        assertThat(cell.getLocalDateTimeCellValue().toLocalDate()).isEqualTo(expected);
    }
}
