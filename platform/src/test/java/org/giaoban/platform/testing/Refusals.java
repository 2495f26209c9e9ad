package org.giaoban.platform.testing;

import org.giaoban.platform.problem.DomainRuleViolation;
import org.giaoban.platform.problem.InvalidFieldException;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeDiagnosingMatcher;

/** Matchers for the refusals an aggregate throws, by the rule or the field they name. */
public final class Refusals {

    private Refusals() {}

    /** A {@link DomainRuleViolation} of {@code rule}. */
    public static Matcher<DomainRuleViolation> ruleViolation(String rule) {
        return new TypeSafeDiagnosingMatcher<>() {
            @Override
            protected boolean matchesSafely(DomainRuleViolation violation, Description mismatch) {
                mismatch.appendText("a violation of rule ").appendValue(violation.rule());
                return rule.equals(violation.rule());
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a violation of rule ").appendValue(rule);
            }
        };
    }

    /** An {@link InvalidFieldException} on {@code field}. */
    public static Matcher<InvalidFieldException> invalidField(String field) {
        return new TypeSafeDiagnosingMatcher<>() {
            @Override
            protected boolean matchesSafely(InvalidFieldException invalid, Description mismatch) {
                mismatch.appendText("an invalid field ").appendValue(invalid.field());
                return field.equals(invalid.field());
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("an invalid field ").appendValue(field);
            }
        };
    }
}
