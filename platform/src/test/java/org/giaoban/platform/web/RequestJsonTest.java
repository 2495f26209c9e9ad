package org.giaoban.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.giaoban.platform.testing.Problems.invalidFields;
import static org.giaoban.platform.testing.Problems.problem;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.giaoban.platform.problem.ProblemResponses;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.http.MediaType;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Request bodies read by the mapper Spring Boot builds with {@link RequestJson}, answered by {@link ProblemResponses}:
 * text in NFC, control characters refused, dates and instants in range, whole numbers whole, every refusal naming
 * its field.
 */
class RequestJsonTest {

    private static final String NAME = "Nguyễn Thị Hà";

    record Learner(String fullName, String unitId) {}

    record Body(
            String title,
            @MultilineText String reason,
            LocalDate dueOn,
            Instant submittedAt,
            Integer capacity,
            List<Learner> learners) {}

    @RestController
    static class Echo {
        @PostMapping("/echo")
        Body echo(@RequestBody Body body) {
            return body;
        }
    }

    private MockMvc mvc;
    private ObjectMapper json;

    @BeforeEach
    void readWithTheServicesMapper() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class))
                .withUserConfiguration(RequestJson.class)
                .run(context -> json = context.getBean(ObjectMapper.class));
        mvc = MockMvcBuilders.standaloneSetup(new Echo())
                .setControllerAdvice(new ProblemResponses())
                .setMessageConverters(new MappingJackson2HttpMessageConverter(json))
                .build();
    }

    @Test
    void theDecomposedAndThePrecomposedFormsOfANameAreReadAsOneName() throws Exception {
        String decomposed = Normalizer.normalize(NAME, Normalizer.Form.NFD);
        assertThat(decomposed).isNotEqualTo(NAME);

        Body read = read(send("""
                {"title": "%s", "learners": [{"fullName": "%s", "unitId": "HN"}]}""".formatted(decomposed, decomposed)));

        assertThat(read.title()).isEqualTo(NAME);
        assertThat(read.learners().get(0).fullName()).isEqualTo(NAME);
    }

    @Test
    void aControlCharacterInATitleIsRefusedNamingTheField() throws Exception {
        send("{\"title\": \"Kế hoạch\\u0000 tuyên truyền\"}")
                .andExpect(invalidFields("title"))
                .andExpect(jsonPath("$.errors[0].message", containsString("U+0000")));
        send("{\"title\": \"Kế hoạch\\ntuyên truyền\"}").andExpect(invalidFields("title"));
    }

    @Test
    void aControlCharacterInANestedNameIsRefusedNamingItsPath() throws Exception {
        send("""
                {"learners": [{"fullName": "Trần Văn Nam", "unitId": "HN"}, {"fullName": "Lê\\u001bThị", "unitId": "HN"}]}""").andExpect(invalidFields("learners[1].fullName"));
    }

    @Test
    void aReasonKeepsItsLineBreaksAndTabsButNoOtherControlCharacter() throws Exception {
        assertThat(read(send("{\"reason\": \"Lý do:\\r\\n\\t- trùng lịch\"}")).reason())
                .isEqualTo("Lý do:\r\n\t- trùng lịch");
        send("{\"reason\": \"Lý do\\u0007\"}").andExpect(invalidFields("reason"));
    }

    @Test
    void halfOfASurrogatePairIsNotText() throws Exception {
        send("{\"title\": \"x\\ud800y\"}").andExpect(invalidFields("title"));
        assertThat(read(send("{\"title\": \"\\ud83d\\ude00\"}")).title()).isEqualTo("😀");
    }

    @Test
    void datesAndInstantsOutsideTheYears1900To2100AreRefused() throws Exception {
        send("{\"dueOn\": \"+99999-01-01\"}")
                .andExpect(invalidFields("dueOn"))
                .andExpect(jsonPath("$.errors[0].message").value("must be from 1900-01-01 to 2100-12-31"));
        send("{\"dueOn\": \"1899-12-31\"}").andExpect(invalidFields("dueOn"));
        send("{\"submittedAt\": \"+1000000000-01-01T00:00:00Z\"}").andExpect(invalidFields("submittedAt"));
        send("{\"submittedAt\": \"2101-01-01T00:00:00Z\"}").andExpect(invalidFields("submittedAt"));

        Body read = read(send("{\"dueOn\": \"2100-12-31\", \"submittedAt\": \"1900-01-01T00:00:00Z\"}"));
        assertThat(read.dueOn()).isEqualTo(LocalDate.of(2100, 12, 31));
        assertThat(read.submittedAt()).isEqualTo(Instant.parse("1900-01-01T00:00:00Z"));
    }

    @Test
    void anImpossibleDateIsRefusedNamingTheField() throws Exception {
        send("{\"dueOn\": \"2022-02-30\"}").andExpect(invalidFields("dueOn"));
    }

    @Test
    void aNumberWithAFractionIsNotTakenForAWholeOne() throws Exception {
        send("{\"capacity\": 1.5}").andExpect(invalidFields("capacity"));
    }

    @Test
    void aWholeNumberTooLargeIsRefusedNamingTheField() throws Exception {
        send("{\"capacity\": 99999999999}").andExpect(invalidFields("capacity"));
    }

    @Test
    void aProblemRepeatsAtMostTheStartOfAValue() throws Exception {
        String longValue = "x".repeat(100_000);

        MvcResult answer = send("{\"dueOn\": \"" + longValue + "\"}")
                .andExpect(invalidFields("dueOn"))
                .andExpect(jsonPath("$.errors[0].message", startsWith("'" + "x".repeat(40) + "…'")))
                .andReturn();

        assertThat(answer.getResponse().getContentAsByteArray()).hasSizeLessThan(1_000);
    }

    @Test
    void jsonCutShortInsideAStringIsMalformedRatherThanAFieldAtFault() throws Exception {
        send("{\"title\": \"Kế hoạ").andExpect(problem(400, "malformed-request"));
    }

    @Test
    void aBodyThatIsNotJsonIsA415ProblemOfOurOwnType() throws Exception {
        mvc.perform(post("/echo").contentType(MediaType.TEXT_PLAIN).content("title=x"))
                .andExpect(problem(415, "unsupported-media-type"));
    }

    private ResultActions send(String body) throws Exception {
        return mvc.perform(
                post("/echo").contentType(MediaType.APPLICATION_JSON).content(body.getBytes(StandardCharsets.UTF_8)));
    }

    private Body read(ResultActions answer) throws Exception {
        return json.readValue(
                answer.andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray(), Body.class);
    }
}
