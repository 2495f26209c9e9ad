package org.giaoban.training.api.enrolment;

/** A learner as a class list names them: an id (such as a citizen id number), a full name and their unit. */
public record Learner(String learnerId, String fullName, String unitId) {}
