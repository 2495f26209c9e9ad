package org.giaoban.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.giaoban.identity.Caller;
import org.giaoban.identity.Role;
import org.giaoban.platform.testing.Problems;
import org.giaoban.platform.testing.SettableClock;
import org.h2.Driver;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.AbstractDataSource;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultMatcher;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The filter in front of a controller that counts its calls, with the answers kept in an in-memory H2 database whose
 * table is made by the platform's own migration.
 */
class IdempotencyFilterTest {

    private static final String PLAN = "{\"title\": \"Báo cáo sơ kết 6 tháng\"}";
    private static final String OTHER_PLAN = "{\"title\": \"Báo cáo tổng kết năm\"}";
    private static final String REFUSED_PLAN = "{\"title\": \"\"}";

    private static JdbcTemplate jdbc;

    private PlanningController controller;
    private MockMvc mvc;

    @BeforeAll
    static void createTheTable() {
        SimpleDriverDataSource dataSource = new SimpleDriverDataSource(
                new Driver(), "jdbc:h2:mem:idempotency-filter-test;DB_CLOSE_DELAY=-1", "sa", "");
        new ResourceDatabasePopulator(new ClassPathResource("db/migration/platform/h2/V1_2__idempotency_record.sql"))
                .execute(dataSource);
        jdbc = new JdbcTemplate(dataSource);
    }

    @BeforeEach
    void setUp() {
        jdbc.update("DELETE FROM idempotency_record");
        controller = new PlanningController();
        IdempotencyFilter filter = new IdempotencyFilter(
                new IdempotencyRecords(jdbc), Jackson2ObjectMapperBuilder.json().build());
        mvc = MockMvcBuilders.standaloneSetup(controller).addFilters(filter).build();
    }

    @Test
    void aRepeatWithTheSameKeyAndBodyGetsTheFirstAnswerWithoutRunningAgain() throws Exception {
        MvcResult first = mvc.perform(plan("key-1", PLAN))
                .andExpect(status().isCreated())
                .andExpect(header().doesNotExist("Idempotency-Replayed"))
                .andReturn();

        MvcResult repeat = mvc.perform(plan("key-1", PLAN))
                .andExpect(status().isCreated())
                .andExpect(header().string("Idempotency-Replayed", "true"))
                .andExpect(header().string("Location", "/api/plans/1"))
                .andExpect(jsonPath("$.title").value("Báo cáo sơ kết 6 tháng"))
                .andReturn();

        assertThat(controller.plans.get()).isEqualTo(1);
        assertThat(repeat.getResponse().getContentType())
                .isEqualTo(first.getResponse().getContentType());
        assertThat(repeat.getResponse().getContentAsString(StandardCharsets.UTF_8))
                .isEqualTo(first.getResponse().getContentAsString(StandardCharsets.UTF_8))
                .isEqualTo("{\"id\":1,\"title\":\"Báo cáo sơ kết 6 tháng\"}");
    }

    @Test
    void requestsWithDifferentKeysEachRun() throws Exception {
        mvc.perform(plan("key-1", PLAN)).andExpect(header().string("Location", "/api/plans/1"));
        mvc.perform(plan("key-2", PLAN))
                .andExpect(header().string("Location", "/api/plans/2"))
                .andExpect(header().doesNotExist("Idempotency-Replayed"));

        assertThat(controller.plans.get()).isEqualTo(2);
    }

    @Test
    void theSameKeyWithAnotherBodyIsAConflictAndDoesNotRun() throws Exception {
        mvc.perform(plan("key-1", PLAN)).andExpect(status().isCreated());

        mvc.perform(plan("key-1", OTHER_PLAN)).andExpect(conflict());

        assertThat(controller.plans.get()).isEqualTo(1);
    }

    @Test
    void theSameKeyWithAnotherQueryIsAConflictAndDoesNotRun() throws Exception {
        mvc.perform(plan("key-1", PLAN)).andExpect(status().isCreated());

        mvc.perform(plan("key-1", PLAN).queryParam("draft", "true")).andExpect(conflict());

        assertThat(controller.plans.get()).isEqualTo(1);
    }

    @Test
    void aRepeatWhileTheFirstIsStillRunningIsAConflictAndDoesNotRun() throws Exception {
        controller.holdNextPlan();
        CompletableFuture<MvcResult> first = CompletableFuture.supplyAsync(() -> perform(plan("key-1", PLAN)));
        assertThat(controller.entered.await(10, TimeUnit.SECONDS)).isTrue();

        mvc.perform(plan("key-1", PLAN)).andExpect(conflict());

        controller.release.countDown();
        assertThat(first.get(10, TimeUnit.SECONDS).getResponse().getStatus()).isEqualTo(201);
        assertThat(controller.plans.get()).isEqualTo(1);
        mvc.perform(plan("key-1", PLAN)).andExpect(header().string("Idempotency-Replayed", "true"));
    }

    @Test
    void aKeyOfTwoHundredCharactersIsAccepted() throws Exception {
        mvc.perform(plan("k".repeat(200), PLAN)).andExpect(status().isCreated());

        assertThat(controller.plans.get()).isEqualTo(1);
    }

