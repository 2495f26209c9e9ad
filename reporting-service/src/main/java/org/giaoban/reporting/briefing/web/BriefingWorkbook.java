package org.giaoban.reporting.briefing.web;

import static org.giaoban.reporting.briefing.web.BriefingLabels.ACTUAL;
import static org.giaoban.reporting.briefing.web.BriefingLabels.BLOC;
import static org.giaoban.reporting.briefing.web.BriefingLabels.CLASSES;
import static org.giaoban.reporting.briefing.web.BriefingLabels.COMPLETED;
import static org.giaoban.reporting.briefing.web.BriefingLabels.COMPLETION_RATE;
import static org.giaoban.reporting.briefing.web.BriefingLabels.CONTEST;
import static org.giaoban.reporting.briefing.web.BriefingLabels.CONTESTS_SHEET;
import static org.giaoban.reporting.briefing.web.BriefingLabels.DOCUMENTS_ISSUED;
import static org.giaoban.reporting.briefing.web.BriefingLabels.DOCUMENTS_SECTION;
import static org.giaoban.reporting.briefing.web.BriefingLabels.DOCUMENTS_SHEET;
import static org.giaoban.reporting.briefing.web.BriefingLabels.DOCUMENT_KIND;
import static org.giaoban.reporting.briefing.web.BriefingLabels.DUE;
import static org.giaoban.reporting.briefing.web.BriefingLabels.ENTRIES;
import static org.giaoban.reporting.briefing.web.BriefingLabels.FORMAT;
import static org.giaoban.reporting.briefing.web.BriefingLabels.FROM;
import static org.giaoban.reporting.briefing.web.BriefingLabels.LEARNER_TURNS;
import static org.giaoban.reporting.briefing.web.BriefingLabels.OPEN;
import static org.giaoban.reporting.briefing.web.BriefingLabels.OVERDUE;
import static org.giaoban.reporting.briefing.web.BriefingLabels.PARTICIPANTS;
import static org.giaoban.reporting.briefing.web.BriefingLabels.PLANNED;
import static org.giaoban.reporting.briefing.web.BriefingLabels.PLANS_SHEET;
import static org.giaoban.reporting.briefing.web.BriefingLabels.PLAN_LINE;
import static org.giaoban.reporting.briefing.web.BriefingLabels.POSITIONS_SECTION;
import static org.giaoban.reporting.briefing.web.BriefingLabels.RECORDED_AT;
import static org.giaoban.reporting.briefing.web.BriefingLabels.RECORDED_NOW;
import static org.giaoban.reporting.briefing.web.BriefingLabels.SUMMARY_SHEET;
import static org.giaoban.reporting.briefing.web.BriefingLabels.TASKS_SHEET;
import static org.giaoban.reporting.briefing.web.BriefingLabels.TITLE;
import static org.giaoban.reporting.briefing.web.BriefingLabels.TO;
import static org.giaoban.reporting.briefing.web.BriefingLabels.TOTAL;
import static org.giaoban.reporting.briefing.web.BriefingLabels.TRAINING_SHEET;
import static org.giaoban.reporting.briefing.web.BriefingLabels.UNIT;
import static org.giaoban.reporting.briefing.web.BriefingLabels.UNIT_ID;
import static org.giaoban.reporting.briefing.web.BriefingLabels.YEAR;
import static org.giaoban.units.UnitCatalogue.COMMISSION_ZONE;

import java.io.IOException;
import java.io.OutputStream;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.giaoban.reporting.briefing.query.BriefingReport;
import org.giaoban.reporting.briefing.query.BriefingReport.ClassFigures;
import org.giaoban.reporting.briefing.query.BriefingReport.ContestFigures;
import org.giaoban.reporting.briefing.query.BriefingReport.DocumentFigures;
import org.giaoban.reporting.briefing.query.BriefingReport.PlanFigures;
import org.giaoban.reporting.briefing.query.BriefingReport.PlanLineFigures;
import org.giaoban.reporting.briefing.query.BriefingReport.TaskFigures;
import org.giaoban.reporting.briefing.query.BriefingReport.TrainingFigures;
import org.giaoban.reporting.briefing.query.BriefingReport.UnitClassFigures;
import org.giaoban.reporting.briefing.query.BriefingReport.UnitDocumentFigures;
import org.giaoban.reporting.briefing.query.BriefingReport.UnitTaskFigures;
import org.giaoban.tasks.api.document.DocumentKind;
import org.giaoban.training.api.trainingclass.Bloc;
import org.giaoban.training.api.trainingclass.ClassFormat;

