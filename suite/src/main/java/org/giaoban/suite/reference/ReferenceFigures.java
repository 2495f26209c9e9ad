package org.giaoban.suite.reference;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The figures of the Hanoi commission's briefing on the first nine months of 2022 (DOMAIN.md), which the reference
 * dataset must reproduce, and the two periods they are read over: up to the meeting's cut-off of 8 September and the
 * whole nine months.
 */
public final class ReferenceFigures {

    /** Classes and learner-turns per bloc, as published. */
    public record BlocShare(Bloc bloc, int classes, int learnerTurns) {}

    public static final LocalDate FROM = LocalDate.of(2022, 1, 1);
    public static final LocalDate BRIEFING_TO = LocalDate.of(2022, 9, 8);
    public static final LocalDate NINE_MONTHS_TO = LocalDate.of(2022, 9, 30);

    public static final String PROGRAMME = "2022";
    public static final int TASKS_DUE = 87;
    public static final int TASKS_DONE = 84;

    public static final int DOCUMENTS_ISSUED = 1_420;

    public static final List<BlocShare> BLOCS = List.of(
            new BlocShare(Bloc.PARTY, 614, 102_068),
            new BlocShare(Bloc.MASS_ORGANISATIONS, 288, 52_467),
            new BlocShare(Bloc.STATE, 490, 71_215),
            new BlocShare(Bloc.OTHER, 26, 4_766));
    public static final int CLASSES = 1_418;
    public static final int LEARNER_TURNS = 230_516;

    public static final String HOAN_KIEM = "HN-HOANKIEM";
    public static final int HOAN_KIEM_PARTY_AND_MASS_CLASSES = 66;
    public static final int HOAN_KIEM_STATE_CLASSES = 31;

    public static final String CONTEST_TITLE = "Cuộc thi trực tuyến tìm hiểu Nghị quyết 15-NQ/TW";
    public static final String CONTEST_SUBJECT = "Nghị quyết 15-NQ/TW";
    public static final Instant CONTEST_OPENS = Instant.parse("2022-06-01T00:00:00Z");
    public static final Instant CONTEST_CLOSES = Instant.parse("2022-08-31T16:59:59Z");
    public static final int CONTEST_ENTRIES = 1_000_000;

    private ReferenceFigures() {}
}
