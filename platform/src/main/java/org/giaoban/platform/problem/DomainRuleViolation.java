package org.giaoban.platform.problem;

/**
 * A command refused by a rule of the domain (completing a cancelled item, a document number already used): answered
 * {@code 409}. {@code rule} is a short stable name that front-ends can switch on, e.g. {@code task-cancelled}.
 */
public class DomainRuleViolation extends RuntimeException {

    private final String rule;

    public DomainRuleViolation(String rule, String detail) {
        super(detail);
        this.rule = rule;
    }

    public String rule() {
        return rule;
    }
}
