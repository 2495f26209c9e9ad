package org.giaoban.platform.problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;

import com.mongodb.MongoTimeoutException;
import java.net.SocketException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.messaging.timeout.AxonTimeoutException;
import org.giaoban.platform.testing.Problems;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.MDC;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The answers {@link ProblemResponses} gives when a store cannot be reached, whatever wraps the failure. */
@ExtendWith(OutputCaptureExtension.class)
class ProblemResponsesTest {

    private final FailingController controller = new FailingController();
    private final MockMvc mvc = MockMvcBuilders.standaloneSetup(controller)
            .setControllerAdvice(new ProblemResponses())
            .build();

    @Test
    void aCommandWhoseTransactionFoundNoConnectionIsAnswered503WithRetryAfter() throws Exception {
        controller.failure = () -> new CommandExecutionException(
                "An exception occurred while executing a command",
                new CannotCreateTransactionException(
                        "Could not open JDBC Connection for transaction",
                        new SQLTransientConnectionException(
                                "HikariPool-1 - Connection is not available, request timed out after 2000ms",
                                "08001",
                                new SQLException("Connection to db.internal:5432 refused", "08001"))));

        MvcResult answer = mvc.perform(get("/fail"))
                .andExpect(Problems.problem(503, "store-unavailable"))
                .andExpect(header().string("Retry-After", "5"))
                .andExpect(jsonPath("$.title").value("Store unavailable"))
                .andReturn();

        assertThat(answer.getResponse().getContentAsString())
                .doesNotContain("Hikari")
                .doesNotContain("JDBC")
                .doesNotContain("db.internal")
                .doesNotContain("Exception");
    }

    @Test
    void aCommandStoppedAtAxonsTimeLimitIsAnswered503BusyWithRetryAfter() throws Exception {
        controller.failure = () -> new CommandExecutionException(
                "An exception occurred while executing a command",
                new AxonTimeoutException("Message [SubmitContestEntriesCommand] has timed out"));

        mvc.perform(get("/fail"))
                .andExpect(Problems.problem(503, "busy"))
                .andExpect(header().string("Retry-After", "5"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("stored nothing")));
    }

    @Test
    void aReadWhoseMongoDbCannotBeReachedIsAnswered503() throws Exception {
        controller.failure = () -> new CompletionException(new DataAccessResourceFailureException(
                "Timed out after 2000 ms while waiting for a server",
                new MongoTimeoutException("Timed out after 2000 ms while waiting for a server")));

        mvc.perform(get("/fail"))
                .andExpect(Problems.problem(503, "store-unavailable"))
                .andExpect(header().string("Retry-After", "5"));
    }

    @Test
    void anEventStoreThatCannotAppendIsAnswered503() throws Exception {
        controller.failure = () -> new EventStoreException(
                "An event for aggregate [x] at sequence [3] could not be persisted",
                new SQLException("An I/O error occurred while sending to the backend", "08006"));

        mvc.perform(get("/fail")).andExpect(Problems.problem(503, "store-unavailable"));
    }

    @Test
    void eachOutageIsOneLineInTheLogWithTheRequestIdAndNoPersonalData(CapturedOutput output) throws Exception {
        controller.failure = () -> new DataAccessResourceFailureException(
                "PreparedStatementCallback; SQL [INSERT INTO enrolment VALUES (?, ?, ?)]",
                new SQLException(
                        "Batch entry 0 INSERT INTO enrolment VALUES ('c', '079301000123', 'Nguyễn Thị Hà') was aborted",
                        "08006",
                        new SocketException("Connection reset")));
        MDC.put("requestId", "req-outage-1");
        try {
            mvc.perform(get("/fail")).andExpect(Problems.problem(503, "store-unavailable"));
        } finally {
            MDC.remove("requestId");
        }

        assertThat(output.getOut().lines().filter(line -> line.contains("Store unavailable")))
                .singleElement()
                .asString()
                .contains("req-outage-1")
                .contains(
                        "DataAccessResourceFailureException < SQLException [08006] < SocketException: Connection reset")
                .doesNotContain("079301000123")
                .doesNotContain("Nguyễn");
        assertThat(output.getOut()).doesNotContain("\tat ");
    }

    @Test
    void anyOtherFailureStaysAnInternalError() throws Exception {
        controller.failure = () -> new IllegalStateException("a bug");

        mvc.perform(get("/fail"))
                .andExpect(Problems.problem(500, "internal-error"))
                .andExpect(header().doesNotExist("Retry-After"));
    }

    @RestController
    static class FailingController {

        Supplier<RuntimeException> failure;

        @GetMapping("/fail")
        String fail() {
            throw failure.get();
        }
    }
}