    @Test
    void aKeyOfMoreThanTwoHundredCharactersIsRefused() throws Exception {
        mvc.perform(plan("k".repeat(201), PLAN)).andExpect(invalidKey());

        assertThat(controller.plans.get()).isZero();
    }

    @Test
    void aKeyWithASpaceIsRefused() throws Exception {
        mvc.perform(plan("key 1", PLAN)).andExpect(invalidKey());

        assertThat(controller.plans.get()).isZero();
    }

    @Test
    void aRefusedRequestKeepsNothingSoTheSameKeyRunsAgain() throws Exception {
        mvc.perform(plan("key-1", REFUSED_PLAN)).andExpect(status().isUnprocessableEntity());
        mvc.perform(plan("key-1", REFUSED_PLAN))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(header().doesNotExist("Idempotency-Replayed"));
        assertThat(controller.plans.get()).isEqualTo(2);

        mvc.perform(plan("key-1", PLAN))
                .andExpect(status().isCreated())
                .andExpect(header().doesNotExist("Idempotency-Replayed"));
        assertThat(controller.plans.get()).isEqualTo(3);
    }

    @Test
    void aFailedRequestKeepsNothingSoTheSameKeyRunsAgain() throws Exception {
        controller.failNextPlan();
        assertThatThrownBy(() -> mvc.perform(plan("key-1", PLAN))).hasRootCauseMessage("the store is down");

        mvc.perform(plan("key-1", PLAN))
                .andExpect(status().isCreated())
                .andExpect(header().doesNotExist("Idempotency-Replayed"));
        assertThat(controller.plans.get()).isEqualTo(2);
    }

    @Test
    void whenTheStoreIsAwayTheKeyCannotBeClaimedAndTheRequestIsRefusedWith503WithoutRunning() throws Exception {
        MockMvc storeAway = mvcOver(new IdempotencyRecords(new JdbcTemplate(new AbstractDataSource() {
            @Override
            public Connection getConnection() throws SQLException {
                throw new SQLTransientConnectionException(
                        "HikariPool-1 - Connection is not available, request timed out after 2000ms", "08001");
            }

            @Override
            public Connection getConnection(String username, String password) throws SQLException {
                return getConnection();
            }
        })));

        storeAway
                .perform(plan("key-1", PLAN))
                .andExpect(Problems.problem(503, "store-unavailable"))
                .andExpect(header().string("Retry-After", "5"));

        assertThat(controller.plans.get()).isZero();
    }

    @Test
    void whenTheStoreGoesAwayAfterTheRequestRanItsAnswerStandsAndARepeatIsNotRunAgain() throws Exception {
        MockMvc storeGoesAway = mvcOver(new IdempotencyRecords(jdbc) {
            @Override
            public void answer(String key, int status, String contentType, String location, String body) {
                throw new CannotGetJdbcConnectionException(
                        "Failed to obtain JDBC Connection", new SQLException("Connection refused", "08001"));
            }
        });

        storeGoesAway.perform(plan("key-1", PLAN)).andExpect(status().isCreated());
        storeGoesAway.perform(plan("key-1", PLAN)).andExpect(conflict());

        assertThat(controller.plans.get()).isEqualTo(1);
    }

    @Test
    void aPostWithoutAKeyIsNotFiltered() throws Exception {
        mvc.perform(post("/api/plans").contentType(MediaType.APPLICATION_JSON).content(PLAN))
                .andExpect(status().isCreated());
        mvc.perform(post("/api/plans").contentType(MediaType.APPLICATION_JSON).content(PLAN))
                .andExpect(status().isCreated());

        assertThat(controller.plans.get()).isEqualTo(2);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM idempotency_record", Integer.class))
                .isZero();
    }

