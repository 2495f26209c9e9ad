package org.giaoban.training.trainingclass.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.giaoban.platform.testing.JsonFields.fieldsAt;
import static org.giaoban.platform.testing.Problems.invalidFields;
import static org.giaoban.platform.testing.Problems.problem;
import static org.hamcrest.Matchers.nullValue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseType;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.axonframework.queryhandling.QueryGateway;
import org.giaoban.platform.problem.DomainRuleViolation;
import org.giaoban.platform.problem.InvalidFieldException;
import org.giaoban.platform.problem.NotAllowedException;
import org.giaoban.platform.problem.ProblemResponses;
import org.giaoban.training.api.trainingclass.Bloc;
import org.giaoban.training.api.trainingclass.CancelTrainingClassCommand;
import org.giaoban.training.api.trainingclass.ClassFormat;
import org.giaoban.training.api.trainingclass.ClassStatus;
import org.giaoban.training.api.trainingclass.FindTrainingClassQuery;
import org.giaoban.training.api.trainingclass.FindTrainingClassesQuery;
import org.giaoban.training.api.trainingclass.OpenTrainingClassCommand;
import org.giaoban.training.api.trainingclass.TrainingClassPageView;
import org.giaoban.training.api.trainingclass.TrainingClassView;
import org.giaoban.units.Unit;
import org.giaoban.units.UnitCatalogue;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The class endpoints with the gateways mocked. The slice does not load the platform's auto-configurations, so the
 * problem+json advice is imported; the unit catalogue is the application's own bean.
 */
@WebMvcTest(ClassController.class)
@Import(ProblemResponses.class)
class ClassControllerTest {

    private static final UUID CLASS_ID = UUID.fromString("3b0e6c1a-8f2d-4e5b-9a7c-1d2e3f405162");
    private static final String TITLE = "Bồi dưỡng lý luận chính trị cho đảng viên mới";
    private static final String OPEN_BODY = """
            {"title": "  Bồi dưỡng lý luận chính trị cho đảng viên mới ", "organizerUnitId": "HN-QUOCOAI",
             "bloc": "PARTY", "format": "BLENDED", "startsOn": "2022-09-12", "endsOn": "2022-09-16", "capacity": 120}
            """;

    @Autowired
    private MockMvc mvc;

    @MockitoBean
    private CommandGateway commands;

    @MockitoBean
    private QueryGateway queries;

    @Test
    void openingAClassAnswersCreatedWithItsLocationAndTheIdOfTheCommand() throws Exception {
        MvcResult result = mvc.perform(json(post("/api/classes"), OPEN_BODY))
                .andExpect(status().isCreated())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andReturn();

        ArgumentCaptor<OpenTrainingClassCommand> sent = ArgumentCaptor.forClass(OpenTrainingClassCommand.class);
        then(commands).should().sendAndWait(sent.capture());
        OpenTrainingClassCommand command = sent.getValue();
        assertThat(command.classId()).isNotNull();
        assertThat(command)
                .isEqualTo(new OpenTrainingClassCommand(
                        command.classId(),
                        TITLE,
                        "HN-QUOCOAI",
                        Bloc.PARTY,
                        ClassFormat.BLENDED,
                        LocalDate.of(2022, 9, 12),
                        LocalDate.of(2022, 9, 16),
                        120));
        assertThat(result.getResponse().getHeader("Location")).isEqualTo("/api/classes/" + command.classId());
        assertThat(result.getResponse().getContentAsString())
                .isEqualToIgnoringWhitespace("{\"id\":\"" + command.classId() + "\"}");
    }

    @Test
    void aClassMayBeOpenedWithoutACapacity() throws Exception {
        mvc.perform(json(post("/api/classes"), """
                        {"title": "Tập huấn báo cáo viên", "organizerUnitId": "HN", "bloc": "OTHER",
                         "format": "ONLINE", "startsOn": "2022-09-12", "endsOn": "2022-09-12"}
                        """)).andExpect(status().isCreated());

        ArgumentCaptor<OpenTrainingClassCommand> sent = ArgumentCaptor.forClass(OpenTrainingClassCommand.class);
        then(commands).should().sendAndWait(sent.capture());
        assertThat(sent.getValue().capacity()).isNull();
    }

