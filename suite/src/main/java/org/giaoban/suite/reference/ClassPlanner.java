package org.giaoban.suite.reference;

import static org.giaoban.suite.reference.ReferenceCalendar.AFTER_BOTH_PERIODS;
import static org.giaoban.suite.reference.ReferenceCalendar.workingDays;
import static org.giaoban.suite.reference.ReferenceUnits.CADRE_SCHOOL;
import static org.giaoban.suite.reference.ReferenceUnits.CITY;
import static org.giaoban.suite.reference.ReferenceUnits.NEWSPAPER;
import static org.giaoban.suite.reference.ReferenceUnits.RADIO_TELEVISION;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.giaoban.suite.reference.DatasetPlan.ClassFormat;
import org.giaoban.suite.reference.DatasetPlan.EnrolmentMode;
import org.giaoban.suite.reference.DatasetPlan.Learner;
import org.giaoban.suite.reference.DatasetPlan.PlannedClass;

/**
 * The training classes of 2022 and their learners: per bloc, the published numbers of classes and learner-turns by the
 * cut-off, shared out over the units that organise such classes; withdrawals on top of the published turns; and the
 * classes the counting leaves out, cancelled or starting in the last quarter. Learners are drawn from a pool of people
 * per unit, so that most of them take part in more than one class.
 */
final class ClassPlanner {

    private static final LocalDate FIRST_CLASS_START = LocalDate.of(2022, 1, 5);
    private static final LocalDate LAST_LATE_CLASS_START = LocalDate.of(2022, 12, 20);
    private static final int CANCELLED_CLASSES = 20;
    private static final int LATE_CLASSES = 150;
    private static final int WITHDRAWALS = 600;
    private static final int CLASSES_WITH_WITHDRAWALS = 100;

    /** Month weights of class starts: quiet around Tết and in the summer, busy in spring and autumn. */
    private static final double[] CLASS_MONTH_WEIGHTS = {0, 0.8, 0.6, 1.4, 1.5, 1.4, 1.3, 1.0, 1.1, 1.2, 1.2, 1.3, 0.7};

    private final ReferenceUnits units;
    private final ReferenceTexts texts;
    private final Random random;

    ClassPlanner(ReferenceUnits units, ReferenceTexts texts, Random random) {
        this.units = units;
        this.texts = texts;
        this.random = random;
    }

    /** The classes and the people their learners are drawn from. */
    record Classes(List<PlannedClass> planned, People people) {}

    /** The people who take part in classes: each has a number, a unit and a citizen id; units draw from their own. */
    static final class People {

        private final List<Learner> learners = new ArrayList<>();
        private final Map<String, int[]> poolOfUnit = new HashMap<>();

        Learner get(int person) {
            return learners.get(person);
        }

        int size() {
            return learners.size();
        }

        /** The first person and the number of people of the unit; the city's classes draw from everyone. */
        int[] poolOf(String unitId) {
            return unitId.equals(CITY) ? new int[] {0, learners.size()} : poolOfUnit.get(unitId);
        }
    }

    /** A class before it has its learners. */
    private record ClassDraft(
            String unitId,
            Bloc bloc,
            ClassFormat format,
            LocalDate startsOn,
            int learners,
            int withdrawn,
            String cancellation) {

        ClassDraft withLearners(int count, int withdrawnCount) {
            return new ClassDraft(unitId, bloc, format, startsOn, count, withdrawnCount, cancellation);
        }
    }

