package org.giaoban.reporting.audit.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.giaoban.platform.testing.Problems.invalidFields;
import static org.giaoban.platform.testing.Problems.problem;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.MongoTimeoutException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLTransientConnectionException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import javax.sql.DataSource;
import org.giaoban.identity.Caller;
import org.giaoban.identity.IdentityHeader;
import org.giaoban.identity.IdentityTokens;
import org.giaoban.identity.Role;
import org.giaoban.platform.problem.ProblemResponses;
import org.giaoban.platform.testing.TestCallers;
import org.giaoban.platform.web.CallerIdentityFilter;
import org.giaoban.platform.web.PageResponse;
import org.giaoban.reporting.audit.AuditReadLog;
import org.giaoban.reporting.audit.AuditReadLog.AuditRead;
import org.giaoban.reporting.audit.AuditedServices;
import org.giaoban.reporting.audit.EventExport;
import org.giaoban.reporting.audit.LedgerReads;
import org.giaoban.reporting.audit.RecordHistory;
import org.giaoban.reporting.source.EventSources;
import org.giaoban.reporting.source.ServiceEventSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The audit endpoints' refusals, each before any store is read, and the record of every read, with the stores and the
 * read log mocked. Requests carry the caller's token as the gateway sends it; the platform's filter checks it.
 */
@WebMvcTest({AuditController.class, LedgerController.class})
@Import({ProblemResponses.class, AuditWebConfiguration.class, AuditControllerTest.Stores.class})
class AuditControllerTest {

    private static final Caller AUDITOR = Caller.of("kiemtoan", List.of(Role.AUDITOR), "HN");
    private static final Instant NOW = Instant.parse("2026-11-29T01:00:00Z");

    @Autowired
    private MockMvc mvc;

    @MockitoBean
    private ServiceEventSource tasks;

    @MockitoBean
    private AuditReadLog reads;

    @MockitoBean
    private LedgerReads ledgers;