    @Test
    void aBodyThatIsNotJsonIsMalformed() throws Exception {
        mvc.perform(json(post("/api/classes"), "{\"title\": \"Lớp\", \"bloc\": "))
                .andExpect(problem(400, "malformed-request"));
        verifyNoInteractions(commands);
    }

    @Test
    void missingAndBlankRequiredFieldsAreEachNamed() throws Exception {
        mvc.perform(json(post("/api/classes"), "{\"title\": \"  \", \"organizerUnitId\": \"\"}"))
                .andExpect(invalidFields("bloc", "endsOn", "format", "organizerUnitId", "startsOn", "title"));
        verifyNoInteractions(commands);
    }

    @Test
    void aBlocThatDoesNotExistIsNamed() throws Exception {
        mvc.perform(json(post("/api/classes"), OPEN_BODY.replace("\"PARTY\"", "\"CLUB\"")))
                .andExpect(invalidFields("bloc"))
                .andExpect(jsonPath("$.errors[0].message").value("'CLUB' is not a valid Bloc"));
        verifyNoInteractions(commands);
    }

    @Test
    void aStartThatIsNoDateIsNamed() throws Exception {
        mvc.perform(json(post("/api/classes"), OPEN_BODY.replace("2022-09-12", "2022-02-30")))
                .andExpect(invalidFields("startsOn"))
                .andExpect(jsonPath("$.errors[0].message").value("'2022-02-30' is not a valid LocalDate"));
        verifyNoInteractions(commands);
    }

    @Test
    void aClassWithoutPlacesIsRefusedBeforeAnyCommand() throws Exception {
        mvc.perform(json(post("/api/classes"), OPEN_BODY.replace("120", "0"))).andExpect(invalidFields("capacity"));
        mvc.perform(json(post("/api/classes"), OPEN_BODY.replace("120", "-5"))).andExpect(invalidFields("capacity"));
        verifyNoInteractions(commands);
    }

    @Test
    void aCapacityThatIsNoNumberIsNamed() throws Exception {
        mvc.perform(json(post("/api/classes"), OPEN_BODY.replace("120", "\"nhiều\"")))
                .andExpect(invalidFields("capacity"));
        verifyNoInteractions(commands);
    }