    Classes plan() {
        List<LocalDate> periodDays = workingDays(FIRST_CLASS_START, ReferenceFigures.BRIEFING_TO);
        List<ClassDraft> drafts = countedDrafts(periodDays);
        int[] withdrawals = withdrawalsOver(drafts.size());
        for (int i = 0; i < drafts.size(); i++) {
            if (withdrawals[i] > 0) {
                ClassDraft draft = drafts.get(i);
                drafts.set(i, draft.withLearners(draft.learners() + withdrawals[i], withdrawals[i]));
            }
        }
        drafts.addAll(excludedDrafts(periodDays));
        drafts.sort(Comparator.comparing(ClassDraft::startsOn));

        People people = people(drafts);
        Map<String, Integer> courseNumbers = new HashMap<>();
        List<PlannedClass> planned = new ArrayList<>();
        for (int i = 0; i < drafts.size(); i++) {
            ClassDraft draft = drafts.get(i);
            List<Learner> learners = draw(people, draft.unitId(), draft.learners());
            List<String> withdrawn = withdrawnFrom(learners, draft.withdrawn());
            List<String> titles = texts.classTitles().get(draft.bloc());
            String template = ReferenceTexts.pick(titles, random);
            int course = courseNumbers.merge(draft.unitId() + template, 1, Integer::sum);
            String title = template + formatSuffix(draft.format()) + ", khóa " + course + " năm 2022 - "
                    + units.placeOf(draft.unitId());
            EnrolmentMode mode = learners.size() <= 60 && random.nextInt(10) == 0
                    ? EnrolmentMode.ONE_BY_ONE
                    : random.nextInt(100) < 55 ? EnrolmentMode.CSV : EnrolmentMode.JSON;
            Integer capacity = draft.format() == ClassFormat.IN_PERSON && random.nextInt(10) < 4
                    ? (learners.size() + 9) / 10 * 10 + random.nextInt(3) * 10
                    : null;
            planned.add(new PlannedClass(
                    String.format("L%04d", i + 1),
                    title,
                    draft.unitId(),
                    draft.bloc(),
                    draft.format(),
                    draft.startsOn(),
                    endOf(draft.startsOn(), draft.format()),
                    capacity,
                    learners,
                    mode,
                    withdrawn,
                    draft.cancellation()));
        }
        return new Classes(List.copyOf(planned), people);
    }

    /** The classes counted by the cut-off, bloc by bloc, with exactly the published classes and learner-turns. */
    private List<ClassDraft> countedDrafts(List<LocalDate> periodDays) {
        List<ClassDraft> drafts = new ArrayList<>();
        for (ReferenceFigures.BlocShare share : ReferenceFigures.BLOCS) {
            List<ClassDraft> ofBloc = new ArrayList<>();
            Map<String, Integer> perUnit = classesPerUnit(share);
            for (Map.Entry<String, Integer> unit : perUnit.entrySet()) {
                for (int c = 0; c < unit.getValue(); c++) {
                    ClassFormat format = formatOf(share.bloc(), unit.getKey());
                    ofBloc.add(new ClassDraft(
                            unit.getKey(), share.bloc(), format, weightedDay(periodDays), rawSize(format), 0, null));
                }
            }
            drafts.addAll(scaleTo(ofBloc, share.learnerTurns()));
        }
        return drafts;
    }

    /** Classes cancelled within the period, then classes starting after it; smaller than the counted ones. */
    private List<ClassDraft> excludedDrafts(List<LocalDate> periodDays) {
        List<LocalDate> lateDays = workingDays(AFTER_BOTH_PERIODS, LAST_LATE_CLASS_START);
        List<ClassDraft> drafts = new ArrayList<>();
        for (int c = 0; c < CANCELLED_CLASSES + LATE_CLASSES; c++) {
            boolean cancelled = c < CANCELLED_CLASSES;
            Bloc bloc = blocByShare();
            String unitId = random.nextInt(8) == 0
                    ? CITY
                    : units.districts().get(random.nextInt(units.districts().size()));
            ClassFormat format = formatOf(bloc, unitId);
            LocalDate startsOn = cancelled ? weightedDay(periodDays) : weightedDay(lateDays);
            String cancellation = null;
            if (cancelled) {
                cancellation = startsOn.getMonthValue() <= 3
                        ? texts.classPostponedForCovid()
                        : ReferenceTexts.pick(texts.classCancellations(), random);
            }
            int learners = (int) Math.round(rawSize(format) * 0.65);
            drafts.add(new ClassDraft(unitId, bloc, format, startsOn, learners, 0, cancellation));
        }
        return drafts;
    }

