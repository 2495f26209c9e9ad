package org.giaoban.reporting.briefing.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.giaoban.platform.problem.ServiceBusyException;
import org.junit.jupiter.api.Test;

class RecordedAtFoldsTest {

    private final AtomicLong now = new AtomicLong();
    private final RecordedAtFolds folds = new RecordedAtFolds(Duration.ofMillis(10), Duration.ofSeconds(60), now::get);

    @Test
    void aFoldRunsUntilTheServicesOwnLimit() {
        try (RecordedAtFolds.Fold fold = folds.enter()) {
            advance(Duration.ofSeconds(60));
            assertThatNoException().isThrownBy(fold::checkTime);

            advance(Duration.ofMillis(1));
            assertThatThrownBy(fold::checkTime)
                    .isInstanceOf(ServiceBusyException.class)
                    .hasMessageContaining("time limit of 60000 ms");
        }
    }

    @Test
    void aFoldStopsWhenItsCallerStopsWaiting() {
        try (RecordedAtFolds.Fold fold = folds.enter(Optional.of(Duration.ofSeconds(10)))) {
            advance(Duration.ofSeconds(10).plusMillis(1));

            assertThatThrownBy(fold::checkTime)
                    .isInstanceOf(ServiceBusyException.class)
                    .hasMessageContaining("time limit of 10000 ms");
        }
        try (RecordedAtFolds.Fold next = folds.enter()) {
            assertThatNoException().as("the place is free again").isThrownBy(next::checkTime);
        }
    }

    @Test
    void aCallerThatWaitsLongerDoesNotLengthenTheLimit() {
        try (RecordedAtFolds.Fold fold = folds.enter(Optional.of(Duration.ofHours(1)))) {
            advance(Duration.ofSeconds(60).plusMillis(1));

            assertThatThrownBy(fold::checkTime).hasMessageContaining("time limit of 60000 ms");
        }
    }

    @Test
    void whileOneFoldRunsAnotherIsRefused() {
        try (RecordedAtFolds.Fold running = folds.enter()) {
            assertThatThrownBy(() -> folds.enter(Optional.of(Duration.ofSeconds(10))))
                    .isInstanceOf(ServiceBusyException.class)
                    .hasMessageContaining("only one is at a time");
            assertThat(running).isNotNull();
        }
    }

    private void advance(Duration duration) {
        now.addAndGet(duration.toNanos());
    }
}
