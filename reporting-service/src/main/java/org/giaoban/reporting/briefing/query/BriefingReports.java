package org.giaoban.reporting.briefing.query;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.LongConsumer;
import org.giaoban.reporting.projection.EventHistory;
import org.giaoban.reporting.projection.ProcessorPositions;
import org.giaoban.reporting.projection.ReadModelGenerations;
import org.giaoban.reporting.source.EventSources;
import org.giaoban.units.UnitCatalogue;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Service;

/**
 * Answers a briefing: from the live read model, or, for a report "as recorded at" an instant, from a fold of the
 * events of both services recorded up to that instant, through the same projections into memory. The fold reads the
 * whole history, so only one runs at a time, within a time limit ({@link RecordedAtFolds}).
 */
@Service
public class BriefingReports {

    private final BriefingCalculator calculator;
    private final MongoTemplate mongo;
    private final ReadModelGenerations generations;
    private final EventSources sources;
    private final ProcessorPositions positions;
    private final Clock clock;
    private final RecordedAtFolds recordedAtFolds;

    public BriefingReports(
            UnitCatalogue units,
            MongoTemplate mongo,
            ReadModelGenerations generations,
            EventSources sources,
            ProcessorPositions positions,
            RecordedAtFolds recordedAtFolds,
            Clock clock) {
        this.calculator = new BriefingCalculator(units);
        this.mongo = mongo;
        this.generations = generations;
        this.sources = sources;
        this.positions = positions;
        this.recordedAtFolds = recordedAtFolds;
        this.clock = clock;
    }

    public BriefingReport briefing(BriefingRequest request) {
        return briefing(request, Optional.empty());
    }

    /** The report, computed within what {@code callerWaits} for it when it is folded from the event stores. */
    public BriefingReport briefing(BriefingRequest request, Optional<Duration> callerWaits) {
        return request.recordedAt() == null ? live(request) : asRecordedAt(request, callerWaits);
    }

    private BriefingReport live(BriefingRequest request) {
        // Positions first: the facts read next include at least the events up to them.
        Map<String, Long> position = new LinkedHashMap<>();
        position.put(EventSources.TASKS, orNull(positions.positionOf(TaskFactsProjection.NAME)));
        position.put(EventSources.TRAINING, orNull(positions.positionOf(TrainingFactsProjection.NAME)));
        return calculator.calculate(request, activeGenerations(), LocalDate.now(clock), position);
    }

    private BriefingReport asRecordedAt(BriefingRequest request, Optional<Duration> callerWaits) {
        try (RecordedAtFolds.Fold fold = recordedAtFolds.enter(callerWaits)) {
            LocalDate dayRecorded = LocalDate.ofInstant(request.recordedAt(), UnitCatalogue.COMMISSION_ZONE);
            return folded(sources, calculator, request, dayRecorded, position -> fold.checkTime());
        }
    }

    /**
     * The report from the events of {@code sources} recorded at or before the request's instant (all of them when it
     * has none), folded in memory through the same projections as the live read model, counted as of {@code day}.
     * The auditors' replay from exported files runs exactly this.
     */
    public static BriefingReport folded(
            EventSources sources, BriefingCalculator calculator, BriefingRequest request, LocalDate day) {
        return folded(sources, calculator, request, day, position -> {});
    }

    /** As above, telling {@code progress} the position of each event read, which may stop the fold by throwing. */
    static BriefingReport folded(
            EventSources sources,
            BriefingCalculator calculator,
            BriefingRequest request,
            LocalDate day,
            LongConsumer progress) {
        InMemoryBriefingFacts facts = new InMemoryBriefingFacts();
        EventHistory.Folded tasks = EventHistory.fold(
                sources.tasks(), null, new TaskFactsProjection(facts), request.recordedAt(), progress);
        EventHistory.Folded training = EventHistory.fold(
                sources.training(), null, new TrainingFactsProjection(facts), request.recordedAt(), progress);
        Map<String, Long> position = new LinkedHashMap<>();
        position.put(EventSources.TASKS, tasks.lastAppliedPosition() < 0 ? null : tasks.lastAppliedPosition());
        position.put(EventSources.TRAINING, training.lastAppliedPosition() < 0 ? null : training.lastAppliedPosition());
        return calculator.calculate(request, facts, day, position);
    }

    /** The generations that answer now, fixed for one report: a rebuild's switch never splits a report. */
    private LiveBriefingFacts activeGenerations() {
        String tasks = generations.activeCollection(TaskFactsProjection.NAME);
        String training = generations.activeCollection(TrainingFactsProjection.NAME);
        return new LiveBriefingFacts(
                MongoBriefingFacts.of(mongo, () -> tasks), MongoBriefingFacts.of(mongo, () -> training));
    }

    private static Long orNull(OptionalLong position) {
        return position.isPresent() ? position.getAsLong() : null;
    }
}