    @Test
    void aBodyThatIsNotJsonIsUnsupported() throws Exception {
        mvc.perform(post("/api/classes").contentType(MediaType.TEXT_PLAIN).content(TITLE))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(415));
        verifyNoInteractions(commands);
    }

    @Test
    void anUnknownOrganizerRefusedByTheClassIsAnInvalidField() throws Exception {
        given(commands.sendAndWait(any()))
                .willThrow(new InvalidFieldException("organizerUnitId", "'HN-ATLANTIS' is not a known unit"));

        mvc.perform(json(post("/api/classes"), OPEN_BODY.replace("HN-QUOCOAI", "HN-ATLANTIS")))
                .andExpect(invalidFields("organizerUnitId"))
                .andExpect(jsonPath("$.errors[0].message").value("'HN-ATLANTIS' is not a known unit"));
    }

    @Test
    void aClassThatEndsBeforeItStartsRefusedByTheClassIsAnInvalidField() throws Exception {
        given(commands.sendAndWait(any())).willThrow(new InvalidFieldException("endsOn", "may not be before startsOn"));

        mvc.perform(json(post("/api/classes"), OPEN_BODY.replace("2022-09-16", "2022-09-01")))
                .andExpect(invalidFields("endsOn"));
    }

    @Test
    void readingAClassAnswersItsFieldsItsEnrolledCountAndItsVersionAsETag() throws Exception {
        given(queries.query(eq(new FindTrainingClassQuery(CLASS_ID)), any(ResponseType.class)))
                .willReturn(CompletableFuture.completedFuture(Optional.of(new TrainingClassView(
                        CLASS_ID,
                        TITLE,
                        "HN-QUOCOAI",
                        Bloc.MASS_ORGANISATIONS,
                        ClassFormat.IN_PERSON,
                        LocalDate.of(2022, 9, 12),
                        LocalDate.of(2022, 9, 16),
                        120,
                        87,
                        ClassStatus.OPEN,
                        4))));

        mvc.perform(get("/api/classes/{classId}", CLASS_ID))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(header().string("ETag", "\"4\""))
                .andExpect(jsonPath("$.id").value(CLASS_ID.toString()))
                .andExpect(jsonPath("$.title").value(TITLE))
                .andExpect(jsonPath("$.organizerUnitId").value("HN-QUOCOAI"))
                .andExpect(jsonPath("$.bloc").value("MASS_ORGANISATIONS"))
                .andExpect(jsonPath("$.format").value("IN_PERSON"))
                .andExpect(jsonPath("$.startsOn").value("2022-09-12"))
                .andExpect(jsonPath("$.endsOn").value("2022-09-16"))
                .andExpect(jsonPath("$.capacity").value(120))
                .andExpect(jsonPath("$.enrolled").value(87))
                .andExpect(jsonPath("$.status").value("OPEN"))
                .andExpect(jsonPath("$.version").value(4));
    }

    @Test
    void aClassAndEachClassOfAListShowExactlyTheFieldsOfTheApiWithTheirIdAsId() throws Exception {
        given(queries.query(eq(new FindTrainingClassQuery(CLASS_ID)), any(ResponseType.class)))
                .willReturn(CompletableFuture.completedFuture(Optional.of(view(CLASS_ID, "HN-HOANKIEM", 120))));
        given(queries.query(any(FindTrainingClassesQuery.class), eq(TrainingClassPageView.class)))
                .willReturn(CompletableFuture.completedFuture(
                        new TrainingClassPageView(List.of(view(CLASS_ID, "HN-HOANKIEM", 120)), 0, 50, 1)));
        String[] fields = {
            "id",
            "title",
            "organizerUnitId",
            "bloc",
            "format",
            "startsOn",
            "endsOn",
            "capacity",
            "enrolled",
            "status",
            "version"
        };

        mvc.perform(get("/api/classes/{classId}", CLASS_ID)).andExpect(fieldsAt("", fields));
        mvc.perform(get("/api/classes")).andExpect(fieldsAt("/items/0", fields));
    }

    @Test
    void aClassWithoutCapacityShowsThatItHasNone() throws Exception {
        given(queries.query(eq(new FindTrainingClassQuery(CLASS_ID)), any(ResponseType.class)))
                .willReturn(CompletableFuture.completedFuture(Optional.of(view(CLASS_ID, "HN", null))));

        mvc.perform(get("/api/classes/{classId}", CLASS_ID))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.capacity").hasJsonPath())
                .andExpect(jsonPath("$.capacity").value(nullValue()))
                .andExpect(jsonPath("$.enrolled").value(0));
    }

    @Test
    void readingAnUnknownClassIsNotFound() throws Exception {
        given(queries.query(eq(new FindTrainingClassQuery(CLASS_ID)), any(ResponseType.class)))
                .willReturn(CompletableFuture.completedFuture(Optional.empty()));

        mvc.perform(get("/api/classes/{classId}", CLASS_ID)).andExpect(problem(404, "not-found"));
    }

    @Test
    void anIdThatIsNoUuidIsAnInvalidField() throws Exception {
        mvc.perform(get("/api/classes/{classId}", "lop-1")).andExpect(invalidFields("classId"));
        mvc.perform(json(post("/api/classes/{classId}/cancel", "lop-1"), "{\"reason\": \"Trùng lịch\"}"))
                .andExpect(invalidFields("classId"));
        verifyNoInteractions(commands, queries);
    }

    @Test
    void listingAskedForTheCityIncludesEveryUnitUnderIt() throws Exception {
        given(queries.query(any(FindTrainingClassesQuery.class), eq(TrainingClassPageView.class)))
                .willReturn(CompletableFuture.completedFuture(
                        new TrainingClassPageView(List.of(view(CLASS_ID, "HN-HOANKIEM", 120)), 1, 20, 1418)));

        mvc.perform(get("/api/classes")
                        .param("organizerUnitId", "HN")
                        .param("bloc", "STATE")
                        .param("startsFrom", "2022-01-01")
                        .param("startsTo", "2022-09-08")
                        .param("page", "1")
                        .param("size", "20"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items.length()").value(1))
                .andExpect(jsonPath("$.items[0].id").value(CLASS_ID.toString()))
                .andExpect(jsonPath("$.items[0].organizerUnitId").value("HN-HOANKIEM"))
                .andExpect(jsonPath("$.items[0].enrolled").value(0))
                .andExpect(jsonPath("$.page").value(1))
                .andExpect(jsonPath("$.size").value(20))
                .andExpect(jsonPath("$.total").value(1418));

        FindTrainingClassesQuery query = sentListQuery();
        List<String> everyUnit =
                UnitCatalogue.hanoi().all().stream().map(Unit::id).toList();
        assertThat(query.organizerUnitIds())
                .containsExactlyInAnyOrderElementsOf(everyUnit)
                .contains("HN", "HN-HOANKIEM", "HN-SONTAY");
        assertThat(query)
                .isEqualTo(new FindTrainingClassesQuery(
                        query.organizerUnitIds(),
                        Bloc.STATE,
                        LocalDate.of(2022, 1, 1),
                        LocalDate.of(2022, 9, 8),
                        1,
                        20));
    }

    @Test
    void listingAskedForADistrictIncludesOnlyThatDistrict() throws Exception {
        givenAnEmptyList();

        mvc.perform(get("/api/classes").param("organizerUnitId", "HN-HOANKIEM")).andExpect(status().isOk());

        assertThat(sentListQuery().organizerUnitIds()).containsExactly("HN-HOANKIEM");
    }

    @Test
    void listingWithoutFiltersAsksForTheFirstFiftyOfEveryUnit() throws Exception {
        givenAnEmptyList();

        mvc.perform(get("/api/classes"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items").isEmpty())
                .andExpect(jsonPath("$.total").value(0));

        assertThat(sentListQuery()).isEqualTo(new FindTrainingClassesQuery(null, null, null, null, 0, 50));
    }

    @Test
    void listingAnUnknownOrganizerIsRefused() throws Exception {
        mvc.perform(get("/api/classes").param("organizerUnitId", "HN-ATLANTIS"))
                .andExpect(invalidFields("organizerUnitId"))
                .andExpect(jsonPath("$.errors[0].message").value("'HN-ATLANTIS' is not a known unit"));
        verifyNoInteractions(queries);
    }

    @Test
    void listingByABlocThatDoesNotExistNamesTheBlocs() throws Exception {
        mvc.perform(get("/api/classes").param("bloc", "CLUB"))
                .andExpect(invalidFields("bloc"))
                .andExpect(jsonPath("$.errors[0].message")
                        .value("'CLUB' must be one of PARTY, MASS_ORGANISATIONS, STATE, OTHER"));
        verifyNoInteractions(queries);
    }

    @Test
    void listingFromADateThatIsNoDateIsRefused() throws Exception {
        mvc.perform(get("/api/classes").param("startsFrom", "08/09/2022")).andExpect(invalidFields("startsFrom"));
        verifyNoInteractions(queries);
    }

    @Test
    void aStartRangeThatEndsBeforeItBeginsIsRefused() throws Exception {
        mvc.perform(get("/api/classes").param("startsFrom", "2022-09-08").param("startsTo", "2022-01-01"))
                .andExpect(invalidFields("startsTo"));
        verifyNoInteractions(queries);
    }

    @Test
    void aPageOfMoreThanFiveHundredIsRefused() throws Exception {
        mvc.perform(get("/api/classes").param("size", "501")).andExpect(invalidFields("size"));
        verifyNoInteractions(queries);
    }

    @Test
    void aNegativePageIsRefused() throws Exception {
        mvc.perform(get("/api/classes").param("page", "-1")).andExpect(invalidFields("page"));
        verifyNoInteractions(queries);
    }

    @Test
    void cancellingAClassSendsTheReasonAndTheVersionInIfMatch() throws Exception {
        mvc.perform(json(post("/api/classes/{classId}/cancel", CLASS_ID), "{\"reason\": \"Trùng lịch giao ban\"}")
                        .header("If-Match", "\"4\""))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value(CLASS_ID.toString()));

        then(commands).should().sendAndWait(new CancelTrainingClassCommand(CLASS_ID, "Trùng lịch giao ban", 4L));
    }

    @Test
    void cancellingWithoutAReasonIsRefused() throws Exception {
        mvc.perform(json(post("/api/classes/{classId}/cancel", CLASS_ID), "{\"reason\": \"  \"}"))
                .andExpect(invalidFields("reason"));
        verifyNoInteractions(commands);
    }

    @Test
    void cancellingACancelledClassIsAConflictNamedByItsRule() throws Exception {
        given(commands.sendAndWait(any()))
                .willThrow(new DomainRuleViolation(
                        "class-cancelled", "The class is cancelled; it cannot be cancelled again."));

        mvc.perform(json(post("/api/classes/{classId}/cancel", CLASS_ID), "{\"reason\": \"Lần nữa\"}"))
                .andExpect(problem(409, "class-cancelled"))
                .andExpect(jsonPath("$.detail").value("The class is cancelled; it cannot be cancelled again."));
    }

    @Test
    void cancellingAClassOfAUnitTheCallerMayNotChangeIsForbidden() throws Exception {
        given(commands.sendAndWait(any()))
                .willThrow(new NotAllowedException(
                        "unit-not-allowed",
                        "officer-hn-hoankiem may not change what belongs to HN-QUOCOAI: an officer writes only for"
                                + " HN-HOANKIEM and the units under it"));

        mvc.perform(json(post("/api/classes/{classId}/cancel", CLASS_ID), "{\"reason\": \"Trùng lịch\"}"))
                .andExpect(problem(403, "unit-not-allowed"))
                .andExpect(jsonPath("$.title").value("Not allowed"))
                .andExpect(jsonPath("$.detail")
                        .value("officer-hn-hoankiem may not change what belongs to HN-QUOCOAI: an officer writes"
                                + " only for HN-HOANKIEM and the units under it"));
    }

    @Test
    void cancellingAnUnknownClassIsNotFound() throws Exception {
        given(commands.sendAndWait(any()))
                .willThrow(new AggregateNotFoundException(CLASS_ID.toString(), "The aggregate was not found"));

        mvc.perform(json(post("/api/classes/{classId}/cancel", CLASS_ID), "{\"reason\": \"Trùng lịch\"}"))
                .andExpect(problem(404, "not-found"));
    }

    @Test
    void cancellingAClassChangedSinceItWasReadIsAFailedPrecondition() throws Exception {
        given(commands.sendAndWait(any()))
                .willThrow(new ConflictingAggregateVersionException(CLASS_ID.toString(), 3, 4));

        mvc.perform(json(post("/api/classes/{classId}/cancel", CLASS_ID), "{\"reason\": \"Trùng lịch\"}")
                        .header("If-Match", "\"3\""))
                .andExpect(problem(412, "stale-version"));
    }

    private static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, String body) {
        return request.contentType(MediaType.APPLICATION_JSON).content(body);
    }

    private static TrainingClassView view(UUID classId, String organizerUnitId, Integer capacity) {
        return new TrainingClassView(
                classId,
                TITLE,
                organizerUnitId,
                Bloc.STATE,
                ClassFormat.ONLINE,
                LocalDate.of(2022, 3, 1),
                LocalDate.of(2022, 3, 3),
                capacity,
                0,
                ClassStatus.OPEN,
                0);
    }

    private void givenAnEmptyList() {
        given(queries.query(any(FindTrainingClassesQuery.class), eq(TrainingClassPageView.class)))
                .willReturn(CompletableFuture.completedFuture(new TrainingClassPageView(List.of(), 0, 50, 0)));
    }

    private FindTrainingClassesQuery sentListQuery() {
        ArgumentCaptor<FindTrainingClassesQuery> sent = ArgumentCaptor.forClass(FindTrainingClassesQuery.class);
        then(queries).should().query(sent.capture(), eq(TrainingClassPageView.class));
        return sent.getValue();
    }
}
