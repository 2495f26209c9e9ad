package org.giaoban.training.api.trainingclass;

/** Whether a class stands or was cancelled; a cancelled class and its learners count nowhere. */
public enum ClassStatus {
    OPEN,
    CANCELLED
}