/**
 * The briefing report as an Excel workbook, the figures a commission clerk hands in for the meeting: a summary sheet
 * ("Tổng hợp") with the period, the unit, the instant the figures were recorded up to and the headline figures, then
 * one sheet per part ("Đầu việc", "Văn bản", "Lớp bồi dưỡng", "Kế hoạch đào tạo", "Cuộc thi"), in Vietnamese (see
 * {@link BriefingLabels}).
 *
 * <p>Every figure is a numeric cell (counts shown {@code #,##0}, the completion rate as a percentage), the days of the
 * period are date cells shown {@code dd/mm/yyyy} and {@code recordedAt} a date-time cell in Hanoi time; an absent
 * figure is an empty cell. Headings are bold, the heading row of the table sheets stays in view when scrolling, and
 * sheets print on A4, one page wide. Column widths are reckoned from the characters of the longest value of each
 * column rather than measured with fonts, so that a server without fonts writes the same workbook.
 */
final class BriefingWorkbook {

    private static final int MAX_COLUMN_CHARACTERS = 80;

    private BriefingWorkbook() {}

    /** Writes the workbook ({@code .xlsx}) to {@code out}, which is left open. */
    static void write(BriefingReport report, OutputStream out) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            Styles styles = new Styles(workbook);
            summary(report, new SheetWriter(workbook, SUMMARY_SHEET, styles));
            tasks(report.tasks(), new SheetWriter(workbook, TASKS_SHEET, styles));
            documents(report.documents(), new SheetWriter(workbook, DOCUMENTS_SHEET, styles));
            training(report.training(), new SheetWriter(workbook, TRAINING_SHEET, styles));
            plans(report.trainingPlans(), new SheetWriter(workbook, PLANS_SHEET, styles));
            contests(report.contests(), new SheetWriter(workbook, CONTESTS_SHEET, styles));
            workbook.write(out);
        }
    }

    private static void summary(BriefingReport report, SheetWriter sheet) {
        sheet.row().title(TITLE);
        sheet.blankRow();
        sheet.row().text(UNIT).text(report.unitName());
        sheet.row().text(UNIT_ID).text(report.unitId());
        sheet.row().text(FROM).date(report.from());
        sheet.row().text(TO).date(report.to());
        if (report.recordedAt() == null) {
            sheet.row().text(RECORDED_AT).text(RECORDED_NOW);
        } else {
            sheet.row().text(RECORDED_AT).dateTime(LocalDateTime.ofInstant(report.recordedAt(), COMMISSION_ZONE));
        }

        TaskFigures tasks = report.tasks();
        sheet.blankRow();
        sheet.row().bold(TASKS_SHEET);
        sheet.row().text(DUE).count(tasks.due());
        sheet.row().text(COMPLETED).count(tasks.completed());
        sheet.row().text(OPEN).count(tasks.open());
        sheet.row().text(OVERDUE).count(tasks.overdue());
        sheet.row().text(COMPLETION_RATE).percent(tasks.completionRate());

        sheet.blankRow();
        sheet.row().bold(DOCUMENTS_SECTION);
        sheet.row().text(DOCUMENTS_ISSUED).count(report.documents().issued());

        sheet.blankRow();
        sheet.row().bold(TRAINING_SHEET);
        sheet.row().text(CLASSES).count(report.training().classes());
        sheet.row().text(LEARNER_TURNS).count(report.training().learnerTurns());

        sheet.blankRow();
        sheet.row().bold(CONTESTS_SHEET);
        sheet.row()
                .text(ENTRIES)
                .count(report.contests().stream()
                        .mapToLong(ContestFigures::entries)
                        .sum());

        Map<String, Long> positions = report.position();
        if (positions != null && !positions.isEmpty()) {
            sheet.blankRow();
            sheet.row().bold(POSITIONS_SECTION);
            positions.forEach((service, position) -> sheet.row().text(service).plain(position));
        }
        sheet.finish(false);
    }

    private static void tasks(TaskFigures tasks, SheetWriter sheet) {
        sheet.headings(UNIT, UNIT_ID, DUE, COMPLETED, OPEN, OVERDUE);
        for (UnitTaskFigures unit : tasks.byUnit()) {
            sheet.row()
                    .text(unit.name())
                    .text(unit.unitId())
                    .count(unit.due())
                    .count(unit.completed())
                    .count(unit.open())
                    .count(unit.overdue());
        }
        sheet.row()
                .bold(TOTAL)
                .skip()
                .boldCount(tasks.due())
                .boldCount(tasks.completed())
                .boldCount(tasks.open())
                .boldCount(tasks.overdue());
        sheet.finish(true);
    }

    private static void documents(DocumentFigures documents, SheetWriter sheet) {
        sheet.headings(DOCUMENT_KIND, DOCUMENTS_ISSUED);
        for (DocumentKind kind : DocumentKind.values()) {
            sheet.row()
                    .text(BriefingLabels.documentKind(kind))
                    .count(documents.byKind().getOrDefault(kind, 0L));
        }
        sheet.row().bold(TOTAL).boldCount(documents.issued());

        sheet.blankRow();
        sheet.headings(UNIT, UNIT_ID, DOCUMENTS_ISSUED);
        for (UnitDocumentFigures unit : documents.byUnit()) {
            sheet.row().text(unit.name()).text(unit.unitId()).count(unit.issued());
        }
        sheet.row().bold(TOTAL).skip().boldCount(documents.issued());
        sheet.finish(true);
    }

    private static void training(TrainingFigures training, SheetWriter sheet) {
        sheet.headings(BLOC, CLASSES, LEARNER_TURNS);
        for (Bloc bloc : Bloc.values()) {
            ClassFigures figures = training.byBloc().getOrDefault(bloc, new ClassFigures(0, 0));
            sheet.row().text(BriefingLabels.bloc(bloc)).count(figures.classes()).count(figures.learnerTurns());
        }
        sheet.row().bold(TOTAL).boldCount(training.classes()).boldCount(training.learnerTurns());

        sheet.blankRow();
        sheet.headings(FORMAT, CLASSES, LEARNER_TURNS);
        for (ClassFormat format : ClassFormat.values()) {
            ClassFigures figures = training.byFormat().getOrDefault(format, new ClassFigures(0, 0));
            sheet.row()
                    .text(BriefingLabels.format(format))
                    .count(figures.classes())
                    .count(figures.learnerTurns());
        }
        sheet.row().bold(TOTAL).boldCount(training.classes()).boldCount(training.learnerTurns());

        sheet.blankRow();
        sheet.headings(UNIT, UNIT_ID, CLASSES, LEARNER_TURNS);
        for (UnitClassFigures unit : training.byUnit()) {
            sheet.row()
                    .text(unit.name())
                    .text(unit.unitId())
                    .count(unit.classes())
                    .count(unit.learnerTurns());
        }
        sheet.row().bold(TOTAL).skip().boldCount(training.classes()).boldCount(training.learnerTurns());
        sheet.finish(true);
    }

    private static void plans(List<PlanFigures> plans, SheetWriter sheet) {
        sheet.headings(UNIT, YEAR, PLAN_LINE, BLOC, PLANNED, ACTUAL);
        for (PlanFigures plan : plans) {
            for (PlanLineFigures line : plan.lines()) {
                sheet.row()
                        .text(plan.name())
                        .plain((long) plan.year())
                        .text(line.label())
                        .text(BriefingLabels.blocs(line.blocs()))
                        .count(line.planned())
                        .count(line.actual());
            }
        }
        sheet.finish(true);
    }

    private static void contests(List<ContestFigures> contests, SheetWriter sheet) {
        sheet.headings(CONTEST, ENTRIES, PARTICIPANTS);
        for (ContestFigures contest : contests) {
            sheet.row().text(contest.title()).count(contest.entries()).count(contest.participants());
        }
        sheet.finish(true);
    }

    /** The cell styles, made once per workbook (a workbook holds at most 64,000 of them). */
    private static final class Styles {

        final CellStyle title;
        final CellStyle bold;
        final CellStyle count;
        final CellStyle boldCount;
        final CellStyle plain;
        final CellStyle percent;
        final CellStyle date;
        final CellStyle dateTime;

        Styles(Workbook workbook) {
            Font boldFont = workbook.createFont();
            boldFont.setBold(true);
            Font titleFont = workbook.createFont();
            titleFont.setBold(true);
            titleFont.setFontHeightInPoints((short) 14);
            title = style(workbook, titleFont, null);
            bold = style(workbook, boldFont, null);
            count = style(workbook, null, "#,##0");
            boldCount = style(workbook, boldFont, "#,##0");
            plain = style(workbook, null, "0");
            percent = style(workbook, null, "0.00%");
            date = style(workbook, null, "dd/mm/yyyy");
            dateTime = style(workbook, null, "dd/mm/yyyy hh:mm");
        }

        private static CellStyle style(Workbook workbook, Font font, String format) {
            CellStyle style = workbook.createCellStyle();
            if (font != null) {
                style.setFont(font);
            }
            if (format != null) {
                style.setDataFormat(workbook.createDataFormat().getFormat(format));
            }
            return style;
        }
    }

    /** Writes one sheet row by row, cell by cell from the left, and keeps the width each column needs. */
    private static final class SheetWriter {

        private final Sheet sheet;
        private final Styles styles;
        private final List<Integer> widths = new ArrayList<>();
        private int nextRow;
        private Row row;
        private int column;

        SheetWriter(Workbook workbook, String name, Styles styles) {
            this.sheet = workbook.createSheet(name);
            this.styles = styles;
        }

        SheetWriter row() {
            row = sheet.createRow(nextRow++);
            column = 0;
            return this;
        }

        void blankRow() {
            nextRow++;
        }

        void headings(String... headings) {
            row();
            for (String heading : headings) {
                bold(heading);
            }
        }

        /** A title may run over the empty cells to its right: it does not widen its column. */
        SheetWriter title(String text) {
            cell(styles.title).setCellValue(text);
            return this;
        }

        SheetWriter text(String text) {
            Cell cell = row.createCell(column++);
            cell.setCellValue(text);
            fit(cell.getColumnIndex(), characters(text));
            return this;
        }

        SheetWriter bold(String text) {
            cell(styles.bold).setCellValue(text);
            fit(column - 1, characters(text) + 1);
            return this;
        }

        SheetWriter count(long value) {
            cell(styles.count).setCellValue(value);
            fit(column - 1, String.format(Locale.ROOT, "%,d", value).length());
            return this;
        }

        SheetWriter boldCount(long value) {
            cell(styles.boldCount).setCellValue(value);
            fit(column - 1, String.format(Locale.ROOT, "%,d", value).length() + 1);
            return this;
        }

        /** A number shown without thousands separators (a year, an event position); empty when absent. */
        SheetWriter plain(Long value) {
            if (value == null) {
                return skip();
            }
            cell(styles.plain).setCellValue(value);
            fit(column - 1, Long.toString(value).length());
            return this;
        }

        SheetWriter percent(Double fraction) {
            if (fraction == null) {
                return skip();
            }
            cell(styles.percent).setCellValue(fraction);
            fit(column - 1, String.format(Locale.ROOT, "%.2f%%", fraction * 100).length());
            return this;
        }

        SheetWriter date(LocalDate day) {
            cell(styles.date).setCellValue(day);
            fit(column - 1, "dd/mm/yyyy".length());
            return this;
        }

        SheetWriter dateTime(LocalDateTime instant) {
            cell(styles.dateTime).setCellValue(instant);
            fit(column - 1, "dd/mm/yyyy hh:mm".length());
            return this;
        }

        SheetWriter skip() {
            column++;
            return this;
        }

        /** Sizes the columns and, on a table sheet, keeps the heading row in view. */
        void finish(boolean table) {
            for (int index = 0; index < widths.size(); index++) {
                int characters = Math.min(widths.get(index) + 2, MAX_COLUMN_CHARACTERS);
                sheet.setColumnWidth(index, characters * 256);
            }
            if (table) {
                sheet.createFreezePane(0, 1);
            }
            sheet.setFitToPage(true);
            sheet.getPrintSetup().setPaperSize(PrintSetup.A4_PAPERSIZE);
            sheet.getPrintSetup().setFitWidth((short) 1);
            sheet.getPrintSetup().setFitHeight((short) 0);
        }

        private Cell cell(CellStyle style) {
            Cell cell = row.createCell(column++);
            cell.setCellStyle(style);
            return cell;
        }

        private void fit(int index, int characters) {
            while (widths.size() <= index) {
                widths.add(0);
            }
            widths.set(index, Math.max(widths.get(index), characters));
        }

        /** Characters as a reader counts them: a letter with its diacritics is one. */
        private static int characters(String text) {
            if (text == null) {
                return 0;
            }
            String composed = Normalizer.normalize(text, Normalizer.Form.NFC);
            return composed.codePointCount(0, composed.length());
        }
    }
}