    @Test
    void aGetIsNotFiltered() throws Exception {
        mvc.perform(get("/api/plans").header("Idempotency-Key", "key-1"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.reads").value(1));
        mvc.perform(get("/api/plans").header("Idempotency-Key", "key-1"))
                .andExpect(status().isOk())
                .andExpect(header().doesNotExist("Idempotency-Replayed"))
                .andExpect(jsonPath("$.reads").value(2));

        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM idempotency_record", Integer.class))
                .isZero();
    }

    @Test
    void anotherCallersUseOfTheSameKeyIsARequestOfItsOwnThatNeitherBlocksNorReadsTheFirst() throws Exception {
        mvc.perform(plan("key-1", PLAN).with(as("hoankiem")))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.id").value(1));

        mvc.perform(plan("key-1", PLAN).with(as("longbien")))
                .andExpect(status().isCreated())
                .andExpect(header().doesNotExist("Idempotency-Replayed"))
                .andExpect(jsonPath("$.id").value(2));
        mvc.perform(plan("key-1", PLAN).with(as("hoankiem")))
                .andExpect(status().isCreated())
                .andExpect(header().string("Idempotency-Replayed", "true"))
                .andExpect(jsonPath("$.id").value(1));
        assertThat(controller.plans.get()).isEqualTo(2);
        assertThat(jdbc.queryForList("SELECT idempotency_key FROM idempotency_record", String.class))
                .hasSize(2)
                .noneMatch(stored -> stored.contains("key-1") || stored.contains("hoankiem"));
    }

    @Test
    void aKeyIsFreeAgainOnceItsRecordHasExpired() throws Exception {
        SettableClock clock = new SettableClock(Instant.parse("2022-10-06T01:30:00Z"));
        MockMvc expiring = mvcOver(new IdempotencyRecords(jdbc, clock, Duration.ofHours(24)));
        expiring.perform(plan("key-1", PLAN)).andExpect(status().isCreated());

        clock.advance(Duration.ofHours(23));
        expiring.perform(plan("key-1", PLAN)).andExpect(header().string("Idempotency-Replayed", "true"));
        clock.advance(Duration.ofHours(1).plusSeconds(1));
        expiring.perform(plan("key-1", OTHER_PLAN))
                .andExpect(status().isCreated())
                .andExpect(header().doesNotExist("Idempotency-Replayed"));

        assertThat(controller.plans.get()).isEqualTo(2);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM idempotency_record", Integer.class))
                .isEqualTo(1);
    }

    @Test
    void anAnswerTooLargeToKeepIsNotStoredAndARepeatIsRefusedRatherThanRunAgain() throws Exception {
        MockMvc small = MockMvcBuilders.standaloneSetup(controller)
                .addFilters(new IdempotencyFilter(
                        new IdempotencyRecords(jdbc),
                        Jackson2ObjectMapperBuilder.json().build(),
                        10))
                .build();
        small.perform(plan("key-1", PLAN)).andExpect(status().isCreated());

        small.perform(plan("key-1", PLAN))
                .andExpect(conflict())
                .andExpect(jsonPath("$.detail")
                        .value("The request with this Idempotency-Key was carried out (status 201), but its answer"
                                + " was too large to keep; read the result rather than repeat it."));
        assertThat(controller.plans.get()).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT body FROM idempotency_record", String.class))
                .isNull();
    }

    private MockMvc mvcOver(IdempotencyRecords records) {
        return MockMvcBuilders.standaloneSetup(controller)
                .addFilters(new IdempotencyFilter(
                        records, Jackson2ObjectMapperBuilder.json().build()))
                .build();
    }

    private static RequestPostProcessor as(String name) {
        return request -> {
            new RequestMetadata("req", "corr", Caller.of(name, List.of(Role.OFFICER), "HN")).bindTo(request);
            return request;
        };
    }

    private static MockHttpServletRequestBuilder plan(String key, String body) {
        return post("/api/plans")
                .header("Idempotency-Key", key)
                .contentType(MediaType.APPLICATION_JSON)
                .content(body);
    }

    private MvcResult perform(MockHttpServletRequestBuilder request) {
        try {
            return mvc.perform(request).andReturn();
        } catch (Exception e) {
            throw new IllegalStateException("The request could not be performed", e);
        }
    }

    private static ResultMatcher conflict() {
        return ResultMatcher.matchAll(
                status().isConflict(),
                content().contentType(MediaType.APPLICATION_PROBLEM_JSON),
                jsonPath("$.type").value("urn:giaoban:problem:idempotency-key-conflict"),
                jsonPath("$.status").value(409));
    }

    private static ResultMatcher invalidKey() {
        return ResultMatcher.matchAll(
                status().isBadRequest(),
                content().contentType(MediaType.APPLICATION_PROBLEM_JSON),
                jsonPath("$.type").value("urn:giaoban:problem:invalid-request"),
                jsonPath("$.errors[0].field").value("Idempotency-Key"));
    }

    /** Plans numbered from 1; an empty title is refused with 422. It can hold or fail its next plan on request. */
    @RestController
    static class PlanningController {

        final AtomicInteger plans = new AtomicInteger();
        final AtomicInteger reads = new AtomicInteger();
        final CountDownLatch entered = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        private volatile boolean holdNext;
        private volatile boolean failNext;

        void holdNextPlan() {
            holdNext = true;
        }

        void failNextPlan() {
            failNext = true;
        }

        @PostMapping("/api/plans")
        ResponseEntity<Object> plan(@RequestBody Map<String, String> body) throws InterruptedException {
            int planId = plans.incrementAndGet();
            if (failNext) {
                failNext = false;
                throw new IllegalStateException("the store is down");
            }
            if (holdNext) {
                holdNext = false;
                entered.countDown();
                if (!release.await(10, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("the held plan was never released");
                }
            }
            String title = body.get("title");
            if (title == null || title.isBlank()) {
                return ResponseEntity.unprocessableEntity().body(Map.of("error", "title is required"));
            }
            return ResponseEntity.created(URI.create("/api/plans/" + planId)).body(new Plan(planId, title));
        }

        record Plan(int id, String title) {}

        @GetMapping("/api/plans")
        Map<String, Object> read() {
            return Map.of("reads", reads.incrementAndGet());
        }
    }
}
