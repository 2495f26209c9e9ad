package org.giaoban.suite.reference;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * An online contest and its entries, made up batch by batch so that a million of them never sit in memory at once.
 * Entry {@code i} is a function of the seed and {@code i} only: entries come in the order they were submitted, busier
 * in the first week, the last ten days and the evenings (Hanoi time); exactly {@code participants} people take part,
 * the first time in the order of their number and then again at random; each person belongs to one unit, the units
 * weighted by their population.
 */
final class PlannedContest {

    static final int BATCH = 10_000;
    static final ZoneId HANOI = ZoneId.of("Asia/Ho_Chi_Minh");

    /** One participation-turn, as the entries endpoint takes it. */
    record Entry(String participantId, String unitId, Instant submittedAt, Integer score) {}

    /** A unit and how many people of it may take part, relative to the others. */
    record UnitWeight(String unitId, double weight) {}

    private static final double[] HOUR_WEIGHTS = {
        0.15, 0.05, 0.03, 0.03, 0.05, 0.2, 0.6, 0.9, 1.3, 1.4, 1.3, 1.2, 0.8, 0.9, 1.2, 1.3, 1.2, 1.0, 0.9, 1.1, 1.6,
        1.7, 1.3, 0.6
    };

    private final String title;
    private final String subject;
    private final Instant opensAt;
    private final Instant closesAt;
    private final int entries;
    private final int participants;
    private final long seed;
    private final List<String> unitIds;
    private final double[] unitCumulative;
    private final double[] minuteCumulative;

    PlannedContest(
            String title,
            String subject,
            Instant opensAt,
            Instant closesAt,
            int entries,
            int participants,
            List<UnitWeight> units,
            long seed) {
        if (participants < 1 || participants > entries) {
            throw new IllegalArgumentException("participants must be from 1 to the number of entries");
        }
        this.title = title;
        this.subject = subject;
        this.opensAt = opensAt;
        this.closesAt = closesAt;
        this.entries = entries;
        this.participants = participants;
        this.seed = seed;
        this.unitIds = units.stream().map(UnitWeight::unitId).toList();
        this.unitCumulative =
                cumulative(units.stream().mapToDouble(UnitWeight::weight).toArray());
        this.minuteCumulative = cumulative(minuteWeights(opensAt, closesAt));
    }

    String title() {
        return title;
    }

    String subject() {
        return subject;
    }

    Instant opensAt() {
        return opensAt;
    }

    Instant closesAt() {
        return closesAt;
    }

    int entries() {
        return entries;
    }

    int participants() {
        return participants;
    }

    int batchCount() {
        return (entries + BATCH - 1) / BATCH;
    }

    List<String> unitIds() {
        return unitIds;
    }

    /** The entries of batch {@code index} (from 0), at most {@link #BATCH} of them. */
    List<Entry> batch(int index) {
        int first = index * BATCH;
        int count = Math.min(BATCH, entries - first);
        SplittableRandom random = new SplittableRandom(VietnameseNames.mix(seed * 1_000_003L + index));
        List<Entry> batch = new ArrayList<>(count);
        for (int i = first; i < first + count; i++) {
            long before = introducedBy(i - 1);
            long after = introducedBy(i);
            long participant = after > before ? after - 1 : random.nextLong(after);
            batch.add(new Entry(participantId(participant), unitOf(participant), submittedAt(i, random), (int) Math.max(
                    0, Math.min(100, Math.round(74 + 14 * random.nextGaussian())))));
        }
        return batch;
    }

    /** The entries submitted from {@code from} to {@code to}, both included, as dates in Hanoi. */
    long entriesSubmittedBetween(LocalDate from, LocalDate to) {
        LocalDate opens = opensAt.atZone(HANOI).toLocalDate();
        LocalDate closes = closesAt.atZone(HANOI).toLocalDate();
        if (!opens.isBefore(from) && !closes.isAfter(to)) {
            return entries;
        }
        if (closes.isBefore(from) || opens.isAfter(to)) {
            return 0;
        }
        long count = 0;
        for (int b = 0; b < batchCount(); b++) {
            for (Entry entry : batch(b)) {
                LocalDate day = entry.submittedAt().atZone(HANOI).toLocalDate();
                if (!day.isBefore(from) && !day.isAfter(to)) {
                    count++;
                }
            }
        }
        return count;
    }

    static String participantId(long participant) {
        String digits = Long.toString(participant + 1);
        return "TS" + "0000000".substring(Math.min(7, digits.length())) + digits;
    }

    /** How many distinct people have taken part by entry {@code i}: spread evenly, the first entry a newcomer. */
    private long introducedBy(long i) {
        return i < 0 ? 0 : ((i + 1) * participants + entries - 1) / entries;
    }

    private String unitOf(long participant) {
        double u = (VietnameseNames.mix(seed ^ (participant * 0x5851F42D4C957F2DL)) >>> 11) * 0x1.0p-53;
        return unitIds.get(search(unitCumulative, u));
    }

    private Instant submittedAt(int i, SplittableRandom random) {
        double u = (i + random.nextDouble()) / entries;
        int minute = search(minuteCumulative, u);
        Instant at = opensAt.plusSeconds(minute * 60L + random.nextInt(60));
        return at.isAfter(closesAt) ? closesAt : at;
    }

    /** The first index whose cumulative share exceeds {@code u}. */
    private static int search(double[] cumulative, double u) {
        int found = Arrays.binarySearch(cumulative, u);
        int index = found >= 0 ? found + 1 : -found - 1;
        return Math.min(index, cumulative.length - 1);
    }

    private static double[] cumulative(double[] weights) {
        double total = Arrays.stream(weights).sum();
        double[] cumulative = new double[weights.length];
        double sum = 0;
        for (int i = 0; i < weights.length; i++) {
            sum += weights[i];
            cumulative[i] = sum / total;
        }
        return cumulative;
    }

    private static double[] minuteWeights(Instant opensAt, Instant closesAt) {
        int minutes = (int) Duration.between(opensAt, closesAt).toMinutes() + 1;
        LocalDate firstDay = opensAt.atZone(HANOI).toLocalDate();
        LocalDate lastDay = closesAt.atZone(HANOI).toLocalDate();
        double[] weights = new double[minutes];
        for (int m = 0; m < minutes; m++) {
            ZonedDateTime local = opensAt.plusSeconds(m * 60L).atZone(HANOI);
            LocalDate day = local.toLocalDate();
            long sinceOpening = firstDay.until(day, ChronoUnit.DAYS);
            long beforeClosing = day.until(lastDay, ChronoUnit.DAYS);
            double dayWeight = 1.0;
            if (sinceOpening < 7) {
                dayWeight += 2.0 - sinceOpening * 0.25;
            }
            if (beforeClosing < 10) {
                dayWeight += 0.3 * (10 - beforeClosing);
            }
            if (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
                dayWeight *= 1.25;
            }
            weights[m] = dayWeight * HOUR_WEIGHTS[local.getHour()];
        }
        return weights;
    }
}