    /**
     * The published number of classes of a bloc, shared out over the units that organise such classes: Hoàn Kiếm, the
     * city commission and the agencies get fixed numbers, the other districts and towns the rest by their size.
     */
    private Map<String, Integer> classesPerUnit(ReferenceFigures.BlocShare share) {
        Map<String, Integer> fixed = new LinkedHashMap<>();
        switch (share.bloc()) {
            case PARTY -> {
                fixed.put(ReferenceFigures.HOAN_KIEM, 36);
                fixed.put(CITY, 28);
                fixed.put(CADRE_SCHOOL, 20);
                fixed.put(RADIO_TELEVISION, 3);
                fixed.put(NEWSPAPER, 2);
            }
            case MASS_ORGANISATIONS -> {
                fixed.put(ReferenceFigures.HOAN_KIEM, 14);
                fixed.put(CITY, 10);
            }
            case STATE -> {
                fixed.put(ReferenceFigures.HOAN_KIEM, 23);
                fixed.put(CITY, 22);
                fixed.put(CADRE_SCHOOL, 45);
            }
            case OTHER -> {
                fixed.put(RADIO_TELEVISION, 6);
                fixed.put(NEWSPAPER, 5);
                fixed.put(CITY, 3);
            }
        }
        Map<String, Integer> perUnit = new LinkedHashMap<>(fixed);
        int rest = share.classes()
                - fixed.values().stream().mapToInt(Integer::intValue).sum();
        List<String> others = new ArrayList<>(units.districts());
        others.remove(ReferenceFigures.HOAN_KIEM);
        if (share.bloc() == Bloc.OTHER) {
            Collections.shuffle(others, random);
            for (int i = 0; i < rest; i++) {
                perUnit.merge(others.get(i % others.size()), 1, Integer::sum);
            }
        } else {
            int[] counts = Shares.allocate(rest, units.weightsOf(others, random));
            for (int i = 0; i < others.size(); i++) {
                perUnit.put(others.get(i), counts[i]);
            }
        }
        return perUnit;
    }

    private ClassFormat formatOf(Bloc bloc, String unitId) {
        int roll = random.nextInt(100);
        int online = switch (bloc) {
            case PARTY -> 18;
            case MASS_ORGANISATIONS -> 10;
            case STATE -> 15;
            case OTHER -> unitId.equals(RADIO_TELEVISION) || unitId.equals(NEWSPAPER) ? 0 : 20;
        };
        return roll < online ? ClassFormat.ONLINE : roll < online + 12 ? ClassFormat.BLENDED : ClassFormat.IN_PERSON;
    }

    /** A class size before scaling: in-person classes are small, online ones can be large. */
    private int rawSize(ClassFormat format) {
        double r = random.nextDouble();
        return switch (format) {
            case IN_PERSON -> (int) Math.round(30 + 250 * Math.pow(r, 1.6));
            case BLENDED -> (int) Math.round(60 + 400 * Math.pow(r, 1.4));
            case ONLINE -> (int) Math.round(150 + 1600 * Math.pow(r, 1.3));
        };
    }

    /** A working day among {@code days}, months weighted by {@link #CLASS_MONTH_WEIGHTS}. */
    private LocalDate weightedDay(List<LocalDate> days) {
        double total = 0;
        for (LocalDate day : days) {
            total += CLASS_MONTH_WEIGHTS[day.getMonthValue()];
        }
        double target = random.nextDouble() * total;
        for (LocalDate day : days) {
            target -= CLASS_MONTH_WEIGHTS[day.getMonthValue()];
            if (target < 0) {
                return day;
            }
        }
        return days.get(days.size() - 1);
    }

    /** The drafts with their sizes scaled to add up to exactly {@code total}, rounding by largest remainder. */
    private static List<ClassDraft> scaleTo(List<ClassDraft> drafts, int total) {
        double[] weights = drafts.stream().mapToDouble(ClassDraft::learners).toArray();
        int[] sizes = Shares.allocate(total, weights);
        List<ClassDraft> scaled = new ArrayList<>();
        for (int i = 0; i < drafts.size(); i++) {
            if (sizes[i] < 1) {
                throw new IllegalStateException("A class would have no learners");
            }
            scaled.add(drafts.get(i).withLearners(sizes[i], 0));
        }
        return scaled;
    }

    /** {@link #WITHDRAWALS} withdrawals over {@link #CLASSES_WITH_WITHDRAWALS} of the first {@code classes}. */
    private int[] withdrawalsOver(int classes) {
        List<Integer> chosen = new ArrayList<>();
        for (int i = 0; i < classes; i++) {
            chosen.add(i);
        }
        Collections.shuffle(chosen, random);
        chosen = chosen.subList(0, CLASSES_WITH_WITHDRAWALS);
        int[] withdrawals = new int[classes];
        chosen.forEach(c -> withdrawals[c] = 1);
        for (int w = CLASSES_WITH_WITHDRAWALS; w < WITHDRAWALS; ) {
            int c = chosen.get(random.nextInt(chosen.size()));
            if (withdrawals[c] < 15) {
                withdrawals[c]++;
                w++;
            }
        }
        return withdrawals;
    }

