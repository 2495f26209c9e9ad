package org.giaoban.suite.reference;

import static org.giaoban.suite.reference.ReferenceCalendar.AFTER_BOTH_PERIODS;
import static org.giaoban.suite.reference.ReferenceCalendar.YEAR_END;
import static org.giaoban.suite.reference.ReferenceCalendar.quarterOf;
import static org.giaoban.suite.reference.ReferenceCalendar.workingDays;
import static org.giaoban.suite.reference.ReferenceUnits.CADRE_SCHOOL;
import static org.giaoban.suite.reference.ReferenceUnits.CITY;
import static org.giaoban.suite.reference.ReferenceUnits.NEWSPAPER;
import static org.giaoban.suite.reference.ReferenceUnits.RADIO_TELEVISION;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.giaoban.suite.reference.DatasetPlan.DocumentKind;
import org.giaoban.suite.reference.DatasetPlan.PlannedDocument;
import org.giaoban.suite.reference.DatasetPlan.PlannedTask;
import org.giaoban.suite.reference.ReferenceTexts.Seasonal;
import org.giaoban.units.Unit;
import org.giaoban.units.UnitKind;

/**
 * The direction documents of 2022: the published number issued by the cut-off, about a third of them the city
 * commission's, a few from each agency and the rest from the districts by their size; a few revoked; and some issued
 * in the last quarter. Each unit numbers its documents in the order it issued them; some of the city commission's
 * plans serve one of its work items.
 */
final class DocumentPlanner {

    private static final LocalDate FIRST_ISSUE = LocalDate.of(2022, 1, 4);
    private static final int CITY_DOCUMENTS = 520;
    private static final int REVOKED_DOCUMENTS = 12;
    private static final int LATE_DOCUMENTS = 250;

    /** Kinds in the shares a commission issues them: plans, reports and letters most, resolutions and directives few. */
    private static final Map<DocumentKind, Integer> KIND_SHARES = new EnumMap<>(Map.of(
            DocumentKind.PLAN, 28,
            DocumentKind.REPORT, 26,
            DocumentKind.OTHER, 22,
            DocumentKind.GUIDANCE, 15,
            DocumentKind.RESOLUTION, 5,
            DocumentKind.DIRECTIVE, 4));

    private final ReferenceUnits units;
    private final ReferenceTexts texts;
    private final Random random;

    DocumentPlanner(ReferenceUnits units, ReferenceTexts texts, Random random) {
        this.units = units;
        this.texts = texts;
        this.random = random;
    }

    /** A document before it has its number; a notice is a letter numbered as such ({@code TB}). */
    private record DocumentDraft(
            String unitId, LocalDate issuedOn, DocumentKind kind, boolean notice, String revocation) {}

    List<PlannedDocument> plan(List<PlannedTask> tasks) {
        List<DocumentDraft> drafts = inNumberingOrder(drafts());
        int[] keyOf = positionsByDate(drafts);
        List<PlannedTask> cityTasks =
                tasks.stream().filter(task -> task.unitId().equals(CITY)).toList();
        Map<String, Integer> numbers = new HashMap<>();
        PlannedDocument[] documents = new PlannedDocument[drafts.size()];
        for (int i = 0; i < drafts.size(); i++) {
            DocumentDraft draft = drafts.get(i);
            int number = numbers.merge(draft.unitId(), 1, Integer::sum);
            String taskKey = null;
            if (draft.unitId().equals(CITY)
                    && draft.kind() == DocumentKind.PLAN
                    && draft.revocation() == null
                    && random.nextInt(4) == 0) {
                taskKey = cityTasks.get(random.nextInt(cityTasks.size())).key();
            }
            documents[keyOf[i]] = new PlannedDocument(
                    String.format("D%04d", keyOf[i] + 1),
                    numberOf(number, draft),
                    titleOf(draft),
                    draft.kind(),
                    draft.unitId(),
                    draft.issuedOn(),
                    taskKey,
                    draft.revocation());
        }
        return List.of(documents);
    }

    /** The documents of the city commission, then of each agency, then of each district: counted, revoked, late. */
    private List<DocumentDraft> drafts() {
        List<String> issuers = new ArrayList<>();
        issuers.add(CITY);
        issuers.addAll(units.agencies());
        issuers.addAll(units.districts());
        int[] counts = new int[issuers.size()];
        counts[0] = CITY_DOCUMENTS;
        int agencyTotal = 0;
        for (int a = 0; a < units.agencies().size(); a++) {
            counts[1 + a] = 10 + random.nextInt(11);
            agencyTotal += counts[1 + a];
        }
        int[] districtShares = Shares.allocate(
                ReferenceFigures.DOCUMENTS_ISSUED - CITY_DOCUMENTS - agencyTotal,
                units.weightsOf(units.districts(), random));
        System.arraycopy(
                districtShares,
                0,
                counts,
                1 + units.agencies().size(),
                units.districts().size());

        List<LocalDate> periodDays = workingDays(FIRST_ISSUE, ReferenceFigures.BRIEFING_TO);
        List<DocumentDraft> drafts = new ArrayList<>();
        for (int u = 0; u < issuers.size(); u++) {
            for (int d = 0; d < counts[u]; d++) {
                drafts.add(draft(issuers.get(u), periodDays, null));
            }
        }
        for (int r = 0; r < REVOKED_DOCUMENTS; r++) {
            String unitId = r < 4
                    ? CITY
                    : units.districts().get(random.nextInt(units.districts().size()));
            String reason = r % 2 == 0
                    ? "Ban hành nhầm, thay thế bằng văn bản khác"
                    : "Thu hồi do sai sót về nội dung và thể thức";
            drafts.add(draft(unitId, periodDays, reason));
        }
        List<LocalDate> lateDays = workingDays(AFTER_BOTH_PERIODS, YEAR_END);
        int[] lateCounts = Shares.allocate(
                LATE_DOCUMENTS, Arrays.stream(counts).asDoubleStream().toArray());
        for (int u = 0; u < issuers.size(); u++) {
            for (int d = 0; d < lateCounts[u]; d++) {
                drafts.add(draft(issuers.get(u), lateDays, null));
            }
        }
        return drafts;
    }

