package org.giaoban.suite.reference;

import java.util.List;
import java.util.Random;
import org.giaoban.suite.reference.DatasetPlan.Correction;
import org.giaoban.suite.reference.DatasetPlan.PlannedDocument;
import org.giaoban.suite.reference.DatasetPlan.PlannedTask;
import org.giaoban.suite.reference.DatasetPlan.PlannedTrainingPlan;
import org.giaoban.units.UnitCatalogue;

/**
 * Makes up the reference dataset from a seed, one part after another. Each part draws from a random generator of its
 * own, so the same seed gives the same dataset; whatever the seed, the counted records add up exactly to
 * {@link ReferenceFigures}, and the records the counting rules leave out (cancelled, revoked, withdrawn, rescheduled,
 * after the period) come on top.
 *
 * <p>Everything excluded lies outside both periods the figures are read over: it is cancelled, revoked or withdrawn,
 * or dated from 1 October 2022 ({@link ReferenceCalendar#AFTER_BOTH_PERIODS}), after the nine-month period as well as
 * after the 8 September cut-off.
 */
final class DatasetPlanner {

    private final long seed;
    private final ReferenceUnits units;
    private final ReferenceTexts texts;

    DatasetPlanner(long seed, UnitCatalogue catalogue, ReferenceTexts texts) {
        this.seed = seed;
        this.units = new ReferenceUnits(catalogue);
        this.texts = texts;
    }

    /** The reference dataset for the seed, with a contest of {@code contestEntries} entries (none when 0). */
    static DatasetPlan plan(long seed, int contestEntries) {
        return new DatasetPlanner(seed, UnitCatalogue.hanoi(), ReferenceTexts.load()).build(contestEntries);
    }

    DatasetPlan build(int contestEntries) {
        if (contestEntries < 0) {
            throw new IllegalArgumentException("contestEntries must be 0 or more");
        }
        List<PlannedTask> tasks = new TaskPlanner(units, texts, random(1)).plan();
        List<PlannedDocument> documents = new DocumentPlanner(units, texts, random(2)).plan(tasks);
        ClassPlanner.Classes classes = new ClassPlanner(units, texts, random(3)).plan();
        List<PlannedTrainingPlan> plans = new TrainingPlanPlanner(random(4)).plan(classes.planned());
        PlannedContest contest = contestEntries == 0 ? null : new ContestPlanner(units).plan(contestEntries, seedOf(6));
        List<Correction> corrections = new CorrectionPlanner(units, random(5)).plan(tasks, classes);
        return new DatasetPlan(seed, tasks, documents, classes.planned(), plans, contest, corrections);
    }

    private Random random(int part) {
        return new Random(seedOf(part));
    }

    private long seedOf(int part) {
        return VietnameseNames.mix(seed * 31 + part);
    }
}
