package org.giaoban.reporting.briefing.web;

import static org.giaoban.platform.testing.Problems.invalidFields;
import static org.hamcrest.Matchers.startsWith;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.giaoban.platform.problem.ProblemResponses;
import org.giaoban.platform.web.GatewayWait;
import org.giaoban.reporting.briefing.query.BriefingReports;
import org.giaoban.reporting.briefing.query.BriefingRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The briefing endpoint with the reports mocked: the three formats, and every refusal of a question it cannot answer.
 * The slice does not load the platform's auto-configurations, so the problem+json advice and a clock are imported.
 */
@WebMvcTest(BriefingController.class)
@Import({ProblemResponses.class, BriefingControllerTest.FixedClock.class})
class BriefingControllerTest {

    static final Instant NOW = Instant.parse("2026-11-26T03:00:00Z");

    @Autowired
    private MockMvc mvc;

    @MockitoBean
    private BriefingReports reports;

    @BeforeEach
    void answerTheReferenceBriefing() {
        when(reports.briefing(any(), any())).thenReturn(ReferenceBriefing.hanoi2022());
    }

    @Test
    void answersJsonForThePeriodAndTheCityByDefault() throws Exception {
        mvc.perform(get("/api/reports/briefing?from=2022-01-01&to=2022-09-08"))
                .andExpect(status().isOk())
                .andExpect(content().contentType("application/json"))
                .andExpect(jsonPath("$.training.learnerTurns").value(230516))
                .andExpect(jsonPath("$.training.byBloc.PARTY.classes").value(614));
        verify(reports)
                .briefing(
                        new BriefingRequest(LocalDate.of(2022, 1, 1), LocalDate.of(2022, 9, 8), "HN", null),
                        Optional.empty());
    }

    @Test
    void passesTheUnitTheInstantAndHowLongTheCallerWaits() throws Exception {
        mvc.perform(get("/api/reports/briefing?from=2022-01-01&to=2022-09-08&unitId=HN-HOANKIEM"
                                + "&recordedAt=2022-10-06T00:00:00Z")
                        .header(GatewayWait.HEADER, "10000"))
                .andExpect(status().isOk());
        verify(reports)
                .briefing(
                        new BriefingRequest(
                                LocalDate.of(2022, 1, 1),
                                LocalDate.of(2022, 9, 8),
                                "HN-HOANKIEM",
                                Instant.parse("2022-10-06T00:00:00Z")),
                        Optional.of(Duration.ofSeconds(10)));
    }

    @Test
    void answersCsvWhenTheCallerAcceptsItOrAsksForIt() throws Exception {
        mvc.perform(get("/api/reports/briefing?from=2022-01-01&to=2022-09-08").header("Accept", "text/csv"))
                .andExpect(status().isOk())
                .andExpect(content().contentType("text/csv;charset=UTF-8"))
                .andExpect(content().string(startsWith(BriefingCsv.HEADER + "\r\n")));
        mvc.perform(get("/api/reports/briefing?from=2022-01-01&to=2022-09-08&format=csv"))
                .andExpect(status().isOk())
                .andExpect(header().string(
                                "Content-Disposition",
                                "attachment; filename=\"giao-ban_HN_2022-01-01_2022-09-08.csv\""));
    }

    @Test
    void answersAnExcelWorkbookWhenAskedForXlsx() throws Exception {
        byte[] body = mvc.perform(get("/api/reports/briefing?from=2022-01-01&to=2022-09-08&format=xlsx"))
                .andExpect(status().isOk())
                .andExpect(content().contentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(body))) {
            org.assertj.core.api.Assertions.assertThat(workbook.getSheetName(0)).isEqualTo("Tổng hợp");
        }
    }

    @Test
    void refusesAReportWithoutAPeriod() throws Exception {
        mvc.perform(get("/api/reports/briefing")).andExpect(invalidFields("from", "to"));
        verify(reports, never()).briefing(any(), any());
    }

    @Test
    void refusesAPeriodThatEndsBeforeItStarts() throws Exception {
        mvc.perform(get("/api/reports/briefing?from=2022-09-08&to=2022-01-01")).andExpect(invalidFields("to"));
    }

    @Test
    void refusesAPeriodOfMoreThanTenCalendarYears() throws Exception {
        mvc.perform(get("/api/reports/briefing?from=2013-01-01&to=2022-12-31")).andExpect(status().isOk());
        mvc.perform(get("/api/reports/briefing?from=2012-12-31&to=2022-01-01")).andExpect(invalidFields("to"));
    }

    @Test
    void refusesAnUnknownUnit() throws Exception {
        mvc.perform(get("/api/reports/briefing?from=2022-01-01&to=2022-09-08&unitId=HN-ATLANTIS"))
                .andExpect(invalidFields("unitId"));
    }

    @Test
    void refusesADateThatIsNotADate() throws Exception {
        mvc.perform(get("/api/reports/briefing?from=2022-13-01&to=2022-09-08"))
                .andExpect(invalidFields("from"))
                .andExpect(jsonPath("$.errors[0].message").value("'2022-13-01' must be a date such as 2022-09-08"));
    }

    @Test
    void refusesAnInstantInTheFuture() throws Exception {
        mvc.perform(get("/api/reports/briefing?from=2022-01-01&to=2022-09-08&recordedAt=2026-11-27T00:00:00Z"))
                .andExpect(invalidFields("recordedAt"));
        verify(reports, never()).briefing(any(), any());
    }

    @Test
    void refusesAnInstantThatIsNotAnInstant() throws Exception {
        mvc.perform(get("/api/reports/briefing?from=2022-01-01&to=2022-09-08&recordedAt=yesterday"))
                .andExpect(invalidFields("recordedAt"));
    }

    @Test
    void refusesAFormatItDoesNotWrite() throws Exception {
        mvc.perform(get("/api/reports/briefing?from=2022-01-01&to=2022-09-08&format=pdf"))
                .andExpect(invalidFields("format"));
        verify(reports, never()).briefing(any(), any());
    }

    @TestConfiguration
    static class FixedClock {

        @Bean
        Clock clock() {
            return Clock.fixed(NOW, ZoneId.of("Asia/Ho_Chi_Minh"));
        }
    }
}
