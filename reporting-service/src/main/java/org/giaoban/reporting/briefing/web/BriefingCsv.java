package org.giaoban.reporting.briefing.web;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
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
 * The briefing report as one CSV file in long form, one figure a row, so that a spreadsheet filter on a column picks
 * out any figure: the header {@code part,unitId,unitName,item,value}, RFC 4180 quoting (a value holding a comma, a
 * quote, CR or LF is quoted and its quotes doubled) and CRLF line ends. Numbers are plain ({@code 1000000},
 * {@code 0.9655}), dates and instants ISO 8601 as in the JSON; an absent value (no {@code recordedAt}, no completion
 * rate when nothing is due, no event yet) is an empty field. A text that a spreadsheet would take for a formula (it
 * starts with {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage return, such as a contest titled
 * {@code =HYPERLINK(...)}) is written quoted after a single quote, so that it is shown, never run.
 *
 * <p>{@code part} is the JSON field the figure comes from, and {@code item} its name within that part:
 *
 * <ul>
 *   <li>{@code report}, on the report's unit: {@code from}, {@code to}, {@code unitId}, {@code recordedAt},
 *       {@code position.<service>}.
 *   <li>{@code tasks}: {@code due}, {@code completed}, {@code open}, {@code overdue}, {@code completionRate} on the
 *       report's unit (with the units under it); {@code byUnit.due}, {@code byUnit.completed}, {@code byUnit.open},
 *       {@code byUnit.overdue} on each unit, for its own items.
 *   <li>{@code documents}: {@code issued} and {@code issued.<KIND>} on the report's unit; {@code byUnit.issued}.
 *   <li>{@code training}: {@code classes}, {@code learnerTurns}, and the same suffixed by a bloc or a format
 *       ({@code learnerTurns.PARTY}, {@code classes.ONLINE}) on the report's unit; {@code byUnit.classes},
 *       {@code byUnit.learnerTurns}.
 *   <li>{@code trainingPlans}, on the plan's unit: {@code <year> <line label> [<BLOC> <BLOC>] planned} and the same
 *       ending in {@code actual}, e.g. {@code 2022 Khối Đảng và đoàn thể [PARTY MASS_ORGANISATIONS] planned}.
 *   <li>{@code contests}, on the report's unit: {@code <title> entries}, {@code <title> participants}.
 * </ul>
 *
 * The {@code byUnit.} prefix keeps a unit's own figure apart from the total of the report's unit, which is one of
 * the units of {@code byUnit}. Every document kind, bloc and format has its row, zero when the report has none.
 */
final class BriefingCsv {

    static final String HEADER = "part,unitId,unitName,item,value";

    private static final String LINE_END = "\r\n";

    private BriefingCsv() {}

    /** The CSV text, to be sent or stored in UTF-8. */
    static String render(BriefingReport report) {
        Rows rows = new Rows(report);
        report(report, rows);
        tasks(report.tasks(), rows);
        documents(report.documents(), rows);
        training(report.training(), rows);
        plans(report.trainingPlans(), rows);
        contests(report.contests(), rows);
        return rows.toString();
    }

    private static void report(BriefingReport report, Rows rows) {
        rows.total("report", "from", report.from());
        rows.total("report", "to", report.to());
        rows.total("report", "unitId", report.unitId());
        rows.total("report", "recordedAt", report.recordedAt());
        if (report.position() != null) {
            report.position().forEach((service, position) -> rows.total("report", "position." + service, position));
        }
    }

    private static void tasks(TaskFigures tasks, Rows rows) {
        rows.total("tasks", "due", tasks.due());
        rows.total("tasks", "completed", tasks.completed());
        rows.total("tasks", "open", tasks.open());
        rows.total("tasks", "overdue", tasks.overdue());
        rows.total(
                "tasks",
                "completionRate",
                tasks.completionRate() == null
                        ? null
                        : BigDecimal.valueOf(tasks.completionRate()).stripTrailingZeros());
        for (UnitTaskFigures unit : tasks.byUnit()) {
            rows.unit("tasks", unit.unitId(), unit.name(), "byUnit.due", unit.due());
            rows.unit("tasks", unit.unitId(), unit.name(), "byUnit.completed", unit.completed());
            rows.unit("tasks", unit.unitId(), unit.name(), "byUnit.open", unit.open());
            rows.unit("tasks", unit.unitId(), unit.name(), "byUnit.overdue", unit.overdue());
        }
    }

    private static void documents(DocumentFigures documents, Rows rows) {
        rows.total("documents", "issued", documents.issued());
        for (DocumentKind kind : DocumentKind.values()) {
            rows.total("documents", "issued." + kind.name(), documents.byKind().getOrDefault(kind, 0L));
        }
        for (UnitDocumentFigures unit : documents.byUnit()) {
            rows.unit("documents", unit.unitId(), unit.name(), "byUnit.issued", unit.issued());
        }
    }

    private static void training(TrainingFigures training, Rows rows) {
        rows.total("training", "classes", training.classes());
        rows.total("training", "learnerTurns", training.learnerTurns());
        for (Bloc bloc : Bloc.values()) {
            classFigures(training.byBloc(), bloc, rows);
        }
        for (ClassFormat format : ClassFormat.values()) {
            classFigures(training.byFormat(), format, rows);
        }
        for (UnitClassFigures unit : training.byUnit()) {
            rows.unit("training", unit.unitId(), unit.name(), "byUnit.classes", unit.classes());
            rows.unit("training", unit.unitId(), unit.name(), "byUnit.learnerTurns", unit.learnerTurns());
        }
    }

    private static <K extends Enum<K>> void classFigures(Map<K, ClassFigures> figures, K key, Rows rows) {
        ClassFigures found = figures.getOrDefault(key, new ClassFigures(0, 0));
        rows.total("training", "classes." + key.name(), found.classes());
        rows.total("training", "learnerTurns." + key.name(), found.learnerTurns());
    }

    private static void plans(List<PlanFigures> plans, Rows rows) {
        for (PlanFigures plan : plans) {
            for (PlanLineFigures line : plan.lines()) {
                String item = plan.year() + " " + line.label() + " ["
                        + line.blocs().stream().map(Bloc::name).collect(Collectors.joining(" ")) + "]";
                rows.unit("trainingPlans", plan.unitId(), plan.name(), item + " planned", line.planned());
                rows.unit("trainingPlans", plan.unitId(), plan.name(), item + " actual", line.actual());
            }
        }
    }

    private static void contests(List<ContestFigures> contests, Rows rows) {
        for (ContestFigures contest : contests) {
            rows.total("contests", contest.title() + " entries", contest.entries());
            rows.total("contests", contest.title() + " participants", contest.participants());
        }
    }

    /** The rows written so far, each value quoted only when RFC 4180 asks for it. */
    private static final class Rows {

        private final StringBuilder text = new StringBuilder(HEADER).append(LINE_END);
        private final BriefingReport report;

        Rows(BriefingReport report) {
            this.report = report;
        }

        /** A figure of the report's unit, with the units under it. */
        void total(String part, String item, Object value) {
            unit(part, report.unitId(), report.unitName(), item, value);
        }

        void unit(String part, String unitId, String unitName, String item, Object value) {
            text.append(field(part))
                    .append(',')
                    .append(field(unitId))
                    .append(',')
                    .append(field(unitName))
                    .append(',')
                    .append(field(item))
                    .append(',')
                    .append(field(value))
                    .append(LINE_END);
        }

        private static String field(Object value) {
            if (value == null) {
                return "";
            }
            if (value instanceof Number number) {
                return number instanceof BigDecimal decimal ? decimal.toPlainString() : number.toString();
            }
            String text = value.toString();
            if (startsAFormula(text)) {
                // A spreadsheet would run it (OWASP, "CSV injection"): a leading quote makes it text, shown as typed.
                return "\"'" + text.replace("\"", "\"\"") + '"';
            }
            if (text.indexOf(',') < 0 && text.indexOf('"') < 0 && text.indexOf('\r') < 0 && text.indexOf('\n') < 0) {
                return text;
            }
            return '"' + text.replace("\"", "\"\"") + '"';
        }

        private static boolean startsAFormula(String text) {
            return !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0;
        }

        @Override
        public String toString() {
            return text.toString();
        }
    }
}
