package org.giaoban.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.giaoban.platform.testing.RequestArbitraries.ids;
import static org.giaoban.platform.testing.RequestArbitraries.json;
import static org.giaoban.platform.testing.RequestArbitraries.mutated;
import static org.giaoban.platform.testing.RequestArbitraries.oddDates;
import static org.giaoban.platform.testing.RequestArbitraries.oddTexts;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.giaoban.platform.testing.ServiceOnEmbeddedStores;
import org.giaoban.platform.testing.ServiceOnEmbeddedStores.Answer;

/**
 * tasks-service under generated requests, made from API.md's shapes of work items and documents, valid and mutated:
 * however bad a request, the answer is never a server error, and a refused request stores no event.
 */
class BadRequestPropertiesIT {

    static ServiceOnEmbeddedStores service;
    static String taskId;
    static String documentId;

    @BeforeContainer
    static void startTheService() {
        service = ServiceOnEmbeddedStores.start(TasksApplication.class);
        taskId = created("/api/tasks", workItem());
        documentId = created("/api/documents", document());
    }

    @AfterContainer
    static void stopTheService() {
        if (service != null) {
            service.close();
        }
    }

    @Property(tries = 150)
    void planningAWorkItemNeverFailsOnTheServerAndARefusalStoresNothing(@ForAll("workItems") String body) {
        send("POST", "/api/tasks", body);
    }

    @Property(tries = 150)
    void issuingADocumentNeverFailsOnTheServerAndARefusalStoresNothing(@ForAll("documents") String body) {
        send("POST", "/api/documents", body);
    }

    @Property(tries = 200)
    void changingAWorkItemNeverFailsOnTheServerAndARefusalStoresNothing(
            @ForAll("taskIds") String id, @ForAll("changes") String change, @ForAll("changeBodies") String body) {
        send("POST", "/api/tasks/" + id + "/" + change, body);
    }

    @Property(tries = 100)
    void revokingADocumentNeverFailsOnTheServerAndARefusalStoresNothing(
            @ForAll("documentIds") String id, @ForAll("reasons") String body) {
        send("POST", "/api/documents/" + id + "/revoke", body);
    }

    @Provide
    Arbitrary<String> workItems() {
        return json(mutated(
                workItem(),
                Map.of(
                        "dueOn", oddDates(),
                        "programme", oddTexts().map(Object.class::cast),
                        "title", oddTexts().map(Object.class::cast),
                        "unitId", oddTexts().map(Object.class::cast),
                        "description", oddTexts().map(Object.class::cast))));
    }

    @Provide
    Arbitrary<String> documents() {
        return json(mutated(
                document(),
                Map.of(
                        "number", oddTexts().map(Object.class::cast),
                        "kind",
                                Arbitraries.of("PLAN", "plan", "MEMO", "", "RESOLUTION ")
                                        .map(Object.class::cast),
                        "issuedOn", oddDates(),
                        "taskId", ids(taskId, documentId).map(Object.class::cast))));
    }

    @Provide
    Arbitrary<String> taskIds() {
        return ids(taskId, documentId);
    }

    @Provide
    Arbitrary<String> documentIds() {
        return ids(documentId, taskId);
    }

    @Provide
    Arbitrary<String> changes() {
        return Arbitraries.of("complete", "reopen", "reschedule", "cancel");
    }

    /** One shape for every change: each endpoint reads the fields it knows and ignores the others. */
    @Provide
    Arbitrary<String> changeBodies() {
        Map<String, Object> valid = new LinkedHashMap<>();
        valid.put("completedOn", "2022-06-28");
        valid.put("dueOn", "2022-09-30");
        valid.put("reason", "Điều chỉnh kế hoạch");
        valid.put("note", "Đã báo cáo");
        return json(mutated(
                valid,
                Map.of(
                        "completedOn", oddDates(),
                        "dueOn", oddDates(),
                        "reason", oddTexts().map(Object.class::cast),
                        "note", oddTexts().map(Object.class::cast))));
    }

    @Provide
    Arbitrary<String> reasons() {
        return json(mutated(
                Map.of("reason", "Ban hành nhầm"), Map.of("reason", oddTexts().map(Object.class::cast))));
    }

    static Map<String, Object> workItem() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("programme", "2022");
        body.put("title", "Quán triệt Nghị quyết Đại hội XIII");
        body.put("unitId", "HN-LONGBIEN");
        body.put("dueOn", "2022-06-30");
        body.put("description", "Tổ chức hội nghị\nquán triệt");
        return body;
    }

    static Map<String, Object> document() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("number", "123-KH/BTGTU");
        body.put("title", "Kế hoạch tuyên truyền");
        body.put("kind", "PLAN");
        body.put("unitId", "HN");
        body.put("issuedOn", "2022-03-01");
        body.put("taskId", null);
        return body;
    }

    static void send(String method, String path, String body) {
        service.sendRequiringNoServerErrorAndNothingStoredWhenRefused(
                method, path, "application/json", body.getBytes(StandardCharsets.UTF_8));
    }

    static String created(String path, Map<String, Object> body) {
        Answer answer = service.sendJson("POST", path, org.giaoban.platform.testing.RequestArbitraries.write(body));
        assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
        return answer.body().replaceAll(".*\"id\"\\s*:\\s*\"([^\"]+)\".*", "$1");
    }
}
