package org.giaoban.suite.bench;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The bulk of a reference year, made up deterministically: classes by bloc with the learner-turns of the Hanoi
 * report of September 2022 (1,418 classes, 230,516 learner-turns), spread over the city commission and its 30
 * districts and towns, and the entries of an online contest in which people take part more than once.
 */
final class ReferenceLoad {

    /** Classes and learner-turns per bloc, as published; scaled down when fewer learner-turns are asked for. */
    static final List<BlocShare> BLOCS = List.of(
            new BlocShare("PARTY", 614, 102_068),
            new BlocShare("MASS_ORGANISATIONS", 288, 52_467),
            new BlocShare("STATE", 490, 71_215),
            new BlocShare("OTHER", 26, 4_766));

    static final int REFERENCE_LEARNER_TURNS = 230_516;

    static final List<String> UNITS = List.of(
            "HN",
            "HN-BADINH",
            "HN-HOANKIEM",
            "HN-TAYHO",
            "HN-LONGBIEN",
            "HN-CAUGIAY",
            "HN-DONGDA",
            "HN-HAIBATRUNG",
            "HN-HOANGMAI",
            "HN-THANHXUAN",
            "HN-NAMTULIEM",
            "HN-BACTULIEM",
            "HN-HADONG",
            "HN-SONTAY",
            "HN-BAVI",
            "HN-PHUCTHO",
            "HN-DANPHUONG",
            "HN-HOAIDUC",
            "HN-QUOCOAI",
            "HN-THACHTHAT",
            "HN-CHUONGMY",
            "HN-THANHOAI",
            "HN-THUONGTIN",
            "HN-PHUXUYEN",
            "HN-UNGHOA",
            "HN-MYDUC",
            "HN-SOCSON",
            "HN-DONGANH",
            "HN-GIALAM",
            "HN-MELINH",
            "HN-THANHTRI");

    private static final String[] FAMILY = {"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Ngô"};
    private static final String[] MIDDLE = {"Thị", "Văn", "Đức", "Minh", "Thu", "Quang", "Ngọc", "Hữu"};
    private static final String[] GIVEN = {"Hà", "Lan", "Hùng", "Dũng", "Hương", "Tuấn", "Mai", "Nam", "Linh", "Phương"
    };

    record BlocShare(String bloc, int classes, int learnerTurns) {}

    record PlannedClass(
            String title, String organizerUnitId, String bloc, LocalDate startsOn, List<String[]> learners) {}

    private ReferenceLoad() {}

    /** Classes whose learner lists add up to {@code learnerTurns}, in the published bloc proportions. */
    static List<PlannedClass> classes(int learnerTurns, long seed) {
        Random random = new Random(seed);
        double scale = (double) learnerTurns / REFERENCE_LEARNER_TURNS;
        int people = Math.max(1_000, learnerTurns * 2 / 3);
        List<PlannedClass> classes = new ArrayList<>();
        int remainingTurns = learnerTurns;
        for (int b = 0; b < BLOCS.size(); b++) {
            BlocShare share = BLOCS.get(b);
            int classCount = Math.max(1, (int) Math.round(share.classes() * scale));
            int turns = b == BLOCS.size() - 1 ? remainingTurns : (int) Math.round(share.learnerTurns() * scale);
            remainingTurns -= turns;
            for (int c = 0; c < classCount; c++) {
                int size = turns / classCount + (c < turns % classCount ? 1 : 0);
                String unit = UNITS.get(random.nextInt(UNITS.size()));
                List<String[]> learners = new ArrayList<>(size);
                java.util.Set<Integer> inClass = new java.util.HashSet<>();
                while (learners.size() < size) {
                    int person = random.nextInt(people);
                    if (inClass.add(person)) {
                        learners.add(new String[] {String.format("0%011d", person), nameOf(person), unit});
                    }
                }
                LocalDate startsOn = LocalDate.of(2022, 1, 3).plusDays(random.nextInt(245));
                classes.add(new PlannedClass(
                        "Lớp bồi dưỡng " + share.bloc().toLowerCase() + " số " + (c + 1),
                        unit,
                        share.bloc(),
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

    private static String nameOf(int person) {
        return FAMILY[person % FAMILY.length] + " " + MIDDLE[(person / 10) % MIDDLE.length] + " "
                + GIVEN[(person / 80) % GIVEN.length];
    }
}
