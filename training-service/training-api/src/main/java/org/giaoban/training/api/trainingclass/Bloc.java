package org.giaoban.training.api.trainingclass;

/** The audience of a class (khối): the Party, the mass organisations, the State, or other. */
public enum Bloc {
    PARTY,
    MASS_ORGANISATIONS,
    STATE,
    OTHER
}
