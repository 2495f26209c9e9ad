package org.giaoban.platform.axon;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.axonframework.config.Configuration;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.Test;

class ProcessorFailuresTest {

    @Test
    void anEventWhoseHandlerFailsIsTriedAgainRatherThanSkipped() throws InterruptedException {
        ReadModelAwayOnce readModel = new ReadModelAwayOnce("Hoàn Kiếm");
        Configuration axon = DefaultConfigurer.defaultConfiguration()
                .configureEmbeddedEventStore(configuration -> new InMemoryEventStorageEngine())
                .eventProcessing(processing -> {
                    new AxonConfiguration().configureProcessors(processing, 1);
                    processing.registerEventHandler(configuration -> readModel);
                })
                .start();
        try {
            for (String unit : List.of("Ba Đình", "Hoàn Kiếm", "Long Biên")) {
                axon.eventBus().publish(GenericEventMessage.asEventMessage(unit));
            }

            assertThat(readModel.lastApplied.await(30, TimeUnit.SECONDS))
                    .as("the last event applied")
                    .isTrue();
            assertThat(readModel.applied()).containsExactly("Ba Đình", "Hoàn Kiếm", "Long Biên");
            assertThat(readModel.failures).isEqualTo(1);
        } finally {
            axon.shutdown();
        }
    }

    /** A read model whose store is away the first time one event is written to it. */
    @ProcessingGroup("units")
    static final class ReadModelAwayOnce {

        private final String failsOnce;
        private final List<String> applied = new ArrayList<>();
        private final CountDownLatch lastApplied = new CountDownLatch(1);
        private volatile int failures;

        ReadModelAwayOnce(String failsOnce) {
            this.failsOnce = failsOnce;
        }

        @EventHandler
        void on(String unit) {
            if (unit.equals(failsOnce) && failures == 0) {
                failures++;
                throw new IllegalStateException("the read model's store is away");
            }
            synchronized (applied) {
                if (!applied.contains(unit)) {
                    applied.add(unit);
                }
            }
            if (unit.equals("Long Biên")) {
                lastApplied.countDown();
            }
        }

        List<String> applied() {
            synchronized (applied) {
                return List.copyOf(applied);
            }
        }
    }
}
