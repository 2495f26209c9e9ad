package org.giaoban.reporting.projection;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.giaoban.platform.problem.DomainRuleViolation;
import org.giaoban.platform.problem.ResourceNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Service;

/**
 * Rebuilds a read model into its next generation while the active one keeps answering:
 *
 * <ol>
 *   <li>folds the service's whole history through the projection in memory, and writes the result to the next
 *       generation's collections in bulk;
 *   <li>stops the live processor, applies the events recorded since the fold began to the next generation, and makes
 *       it the active one;
 *   <li>hands the live processor the position the rebuild reached and starts it again.
 * </ol>
 *
 * The generation that answered before stays until the next rebuild, so that a report which began on it ends on it;
 * the next rebuild drops it first, with whatever a failed rebuild left behind.
 *
 * The switch comes before the processor's token moves: after a crash between the two, the processor applies some
 * events to the new generation a second time, which its facts recognise and ignore.
 */
@Service
public class ProjectionRebuilds implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ProjectionRebuilds.class);
    private static final Duration CLAIM_PATIENCE = Duration.ofSeconds(30);

    private final Map<String, ReadModelProjection> projections;
    private final EventProcessingConfiguration processing;
    private final ProcessorPositions positions;
    private final TokenStore tokenStore;
    private final ReadModelGenerations generations;
    private final Clock clock;
    private final ExecutorService rebuilder = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "read-model-rebuild");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<String, Rebuild> rebuilds = new ConcurrentHashMap<>();

    public ProjectionRebuilds(
            List<ReadModelProjection> projections,
            EventProcessingConfiguration processing,
            ProcessorPositions positions,
            TokenStore tokenStore,
            ReadModelGenerations generations,
            Clock clock) {
        this.projections =
                projections.stream().collect(Collectors.toMap(ReadModelProjection::name, Function.identity()));
        this.processing = processing;
        this.positions = positions;
        this.tokenStore = tokenStore;
        this.generations = generations;
        this.clock = clock;
    }

    public List<ProjectionStatusView> statuses() {
        return projections.values().stream()
                .sorted(Comparator.comparing(ReadModelProjection::name))
                .map(this::statusOf)
                .toList();
    }

    public ProjectionStatusView status(String name) {
        return statusOf(projectionNamed(name));
    }

    /** Starts a rebuild of the read model; refused while one of it is running. */
    public ProjectionStatusView rebuild(String name) {
        ReadModelProjection projection = projectionNamed(name);
        Rebuild rebuild = rebuilds.compute(name, (ignored, previous) -> {
            if (previous != null && previous.isRunning()) {
                throw new DomainRuleViolation(
                        "rebuild-in-progress", "The read model " + name + " is being rebuilt; wait until it is live.");
            }
            return new Rebuild(clock.instant());
        });
        rebuilder.execute(() -> run(projection, rebuild));
        return statusOf(projection);
    }

    private ReadModelProjection projectionNamed(String name) {
        ReadModelProjection projection = projections.get(name);
        if (projection == null) {
            throw new ResourceNotFoundException("read model", name);
        }
        return projection;
    }

    private void run(ReadModelProjection projection, Rebuild rebuild) {
        String name = projection.name();
        int current = generations.active(name);
        int next = current + 1;
        rebuild.generation = next;
        try {
            if (current > 1) {
                projection.drop(ReadModelGenerations.collectionOf(name, current - 1));
            }
            String target = ReadModelGenerations.collectionOf(name, next);
            projection.drop(target);
            long head = projection.source().head();
            ReadModelProjection.InMemoryFold fold = projection.foldInMemory();
            EventHistory.Folded history = EventHistory.fold(
                    projection.source(), null, fold.projection(), null, position -> rebuild.read(position, head));
            fold.writeTo(target);
            handOver(projection, target, next, history.lastToken(), rebuild);
            rebuild.finish(clock.instant(), null);
            log.info(
                    "Rebuilt {} into generation {}: {} events in {} s",
                    name,
                    next,
                    rebuild.events.get(),
                    rebuild.seconds());
        } catch (RuntimeException failure) {
            log.error("Rebuild of {} failed; generation {} still answers", name, current, failure);
            rebuild.finish(clock.instant(), String.valueOf(failure.getMessage()));
        }
    }

    private void handOver(
            ReadModelProjection projection, String target, int next, TrackingToken foldedUpTo, Rebuild rebuild) {
        String name = projection.name();
        StreamingEventProcessor processor = processing
                .eventProcessor(name, StreamingEventProcessor.class)
                .orElseThrow(() -> new IllegalStateException("No processor " + name + " runs here"));
        processor.shutdownAsync().join();
        try {
            EventHistory.Folded rest = EventHistory.fold(
                    projection.source(),
                    foldedUpTo,
                    projection.projectionWritingTo(target),
                    null,
                    position -> rebuild.events.incrementAndGet());
            generations.activate(name, next);
            if (rest.lastToken() != null) {
                moveTokens(name, rest.lastToken());
            }
        } finally {
            processor.start();
        }
    }

    private void moveTokens(String name, TrackingToken token) {
        int[] segments = tokenStore.fetchSegments(name);
        if (segments.length == 0) {
            tokenStore.initializeTokenSegments(name, 1, token);
            return;
        }
        for (int segment : segments) {
            storeAfterClaiming(name, segment, token);
        }
    }

    /** The stopped processor releases its claims as it winds down, which may take a moment. */
    private void storeAfterClaiming(String name, int segment, TrackingToken token) {
        long deadline = System.nanoTime() + CLAIM_PATIENCE.toNanos();
        while (true) {
            try {
                tokenStore.fetchToken(name, segment);
                tokenStore.storeToken(token, name, segment);
                tokenStore.releaseClaim(name, segment);
                return;
            } catch (UnableToClaimTokenException stillClaimed) {
                if (System.nanoTime() > deadline) {
                    throw stillClaimed;
                }
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw stillClaimed;
                }
            }
        }
    }

    private ProjectionStatusView statusOf(ReadModelProjection projection) {
        String name = projection.name();
        OptionalLong position = positions.positionOf(name);
        long head = projection.source().head();
        long lag = Math.max(0, head - position.orElse(-1));
        Rebuild rebuild = rebuilds.get(name);
        boolean rebuilding = rebuild != null && rebuild.isRunning();
        return new ProjectionStatusView(
                name,
                projection.source().service(),
                position.isPresent() ? position.getAsLong() : null,
                head,
                lag,
                rebuilding ? ProjectionStatusView.REBUILDING : ProjectionStatusView.LIVE,
                rebuilding ? rebuild.progress : null,
                generations.active(name),
                errorOf(name),
                rebuild == null ? null : rebuild.view());
    }

    private String errorOf(String name) {
        return processing
                .eventProcessor(name, StreamingEventProcessor.class)
                .flatMap(processor -> processor.processingStatus().values().stream()
                        .filter(EventTrackerStatus::isErrorState)
                        .findFirst())
                .map(segment -> String.valueOf(segment.getError().getMessage()))
                .orElse(null);
    }

    @Override
    public void destroy() {
        rebuilder.shutdownNow();
    }

    /** One rebuild: written by the rebuilding thread, read by status requests. */
    private static final class Rebuild {

        private final Instant startedAt;
        private final AtomicLong events = new AtomicLong();
        private volatile double progress;
        private volatile Integer generation;
        private volatile Instant finishedAt;
        private volatile String failure;

        Rebuild(Instant startedAt) {
            this.startedAt = startedAt;
        }

        boolean isRunning() {
            return finishedAt == null;
        }

        void read(long position, long head) {
            events.incrementAndGet();
            // The last percent is the hand-over.
            progress = head < 0 ? 0.99 : Math.min(0.99, (position + 1) / (double) (head + 1));
        }

        void finish(Instant at, String why) {
            failure = why;
            progress = why == null ? 1.0 : progress;
            finishedAt = at;
        }

        Double seconds() {
            return finishedAt == null
                    ? null
                    : Duration.between(startedAt, finishedAt).toMillis() / 1000.0;
        }

        ProjectionStatusView.RebuildView view() {
            return new ProjectionStatusView.RebuildView(
                    startedAt, finishedAt, events.get(), seconds(), generation, failure);
        }
    }
}
