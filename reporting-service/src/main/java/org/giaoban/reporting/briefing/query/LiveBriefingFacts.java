package org.giaoban.reporting.briefing.query;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The live read model as one: work items and documents from the generation of {@value TaskFactsProjection#NAME} that
 * answers now, classes, plans and contests from that of {@value TrainingFactsProjection#NAME}.
 */
public final class LiveBriefingFacts implements BriefingFactsReader {

    private final BriefingFactsReader tasks;
    private final BriefingFactsReader training;

    public LiveBriefingFacts(BriefingFactsReader tasks, BriefingFactsReader training) {
        this.tasks = tasks;
        this.training = training;
    }

    @Override
    public <T extends Facts> Optional<T> find(String factsId, Class<T> type) {
        return readerOf(type).find(factsId, type);
    }

    @Override
    public <T extends Facts> List<T> findAll(Collection<String> factsIds, Class<T> type) {
        return readerOf(type).findAll(factsIds, type);
    }

    private BriefingFactsReader readerOf(Class<? extends Facts> type) {
        return type == UnitTaskFacts.class || type == UnitDocumentFacts.class ? tasks : training;
    }
}