    /** {@code count} of the learners, chosen at random, by their ids. */
    private List<String> withdrawnFrom(List<Learner> learners, int count) {
        List<Integer> positions = new ArrayList<>();
        for (int p = 0; p < learners.size(); p++) {
            positions.add(p);
        }
        Collections.shuffle(positions, random);
        List<String> withdrawn = new ArrayList<>(count);
        for (int w = 0; w < count; w++) {
            withdrawn.add(learners.get(positions.get(w)).learnerId());
        }
        return List.copyOf(withdrawn);
    }

    private Bloc blocByShare() {
        int roll = random.nextInt(ReferenceFigures.CLASSES);
        for (ReferenceFigures.BlocShare share : ReferenceFigures.BLOCS) {
            if (roll < share.classes()) {
                return share.bloc();
            }
            roll -= share.classes();
        }
        throw new IllegalStateException();
    }

    /**
     * The people of each unit other than the city, enough for its largest class and about two classes each: most
     * people take part in more than one class. Citizen ids are those of Hanoi (province code 001).
     */
    private People people(List<ClassDraft> drafts) {
        Map<String, int[]> demand = new LinkedHashMap<>();
        for (String unitId : units.all()) {
            demand.put(unitId, new int[2]);
        }
        for (ClassDraft draft : drafts) {
            int[] ofUnit = demand.get(draft.unitId());
            ofUnit[0] += draft.learners();
            ofUnit[1] = Math.max(ofUnit[1], draft.learners());
        }
        People people = new People();
        for (Map.Entry<String, int[]> unit : demand.entrySet()) {
            int size = unit.getKey().equals(CITY)
                    ? 300
                    : Math.max((int) Math.ceil(unit.getValue()[0] * 0.5), unit.getValue()[1] + 25);
            int first = people.size();
            for (int p = first; p < first + size; p++) {
                boolean female = random.nextBoolean();
                int born = 1962 + (int) Math.round(42 * Math.pow(random.nextDouble(), 0.8));
                int code = (born >= 2000 ? 2 : 0) + (female ? 1 : 0);
                String learnerId = String.format("001%d%02d%06d", code, born % 100, p);
                people.learners.add(new Learner(learnerId, VietnameseNames.of(p, female), unit.getKey()));
            }
            people.poolOfUnit.put(unit.getKey(), new int[] {first, size});
        }
        if (people.size() > 1_000_000) {
            throw new IllegalStateException("Citizen ids have room for a million people, not " + people.size());
        }
        return people;
    }

    /** {@code count} distinct people of the unit's pool, chosen at random (Floyd's algorithm). */
    private List<Learner> draw(People people, String unitId, int count) {
        int[] pool = people.poolOf(unitId);
        if (count > pool[1]) {
            throw new IllegalStateException(unitId + " has " + pool[1] + " people, not " + count);
        }
        Set<Integer> chosen = new LinkedHashSet<>();
        for (int j = pool[1] - count; j < pool[1]; j++) {
            int t = random.nextInt(j + 1);
            chosen.add(chosen.contains(t) ? j : t);
        }
        List<Learner> learners = new ArrayList<>(count);
        for (int person : chosen) {
            learners.add(people.get(pool[0] + person));
        }
        return List.copyOf(learners);
    }

    private LocalDate endOf(LocalDate startsOn, ClassFormat format) {
        return switch (format) {
            case IN_PERSON -> startsOn.plusDays(new int[] {0, 1, 2, 4}[random.nextInt(4)]);
            case ONLINE -> startsOn.plusDays(random.nextInt(2));
            case BLENDED -> startsOn.plusDays(6 + random.nextInt(24));
        };
    }

    private static String formatSuffix(ClassFormat format) {
        return switch (format) {
            case IN_PERSON -> "";
            case ONLINE -> " (trực tuyến)";
            case BLENDED -> " (trực tiếp kết hợp trực tuyến)";
        };
    }
}