    @BeforeEach
    void storesHoldFortyTwoEvents() {
        when(tasks.service()).thenReturn(EventSources.TASKS);
        when(tasks.dataSource()).thenReturn(mock(DataSource.class));
        when(tasks.head()).thenReturn(41L);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/api/audit/events?service=payroll",
                "/api/audit/events",
                "/api/audit/records/6f1c2d3e-4a5b-4c6d-8e7f-901234567890?service=reporting",
                "/api/audit/records/6f1c2d3e-4a5b-4c6d-8e7f-901234567890"
            })
    void aServiceThatKeepsNoLedgerIsRefused(String path) throws Exception {
        mvc.perform(as(AUDITOR, get(path))).andExpect(invalidFields("service"));
        verify(tasks, never()).dataSource();
    }

    @Test
    void aPositionBeyondTheHeadIsRefused() throws Exception {
        mvc.perform(as(AUDITOR, get("/api/audit/events?service=tasks&after=42")))
                .andExpect(invalidFields("after"));
        mvc.perform(as(AUDITOR, get("/api/audit/events?service=tasks&after=-2")))
                .andExpect(invalidFields("after"));
        verify(tasks, never()).dataSource();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "after=abc,after",
                "after=1e3,after",
                "recordedFrom=2022-10-06,recordedFrom",
                "recordedFrom=yesterday,recordedFrom",
                "recordedTo=2022-10-06T25:00:00Z,recordedTo",
                "recordedTo=9999-01-01T00:00:00Z,recordedTo",
                "limit=0,limit",
                "limit=-5,limit",
                "limit=100000001,limit",
                "limit=many,limit",
                "aggregateId=../../etc/passwd,aggregateId",
                "aggregateId=%27%20OR%201%3D1--,aggregateId"
            })
    void malformedParametersAreRefusedByName(String parameterAndField) throws Exception {
        String[] parts = parameterAndField.split(",");
        mvc.perform(as(AUDITOR, get("/api/audit/events?service=tasks&" + parts[0])))
                .andExpect(invalidFields(parts[1]));
        verify(tasks, never()).dataSource();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/api/audit/proofs/inclusion?service=tasks,position",
                "/api/audit/proofs/inclusion?service=tasks&position=-1,position",
                "/api/audit/proofs/inclusion?service=tasks&position=42,position",
                "/api/audit/proofs/inclusion?service=tasks&position=3&treeSize=0,treeSize",
                "/api/audit/proofs/inclusion?service=tasks&position=3&treeSize=ten,treeSize",
                "/api/audit/proofs/consistency?service=tasks&to=5,from",
                "/api/audit/proofs/consistency?service=tasks&from=5,to",
                "/api/audit/proofs/consistency?service=tasks&from=6&to=5,to",
                "/api/audit/proofs/consistency?service=tasks&from=-1&to=5,from",
                "/api/audit/proofs/consistency?service=payroll&from=1&to=5,service",
                "/api/audit/tree-heads?service=tasks&from=yesterday,from",
                "/api/audit/tree-heads?service=tasks&from=10&to=9,to",
                "/api/audit/tree-heads?service=tasks&from=2022-10-06T00:00:00Z&to=2022-10-05T00:00:00Z,to",
                "/api/audit/tree-heads?service=tasks&size=0,size",
                "/api/audit/tree-heads/latest,service",
                "/api/audit/verify?service=TASKS,service"
            })
    void theLedgerRefusesBadInputByName(String pathAndField) throws Exception {
        String[] parts = pathAndField.split(",");
        mvc.perform(as(AUDITOR, get(parts[0]))).andExpect(invalidFields(parts[1]));
        verifyNoInteractions(ledgers);
    }

    @Test
    void aTreeSizeBeyondWhatIsSealedIsRefused() throws Exception {
        when(ledgers.leafCount(tasks)).thenReturn(30L);

        mvc.perform(as(AUDITOR, get("/api/audit/proofs/consistency?service=tasks&from=3&to=31")))
                .andExpect(invalidFields("to"));
        mvc.perform(as(AUDITOR, get("/api/audit/proofs/inclusion?service=tasks&position=3&treeSize=31")))
                .andExpect(invalidFields("treeSize"));
    }

    @Test
    void aPositionNotSealedIsNotFoundAndAServiceWithoutHeadsHasNoLatest() throws Exception {
        when(ledgers.leafCount(tasks)).thenReturn(30L);
        when(ledgers.leafIndexOf(tasks, 35)).thenReturn(OptionalLong.empty());
        when(ledgers.latestTreeHead(tasks)).thenReturn(Optional.empty());

        mvc.perform(as(AUDITOR, get("/api/audit/proofs/inclusion?service=tasks&position=35&treeSize=30")))
                .andExpect(problem(404, "not-found"));
        mvc.perform(as(AUDITOR, get("/api/audit/tree-heads/latest?service=tasks")))
                .andExpect(problem(404, "not-found"));
    }

    @Test
    void aPeriodThatEndsBeforeItBeginsIsRefused() throws Exception {
        mvc.perform(as(
                        AUDITOR,
                        get("/api/audit/events?service=tasks&recordedFrom=2022-10-06T00:00:00Z"
                                + "&recordedTo=2022-10-05T23:59:59Z")))
                .andExpect(invalidFields("recordedTo"));
    }

    @Test
    void aRecordIdOfNoShapeTheServicesMakeIsRefused() throws Exception {
        mvc.perform(as(AUDITOR, get("/api/audit/records/%27;DROP%20TABLE?service=tasks")))
                .andExpect(invalidFields("aggregateId"));
        mvc.perform(as(AUDITOR, get("/api/audit/records/HN-HOANKIEM/twenty?service=training")))
                .andExpect(invalidFields("aggregateId"));
    }

    @Test
    void aStoreThatIsAwayIsAnsweredUnavailable() throws Exception {
        when(tasks.head()).thenThrow(new IllegalStateException(new SQLTransientConnectionException("timed out")));

        mvc.perform(as(AUDITOR, get("/api/audit/events?service=tasks"))).andExpect(problem(503, "store-unavailable"));
    }

    @Test
    void everyReadIsRecordedWithTheCallerAndWhatWasAsked() throws Exception {
        mvc.perform(as(AUDITOR, get("/api/audit/events?service=tasks&after=99")))
                .andExpect(status().isBadRequest());

        ArgumentCaptor<AuditRead> recorded = ArgumentCaptor.forClass(AuditRead.class);
        verify(reads).record(recorded.capture());
        assertThat(recorded.getValue())
                .isEqualTo(new AuditRead(
                        NOW,
                        "kiemtoan",
                        List.of("AUDITOR"),
                        "HN",
                        "GET",
                        "/api/audit/events",
                        "service=tasks&after=99",
                        recorded.getValue().requestId()));
    }

    @Test
    void aReadThatCannotBeRecordedIsNotAnswered() throws Exception {
        doThrow(new MongoTimeoutException("no server")).when(reads).record(any());

        mvc.perform(as(AUDITOR, get("/api/audit/events?service=tasks"))).andExpect(problem(503, "store-unavailable"));
        verify(tasks, never()).dataSource();
    }

    @Test
    void onlyAnAdminReadsWhoReadTheLedger() throws Exception {
        AuditRead read = new AuditRead(NOW, "kiemtoan", List.of("AUDITOR"), "HN", "GET", "/api/audit/keys", null, "r1");
        when(reads.page(any())).thenReturn(new PageResponse<>(List.of(read), 0, 50, 1));

        mvc.perform(as(AUDITOR, get("/api/audit/reads"))).andExpect(problem(403, "forbidden"));
        mvc.perform(as(TestCallers.ADMIN, get("/api/audit/reads?page=0&size=50")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].actor").value("kiemtoan"))
                .andExpect(jsonPath("$.items[0].path").value("/api/audit/keys"))
                .andExpect(jsonPath("$.items[0].at").value("2026-11-29T01:00:00Z"));
        mvc.perform(as(TestCallers.ADMIN, get("/api/audit/reads?size=501"))).andExpect(invalidFields("size"));
    }

    @Test
    void aViewerAndAnOfficerAreRefusedAndNothingIsRecorded() throws Exception {
        mvc.perform(as(TestCallers.viewer(), get("/api/audit/events?service=tasks")))
                .andExpect(problem(403, "forbidden"));
        mvc.perform(as(TestCallers.officerOf("HN-LONGBIEN"), get("/api/audit/events?service=tasks")))
                .andExpect(problem(403, "forbidden"));
        mvc.perform(get("/api/audit/events?service=tasks")).andExpect(problem(401, "identity-required"));
        verify(reads, never()).record(any());
    }

    private static MockHttpServletRequestBuilder as(Caller caller, MockHttpServletRequestBuilder request) {
        return request.header(IdentityHeader.NAME, TestCallers.tokenFor(caller));
    }

    /** Two services whose stores are never reached by a refused request, and the platform's caller check. */
    @TestConfiguration
    static class Stores {

        @Bean
        AuditedServices auditedServices(ServiceEventSource tasks) {
            ServiceEventSource training = mock(ServiceEventSource.class);
            when(training.service()).thenReturn(EventSources.TRAINING);
            return new AuditedServices(new EventSources(tasks, training));
        }

        @Bean
        EventExport eventExport(ObjectMapper json) {
            return new EventExport(json);
        }

        @Bean
        RecordHistory recordHistory(ObjectMapper json) {
            return new RecordHistory(json);
        }

        @Bean
        Clock clock() {
            return Clock.fixed(NOW, ZoneOffset.UTC);
        }

        @Bean
        CallerIdentityFilter callerIdentityFilter(ObjectMapper json) {
            return new CallerIdentityFilter(
                    new IdentityTokens(TestCallers.SECRET.getBytes(StandardCharsets.UTF_8), Clock.systemUTC()), json);
        }
    }
}
