-- Who is enrolled in which class: a learner at most once per class. Written in the transaction of the enrolment event.
CREATE TABLE enrolment (
    class_id   VARCHAR(36) NOT NULL,
    learner_id VARCHAR(64) NOT NULL,
    unit_id    VARCHAR(64) NOT NULL,
    PRIMARY KEY (class_id, learner_id)
);
