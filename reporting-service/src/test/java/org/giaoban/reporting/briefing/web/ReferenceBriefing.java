package org.giaoban.reporting.briefing.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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

/** The Hanoi commission's briefing on the first nine months of 2022, with the figures of DOMAIN.md, and an empty one. */
final class ReferenceBriefing {

    static final String CITY = "Ban Tuyên giáo Thành ủy Hà Nội";
    static final String HOAN_KIEM = "Ban Tuyên giáo Quận ủy Hoàn Kiếm";
    static final String LONG_BIEN = "Ban Tuyên giáo Quận ủy Long Biên";
    static final String QUOC_OAI = "Ban Tuyên giáo Huyện ủy Quốc Oai";
    static final String PHUC_THO = "Ban Tuyên giáo Huyện ủy Phúc Thọ";
    static final String SON_TAY = "Ban Tuyên giáo Thị ủy Sơn Tây";

    static final String PARTY_AND_MASS_LINE = "Khối Đảng và đoàn thể";
    static final String STATE_LINE = "Quản lý nhà nước";
    /** A label a spreadsheet could split: a comma and quotes. */
    static final String TRICKY_LINE = "Lớp \"Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh\"";

    static final String CONTEST = "Tìm hiểu Nghị quyết 15-NQ/TW";
    static final UUID CONTEST_ID = UUID.fromString("7d2f8c1e-5b0a-4c3e-9f61-0a8b2c4d6e10");

    private ReferenceBriefing() {}

    static BriefingReport hanoi2022() {
        TaskFigures tasks = new TaskFigures(
                87,
                84,
                3,
                0,
                0.9655,
                List.of(
                        new UnitTaskFigures("HN", CITY, 60, 58, 2, 0),
                        new UnitTaskFigures("HN-LONGBIEN", LONG_BIEN, 5, 5, 0, 0),
                        new UnitTaskFigures("HN-QUOCOAI", QUOC_OAI, 12, 11, 1, 0),
                        new UnitTaskFigures("HN-HOANKIEM", HOAN_KIEM, 10, 10, 0, 0)));

        Map<DocumentKind, Long> byKind = new EnumMap<>(DocumentKind.class);
        byKind.put(DocumentKind.RESOLUTION, 20L);
        byKind.put(DocumentKind.DIRECTIVE, 15L);
        byKind.put(DocumentKind.PLAN, 300L);
        byKind.put(DocumentKind.GUIDANCE, 85L);
        byKind.put(DocumentKind.REPORT, 900L);
        byKind.put(DocumentKind.OTHER, 100L);
        DocumentFigures documents = new DocumentFigures(
                1420,
                byKind,
                List.of(
                        new UnitDocumentFigures("HN", CITY, 1000),
                        new UnitDocumentFigures("HN-LONGBIEN", LONG_BIEN, 170),
                        new UnitDocumentFigures("HN-HOANKIEM", HOAN_KIEM, 250)));

        Map<Bloc, ClassFigures> byBloc = new EnumMap<>(Bloc.class);
        byBloc.put(Bloc.PARTY, new ClassFigures(614, 102068));
        byBloc.put(Bloc.MASS_ORGANISATIONS, new ClassFigures(288, 52467));
        byBloc.put(Bloc.STATE, new ClassFigures(490, 71215));
        byBloc.put(Bloc.OTHER, new ClassFigures(26, 4766));
        Map<ClassFormat, ClassFigures> byFormat = new EnumMap<>(ClassFormat.class);
        byFormat.put(ClassFormat.IN_PERSON, new ClassFigures(1100, 180000));
        byFormat.put(ClassFormat.ONLINE, new ClassFigures(300, 45000));
        byFormat.put(ClassFormat.BLENDED, new ClassFigures(18, 5516));
        TrainingFigures training = new TrainingFigures(
                1418,
                230516,
                byBloc,
                byFormat,
                List.of(
                        new UnitClassFigures("HN", CITY, 900, 150000),
                        new UnitClassFigures("HN-HOANKIEM", HOAN_KIEM, 60, 9000),
                        new UnitClassFigures("HN-PHUCTHO", PHUC_THO, 458, 71516)));

        List<PlanFigures> plans = List.of(
                new PlanFigures(
                        "HN-HOANKIEM",
                        HOAN_KIEM,
                        2022,
                        List.of(
                                new PlanLineFigures(
                                        PARTY_AND_MASS_LINE, List.of(Bloc.PARTY, Bloc.MASS_ORGANISATIONS), 66, 40),
                                new PlanLineFigures(STATE_LINE, List.of(Bloc.STATE), 31, 20))),
                new PlanFigures(
                        "HN-PHUCTHO",
                        PHUC_THO,
                        2022,
                        List.of(new PlanLineFigures(TRICKY_LINE, List.of(Bloc.OTHER), 5, 3))));

        Map<String, Long> position = new LinkedHashMap<>();
        position.put("tasks", 1234L);
        position.put("training", 1250000L);

        return new BriefingReport(
                LocalDate.of(2022, 1, 1),
                LocalDate.of(2022, 9, 8),
                "HN",
                CITY,
                Instant.parse("2022-10-06T00:00:00Z"),
                tasks,
                documents,
                training,
                plans,
                List.of(new ContestFigures(CONTEST_ID, CONTEST, 1000000, 700000)),
                position);
    }

    /** The reference briefing with its one contest under another title, such as one a spreadsheet would run. */
    static BriefingReport withContestTitled(String title) {
        BriefingReport report = hanoi2022();
        return new BriefingReport(
                report.from(),
                report.to(),
                report.unitId(),
                report.unitName(),
                report.recordedAt(),
                report.tasks(),
                report.documents(),
                report.training(),
                report.trainingPlans(),
                List.of(new ContestFigures(CONTEST_ID, title, 1000000, 700000)),
                report.position());
    }

    /** A town with nothing recorded for the period, asked for as it stands now, before either service has an event. */
    static BriefingReport empty() {
        Map<String, Long> position = new LinkedHashMap<>();
        position.put("tasks", null);
        position.put("training", null);
        return new BriefingReport(
                LocalDate.of(2022, 1, 1),
                LocalDate.of(2022, 9, 8),
                "HN-SONTAY",
                SON_TAY,
                null,
                new TaskFigures(0, 0, 0, 0, null, List.of()),
                new DocumentFigures(0, Map.of(), List.of()),
                new TrainingFigures(0, 0, Map.of(), Map.of(), List.of()),
                List.of(),
                List.of(),
                position);
    }
}
