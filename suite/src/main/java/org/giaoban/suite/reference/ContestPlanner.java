package org.giaoban.suite.reference;

import static org.giaoban.suite.reference.ReferenceUnits.CITY;

import java.util.ArrayList;
import java.util.List;

/**
 * The online contest on Resolution 15-NQ/TW: seven people in ten of its entries take part, from every unit, the
 * districts and towns by their population.
 */
final class ContestPlanner {

    private static final double CONTEST_PARTICIPANT_SHARE = 0.7;

    private final ReferenceUnits units;

    ContestPlanner(ReferenceUnits units) {
        this.units = units;
    }

    /** A contest of {@code entries} entries, made up batch by batch from {@code seed}. */
    PlannedContest plan(int entries, long seed) {
        List<PlannedContest.UnitWeight> weights = new ArrayList<>();
        weights.add(new PlannedContest.UnitWeight(CITY, 40));
        for (String district : units.districts()) {
            weights.add(new PlannedContest.UnitWeight(district, units.population(district)));
        }
        for (String agency : units.agencies()) {
            weights.add(new PlannedContest.UnitWeight(agency, 5));
        }
        int participants = (int) Math.max(1, Math.round(entries * CONTEST_PARTICIPANT_SHARE));
        return new PlannedContest(
                ReferenceFigures.CONTEST_TITLE,
                ReferenceFigures.CONTEST_SUBJECT,
                ReferenceFigures.CONTEST_OPENS,
                ReferenceFigures.CONTEST_CLOSES,
                entries,
                participants,
                weights,
                seed);
    }
}