    private DocumentDraft draft(String unitId, List<LocalDate> days, String revocation) {
        int roll = random.nextInt(100);
        DocumentKind kind = DocumentKind.OTHER;
        for (Map.Entry<DocumentKind, Integer> share : KIND_SHARES.entrySet()) {
            if (roll < share.getValue()) {
                kind = share.getKey();
                break;
            }
            roll -= share.getValue();
        }
        boolean notice = kind == DocumentKind.OTHER && random.nextInt(10) < 3;
        return new DocumentDraft(unitId, days.get(random.nextInt(days.size())), kind, notice, revocation);
    }

    /** Unit after unit, in the order each first appears, each unit's documents by date. */
    private static List<DocumentDraft> inNumberingOrder(List<DocumentDraft> drafts) {
        Map<String, List<DocumentDraft>> byUnit = new LinkedHashMap<>();
        for (DocumentDraft draft : drafts) {
            byUnit.computeIfAbsent(draft.unitId(), unit -> new ArrayList<>()).add(draft);
        }
        List<DocumentDraft> ordered = new ArrayList<>(drafts.size());
        for (List<DocumentDraft> ofUnit : byUnit.values()) {
            ofUnit.sort(Comparator.comparing(DocumentDraft::issuedOn));
            ordered.addAll(ofUnit);
        }
        return ordered;
    }

    /** Where each draft comes when all are put in order of date, those of one day in the order given. */
    private static int[] positionsByDate(List<DocumentDraft> drafts) {
        Integer[] byDate = new Integer[drafts.size()];
        Arrays.setAll(byDate, i -> i);
        Arrays.sort(byDate, Comparator.comparing(i -> drafts.get(i).issuedOn()));
        int[] positions = new int[drafts.size()];
        for (int k = 0; k < byDate.length; k++) {
            positions[byDate[k]] = k;
        }
        return positions;
    }

    /**
     * The number a unit gives its {@code n}-th document of the year: {@code 123-KH/BTGTU} for a Party commission (city,
     * district {@code BTGQU}, rural district {@code BTGHU}, town {@code BTGTU}), {@code 12/KH-PTTH} for an agency.
     */
    private String numberOf(int n, DocumentDraft draft) {
        String kind = draft.notice() ? "TB" : draft.kind().abbreviation();
        Unit unit = units.unit(draft.unitId());
        if (unit.kind() == UnitKind.AGENCY) {
            String issuer = switch (unit.id()) {
                case RADIO_TELEVISION -> "PTTH";
                case NEWSPAPER -> "HNM";
                case CADRE_SCHOOL -> "TLHP";
                default -> unit.id().substring(unit.id().indexOf('-') + 1);
            };
            return n + "/" + kind + "-" + issuer;
        }
        String issuer = unit.kind() == UnitKind.CITY || unit.kind() == UnitKind.TOWN
                ? "BTGTU"
                : unit.name().contains("Quận ủy") ? "BTGQU" : "BTGHU";
        return n + "-" + kind + "/" + issuer;
    }

    /** A title for the kind; a report or notice early in a month is about the month before. */
    private String titleOf(DocumentDraft draft) {
        LocalDate on = draft.issuedOn();
        boolean lookingBack = draft.kind() == DocumentKind.REPORT || draft.notice();
        LocalDate about = lookingBack && on.getDayOfMonth() <= 10 ? on.minusMonths(1) : on;
        String template = switch (draft.kind()) {
            case PLAN -> "Kế hoạch " + Seasonal.pick(texts.planSubjects(), on, random);
            case GUIDANCE -> "Hướng dẫn " + Seasonal.pick(texts.guidanceSubjects(), on, random);
            case REPORT -> Seasonal.pick(texts.reports(), on, random);
            case DIRECTIVE -> ReferenceTexts.pick(texts.directives(), random);
            case RESOLUTION -> ReferenceTexts.pick(texts.resolutions(), random);
            case OTHER -> ReferenceTexts.pick(draft.notice() ? texts.notices() : texts.letters(), random);
        };
        return template.replace("{m} năm 2022", about.getMonthValue() + " năm " + about.getYear())
                .replace("{q} năm 2022", quarterOf(about) + " năm " + about.getYear())
                .replace("{m}", Integer.toString(about.getMonthValue()))
                .replace("{q}", quarterOf(about));
    }
}
