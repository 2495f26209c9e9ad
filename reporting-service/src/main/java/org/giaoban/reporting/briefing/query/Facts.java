package org.giaoban.reporting.briefing.query;

/** A document of the briefing read model, stored under {@link #id()}. */
public sealed interface Facts
        permits UnitTaskFacts, UnitDocumentFacts, UnitClassFacts, PlanFacts, ContestFacts, ContestList {

    String id();
}
