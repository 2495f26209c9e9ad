package org.giaoban.training.api.trainingclass;

/** How a class is held: in person (trực tiếp), online (trực tuyến), or both. */
public enum ClassFormat {
    IN_PERSON,
    ONLINE,
    BLENDED
}
