package org.giaoban.suite.bench;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.giaoban.suite.reference.ReferenceFigures;
import org.giaoban.suite.reference.VietnameseNames;
import org.giaoban.units.Unit;
import org.giaoban.units.UnitCatalogue;
import org.giaoban.units.UnitKind;

/**
 * The bulk of a reference year, made up deterministically: classes by bloc with the learner-turns of the Hanoi
 * report of September 2022 (1,418 classes, 230,516 learner-turns), spread over the city commission and its 30
 * districts and towns, and the entries of an online contest in which people take part more than once.
 */
final class ReferenceLoad {

    /** The city commission and its 30 district and town commissions, in the catalogue's order. */
    static final List<String> UNITS = UnitCatalogue.hanoi().all().stream()
            .filter(unit -> unit.kind() != UnitKind.AGENCY)
            .map(Unit::id)
            .toList();

    record PlannedClass(
            String title, String organizerUnitId, String bloc, LocalDate startsOn, List<String[]> learners) {}

    private ReferenceLoad() {}

    /**
     * Classes whose learner lists add up to {@code learnerTurns}, in the published bloc proportions
     * ({@link ReferenceFigures#BLOCS}), scaled down when fewer learner-turns are asked for.
     */
    static List<PlannedClass> classes(int learnerTurns, long seed) {
        Random random = new Random(seed);
        double scale = (double) learnerTurns / ReferenceFigures.LEARNER_TURNS;
        int people = Math.max(1_000, learnerTurns * 2 / 3);
        List<PlannedClass> classes = new ArrayList<>();
        int remainingTurns = learnerTurns;
        List<ReferenceFigures.BlocShare> blocs = ReferenceFigures.BLOCS;
        for (int b = 0; b < blocs.size(); b++) {
            ReferenceFigures.BlocShare share = blocs.get(b);
            int classCount = Math.max(1, (int) Math.round(share.classes() * scale));
            int turns = b == blocs.size() - 1 ? remainingTurns : (int) Math.round(share.learnerTurns() * scale);
            remainingTurns -= turns;
            for (int c = 0; c < classCount; c++) {
                int size = turns / classCount + (c < turns % classCount ? 1 : 0);
                String unit = UNITS.get(random.nextInt(UNITS.size()));
                List<String[]> learners = new ArrayList<>(size);
                java.util.Set<Integer> inClass = new java.util.HashSet<>();
                while (learners.size() < size) {
                    int person = random.nextInt(people);
                    if (inClass.add(person)) {
                        learners.add(new String[] {String.format("0%011d", person), VietnameseNames.of(person), unit});
                    }
                }
                LocalDate startsOn = LocalDate.of(2022, 1, 3).plusDays(random.nextInt(245));
                classes.add(new PlannedClass(
                        "Lớp bồi dưỡng " + share.bloc().name().toLowerCase() + " số " + (c + 1),
                        unit,
                        share.bloc().name(),
                        startsOn,
                        learners));
            }
        }
        return classes;
    }

    /** One batch of contest entries: participant {@code i} for the first {@code distinct} entries, then repeats. */
    static List<String[]> contestEntries(int from, int count, int distinct, Instant opensAt, long seed) {
        Random random = new Random(seed + from);
        List<String[]> entries = new ArrayList<>(count);
        for (int i = from; i < from + count; i++) {
            int participant = i < distinct ? i : random.nextInt(distinct);
            entries.add(new String[] {
                "P" + participant,
                UNITS.get(participant % UNITS.size()),
                opensAt.plusSeconds(i % 2_000_000).toString(),
                Integer.toString(random.nextInt(101))
            });
        }
        return entries;
    }
}
