package org.giaoban.gateway.problem;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProblemErrorHandlerTest {

    @Test
    void anUnexpectedErrorIsLoggedWithoutThePartOfThePathThatMayNameAPerson() {
        assertThat(ProblemErrorHandler.areaOf("/api/classes/c-1/enrolments/079301000123"))
                .isEqualTo("/api/classes");
        assertThat(ProblemErrorHandler.areaOf("/api/me")).isEqualTo("/api/me");
        assertThat(ProblemErrorHandler.areaOf("/")).isEqualTo("/");
    }
}
