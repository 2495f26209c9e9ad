package org.giaoban.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.giaoban.identity.Caller;
import org.giaoban.identity.IdentityHeader;
import org.giaoban.identity.Role;
import org.giaoban.platform.ledger.CanonicalJson;
import org.giaoban.platform.ledger.LedgerSealer;
import org.giaoban.platform.ledger.LedgerSigningKey;
import org.giaoban.platform.ledger.MerkleProofs;
import org.giaoban.platform.ledger.MerkleTree;
import org.giaoban.platform.ledger.SealingGaps;
import org.giaoban.platform.ledger.TreeHead;
import org.giaoban.platform.testing.TestCallers;
import org.giaoban.reporting.audit.offline.AuditCommand;
import org.giaoban.reporting.audit.offline.AuditExport;
import org.giaoban.reporting.audit.offline.ExportReplay;
import org.giaoban.reporting.audit.offline.OfflineVerification;
import org.giaoban.reporting.briefing.query.BriefingRequest;
import org.giaoban.tasks.api.task.TaskCancelledEvent;
import org.giaoban.tasks.api.task.TaskPlannedEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The auditors' endpoints over event stores written as the services write them ({@link EdgeCaseHistory}) and sealed
 * by the platform's ledger sealer, as each service runs it: what an auditor checks from the export alone (every leaf,
 * the root, the signature, proofs), the history of one record, verification that locates an altered row, the refusals
 * of bad input against the real stores, and the record of every read. Subclasses say where the stores are.
 */
abstract class AuditLedgerContract {

    private static final Caller AUDITOR = Caller.of("kiemtoan", List.of(Role.AUDITOR), "HN");
    private static final HexFormat HEX = HexFormat.of();
    private static final UUID CANCELLED_TASK = UUID.fromString("6f1c2d3e-4a5b-4c6d-8e7f-901234567890");

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private final LedgerSigningKey tasksKey = LedgerSigningKey.generate();

    @TempDir
    Path dataDir;

    EventStoreWriter tasks;
    EventStoreWriter training;
    private LedgerSealer tasksSealer;
    private LedgerSealer trainingSealer;

    abstract String tasksUrl();

    abstract String trainingUrl();

    abstract String user();

    /** How the service decides that a gap in its global index will not be filled any more. */
    abstract SealingGaps gaps();

    @BeforeEach
    void openEventStores() {
        tasks = new EventStoreWriter(tasksUrl(), user(), "");
        training = new EventStoreWriter(trainingUrl(), user(), "");
        LedgerSealer.Settings everyRound = new LedgerSealer.Settings(Duration.ofMillis(200), Duration.ZERO, 2000);
        tasksSealer = new LedgerSealer(tasks.dataSource(), "tasks", tasksKey, gaps(), everyRound, Clock.systemUTC());
        trainingSealer = new LedgerSealer(
                training.dataSource(), "training", LedgerSigningKey.generate(), gaps(), everyRound, Clock.systemUTC());
    }

    @AfterEach
    void closeEventStores() {
        tasks.close();
        training.close();
    }

    @Test
    void anAuditorChecksEveryEventAgainstTheSignedHeadFromTheExportAlone() throws Exception {
        EdgeCaseHistory.writeTasks(tasks);
        long firstSize = seal(tasksSealer).treeSize();
        EdgeCaseHistory.writeDocuments(tasks);
        EdgeCaseHistory.writeCorrections(tasks, training);
        long secondSize = seal(tasksSealer).treeSize();
        assertThat(secondSize).isGreaterThan(firstSize);

        try (ConfigurableApplicationContext reporting = start()) {
            List<JsonNode> lines = ndjson(reporting, "/api/audit/events?service=tasks");
            assertThat(lines).hasSize((int) secondSize);
            List<byte[]> leafHashes = new ArrayList<>();
            long lastPosition = -1;
            for (int i = 0; i < lines.size(); i++) {
                ObjectNode line = (ObjectNode) lines.get(i);
                assertThat(line.path("leafIndex").asLong()).isEqualTo(i);
                assertThat(line.path("service").asText()).isEqualTo("tasks");
                assertThat(line.path("position").asLong()).isGreaterThan(lastPosition);
                lastPosition = line.path("position").asLong();
                String leafHash = line.remove("leafHash").asText();
                byte[] recomputed = MerkleTree.leafHash(CanonicalJson.utf8(line));
                assertThat(HEX.formatHex(recomputed)).as("leaf %d", i).isEqualTo(leafHash);
                leafHashes.add(recomputed);
            }

            JsonNode head = get(reporting, "/api/audit/tree-heads/latest?service=tasks");
            assertThat(head.path("treeSize").asLong()).isEqualTo(secondSize);
            assertThat(head.path("rootHash").asText()).isEqualTo(HEX.formatHex(MerkleTree.root(leafHashes)));
            JsonNode keys = get(reporting, "/api/audit/keys");
            JsonNode tasksKeyShown = keys.findParents("service").stream()
                    .filter(key -> key.path("service").asText().equals("tasks"))
                    .findFirst()
                    .orElseThrow();
            assertThat(tasksKeyShown.path("keyId").asText())
                    .isEqualTo(head.path("keyId").asText());
            assertThat(tasksKeyShown.path("algorithm").asText()).isEqualTo("Ed25519");
            TreeHead signed = json.treeToValue(head, TreeHead.class);
            assertThat(signed.isSignedBy(LedgerSigningKey.publicKeyFromPem(
                            tasksKeyShown.path("publicKey").asText())))
                    .isTrue();

            JsonNode heads = get(reporting, "/api/audit/tree-heads?service=tasks");
            assertThat(heads.path("total").asLong()).isEqualTo(2);
            assertThat(heads.path("items").path(0).path("treeSize").asLong()).isEqualTo(secondSize);
            assertThat(heads.path("items").path(1).path("treeSize").asLong()).isEqualTo(firstSize);

            JsonNode bySize =
                    get(reporting, "/api/audit/tree-heads?service=tasks&from=" + firstSize + "&to=" + firstSize);
            assertThat(bySize.path("items")).hasSize(1);
            assertThat(bySize.path("items").path(0).path("treeSize").asLong()).isEqualTo(firstSize);
            JsonNode byTime = get(
                    reporting,
                    "/api/audit/tree-heads?service=tasks&from="
                            + head.path("timestamp").asText());
            assertThat(byTime.path("items").path(0).path("treeSize").asLong()).isEqualTo(secondSize);

            JsonNode third = lines.get(3);
            JsonNode inclusion = get(
                    reporting,
                    "/api/audit/proofs/inclusion?service=tasks&position="
                            + third.path("position").asLong());
            assertThat(inclusion.path("leafIndex").asLong()).isEqualTo(3);
            assertThat(inclusion.path("treeSize").asLong()).isEqualTo(secondSize);
            assertThat(MerkleProofs.verifyInclusion(
                            leafHashes.get(3),
                            3,
                            secondSize,
                            hashes(inclusion.path("auditPath")),
                            signed.rootHashBytes()))
                    .isTrue();

            JsonNode consistency = get(
                    reporting, "/api/audit/proofs/consistency?service=tasks&from=" + firstSize + "&to=" + secondSize);
            byte[] firstRoot =
                    HEX.parseHex(heads.path("items").path(1).path("rootHash").asText());
            assertThat(MerkleProofs.verifyConsistency(
                            firstSize,
                            secondSize,
                            firstRoot,
                            signed.rootHashBytes(),
                            hashes(consistency.path("proof"))))
                    .isTrue();
        }
    }

    @Test
    void anExportOnDiskIsVerifiedOfflineAndEveryKindOfTamperingWithItIsLocated() throws Exception {
        EdgeCaseHistory.writeTasks(tasks);
        seal(tasksSealer);
        EdgeCaseHistory.writeDocuments(tasks);
        long size = seal(tasksSealer).treeSize();
        Path export = dataDir.resolve("export");

        try (ConfigurableApplicationContext reporting = start()) {
            URI base = URI.create(baseUrl(reporting));
            new AuditExport(base, request -> request.header(IdentityHeader.NAME, TestCallers.tokenFor(AUDITOR)))
                    .export("tasks", export);
        }

        OfflineVerification.Result intact = OfflineVerification.verify(export);
        assertThat(intact.verified()).as("%s", intact.firstMismatch()).isTrue();
        assertThat(intact.events()).isEqualTo(size);
        assertThat(intact.treeHead().treeSize()).isEqualTo(size);
        assertThat(AuditCommand.run(new String[] {"verify", export.toString()})).isZero();

        List<String> lines = Files.readAllLines(export.resolve(AuditExport.EVENTS));
        long thirdPosition = json.readTree(lines.get(2)).path("position").asLong();
        List<String> edited = new ArrayList<>(lines);
        edited.set(2, lines.get(2).replace("2022", "2021"));
        assertThat(mismatchAfter(export, edited))
                .isEqualTo(new OfflineVerification.Mismatch(
                        3L, thirdPosition, 2L, "edited", leafHashOf(lines.get(2)), mismatchFound(export, edited)));

        List<String> deleted = new ArrayList<>(lines);
        deleted.remove(2);
        OfflineVerification.Mismatch gone = mismatchAfter(export, deleted);
        assertThat(gone.reason()).isEqualTo("deleted");
        assertThat(gone.leafIndex()).isEqualTo(2);

        List<String> swapped = new ArrayList<>(lines);
        swapped.set(2, lines.get(3));
        swapped.set(3, lines.get(2));
        assertThat(mismatchAfter(export, swapped).leafIndex()).isEqualTo(2);

        List<String> inserted = new ArrayList<>(lines);
        inserted.add(2, lines.get(1));
        assertThat(mismatchAfter(export, inserted).reason()).isEqualTo("inserted");

        List<String> cut = new ArrayList<>(lines.subList(0, lines.size() - 2));
        OfflineVerification.Mismatch tail = mismatchAfter(export, cut);
        assertThat(tail.reason()).isEqualTo("tail-cut");
        assertThat(tail.leafIndex()).isEqualTo(size - 2);

        // An edit that also rewrites its leafHash is caught by the signed root.
        ObjectNode rewritten = (ObjectNode) json.readTree(lines.get(2).replace("2022", "2021"));
        rewritten.remove("leafHash");
        rewritten.put("leafHash", HEX.formatHex(MerkleTree.leafHash(CanonicalJson.utf8(rewritten))));
        List<String> consistentLie = new ArrayList<>(lines);
        consistentLie.set(2, json.writeValueAsString(rewritten));
        assertThat(mismatchAfter(export, consistentLie).reason()).isEqualTo("tree-head-mismatch");
        Files.write(export.resolve(AuditExport.EVENTS), lines);

        // A head whose root was changed no longer carries a valid signature.
        String heads = Files.readString(export.resolve(AuditExport.TREE_HEADS));
        String root = json.readTree(heads).path(0).path("rootHash").asText();
        String changedRoot = (root.charAt(0) == '0' ? "1" : "0") + root.substring(1);
        Files.writeString(export.resolve(AuditExport.TREE_HEADS), heads.replace(root, changedRoot));
        assertThat(OfflineVerification.verify(export).firstMismatch().reason()).isEqualTo("signature-invalid");
        assertThat(AuditCommand.run(new String[] {"verify", export.toString()})).isEqualTo(1);
    }

    @Test
    void theBriefingReplayedFromExportedFilesIsByteForByteTheApisAnswer() throws Exception {
        EdgeCaseHistory.writeTasks(tasks);
        EdgeCaseHistory.writeDocuments(tasks);
        EdgeCaseHistory.writeTraining(training);
        EdgeCaseHistory.writeContest(training);
        EdgeCaseHistory.writeCorrections(tasks, training);
        seal(tasksSealer);
        seal(trainingSealer);
        Path tasksExport = dataDir.resolve("export-tasks");
        Path trainingExport = dataDir.resolve("export-training");
        String atTheMeeting =
                "/api/reports/briefing?from=2022-01-01&to=2022-09-08&unitId=HN&recordedAt=" + EdgeCaseHistory.MEETING;
        String afterCorrections = "/api/reports/briefing?from=2022-01-01&to=2022-09-08&unitId=HN-HOANKIEM&recordedAt="
                + EdgeCaseHistory.CORRECTED.plus(Duration.ofDays(1));
        String meetingAnswer;
        String correctedAnswer;
        try (ConfigurableApplicationContext reporting = start()) {
            AuditExport export = new AuditExport(
                    URI.create(baseUrl(reporting)),
                    request -> request.header(IdentityHeader.NAME, TestCallers.tokenFor(AUDITOR)));
            export.export("tasks", tasksExport);
            export.export("training", trainingExport);
            meetingAnswer = send(reporting, atTheMeeting, AUDITOR).body();
            correctedAnswer = send(reporting, afterCorrections, AUDITOR).body();
        }

        // As an auditor runs it: the command in a JVM of its own, its standard output taken whole.
        Process command = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        AuditCommand.class.getName(),
                        "replay",
                        tasksExport.toString(),
                        trainingExport.toString(),
                        "--from",
                        "2022-01-01",
                        "--to",
                        "2022-09-08",
                        "--unit",
                        "HN",
                        "--recorded-at",
                        EdgeCaseHistory.MEETING.toString())
                .redirectError(dataDir.resolve("replay-meeting.log").toFile())
                .start();
        byte[] meetingReplay = command.getInputStream().readAllBytes();
        assertThat(command.waitFor(2, java.util.concurrent.TimeUnit.MINUTES)).isTrue();
        assertThat(command.exitValue())
                .as(Files.readString(dataDir.resolve("replay-meeting.log")))
                .isZero();
        byte[] correctedReplay = ExportReplay.replay(
                List.of(tasksExport, trainingExport),
                new BriefingRequest(
                        java.time.LocalDate.parse("2022-01-01"),
                        java.time.LocalDate.parse("2022-09-08"),
                        "HN-HOANKIEM",
                        EdgeCaseHistory.CORRECTED.plus(Duration.ofDays(1))),
                dataDir.resolve("replay-corrected"),
                Clock.systemUTC());

        assertThat(new String(meetingReplay, StandardCharsets.UTF_8)).isEqualTo(meetingAnswer);
        assertThat(new String(correctedReplay, StandardCharsets.UTF_8)).isEqualTo(correctedAnswer);
        assertThat(json.readTree(meetingAnswer).path("tasks").path("completed").asLong())
                .isEqualTo(3);
    }

    @Test
    void aSecondVerifierInPythonWrittenFromTheDocumentAgreesOnTheExport() throws Exception {
        Assumptions.assumeTrue(pythonAvailable(), "python3 is not installed on this machine");
        EdgeCaseHistory.writeTasks(tasks);
        seal(tasksSealer);
        EdgeCaseHistory.writeDocuments(tasks);
        long size = seal(tasksSealer).treeSize();
        Path export = dataDir.resolve("export");
        try (ConfigurableApplicationContext reporting = start()) {
            new AuditExport(
                            URI.create(baseUrl(reporting)),
                            request -> request.header(IdentityHeader.NAME, TestCallers.tokenFor(AUDITOR)))
                    .export("tasks", export);
        }

        Python intact = python(export);
        assertThat(intact.exitCode()).as(intact.output().toString()).isZero();
        assertThat(intact.output().path("verified").asBoolean()).isTrue();
        assertThat(intact.output().path("events").asLong()).isEqualTo(size);

        List<String> lines = Files.readAllLines(export.resolve(AuditExport.EVENTS));
        List<String> edited = new ArrayList<>(lines);
        edited.set(4, lines.get(4).replace("2022", "2021"));
        Files.write(export.resolve(AuditExport.EVENTS), edited);
        OfflineVerification.Mismatch java = OfflineVerification.verify(export).firstMismatch();
        Python tampered = python(export);
        assertThat(tampered.exitCode()).isEqualTo(1);
        JsonNode mismatch = tampered.output().path("firstMismatch");
        assertThat(List.of(
                        mismatch.path("line").asLong(),
                        mismatch.path("position").asLong(),
                        mismatch.path("leafIndex").asLong()))
                .containsExactly(java.line(), java.position(), java.leafIndex());
        assertThat(mismatch.path("reason").asText()).isEqualTo("edited");
        assertThat(mismatch.path("found").asText()).isEqualTo(java.found());
    }

    private record Python(int exitCode, JsonNode output) {}

    private Python python(Path export) throws Exception {
        Path script = Path.of("").toAbsolutePath().getParent().resolve("tools/audit/verify_export.py");
        assertThat(script).exists();
        Process process = new ProcessBuilder("python3", script.toString(), export.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(2, java.util.concurrent.TimeUnit.MINUTES)).isTrue();
        return new Python(process.exitValue(), json.readTree(output));
    }

    private static boolean pythonAvailable() {
        try {
            Process probe = new ProcessBuilder("python3", "--version").start();
            return probe.waitFor(30, java.util.concurrent.TimeUnit.SECONDS) && probe.exitValue() == 0;
        } catch (java.io.IOException | InterruptedException absent) {
            return false;
        }
    }

    private static OfflineVerification.Mismatch mismatchAfter(Path export, List<String> lines) throws Exception {
        Files.write(export.resolve(AuditExport.EVENTS), lines);
        OfflineVerification.Result result = OfflineVerification.verify(export);
        assertThat(result.verified()).isFalse();
        return result.firstMismatch();
    }

    private String mismatchFound(Path export, List<String> lines) throws Exception {
        return mismatchAfter(export, lines).found();
    }

    private String leafHashOf(String line) throws Exception {
        return json.readTree(line).path("leafHash").asText();
    }

    @Test
    void theExportFiltersByRecordPositionAndInstantAndShowsWhatIsNotSealedYet() throws Exception {
        EdgeCaseHistory.writeTasks(tasks);
        EdgeCaseHistory.writeCorrections(tasks, training);
        seal(tasksSealer);
        tasks.append("Task", CANCELLED_TASK, planned(CANCELLED_TASK), EdgeCaseHistory.CORRECTED);

        try (ConfigurableApplicationContext reporting = start()) {
            List<JsonNode> all = ndjson(reporting, "/api/audit/events?service=tasks");
            JsonNode unsealed = all.get(all.size() - 1);
            assertThat(unsealed.path("aggregateId").asText()).isEqualTo(CANCELLED_TASK.toString());
            assertThat(unsealed.path("leafIndex").isNull()).isTrue();
            assertThat(unsealed.has("leafHash")).isFalse();

            List<JsonNode> t3 = ndjson(reporting, "/api/audit/events?service=tasks&aggregateId=" + EdgeCaseHistory.T3);
            assertThat(t3)
                    .extracting(line -> line.path("type").asText())
                    .containsExactly(
                            "org.giaoban.tasks.api.task.TaskPlannedEvent",
                            "org.giaoban.tasks.api.task.TaskCompletedEvent");

            long fifth = all.get(4).path("position").asLong();
            List<JsonNode> afterFifth = ndjson(reporting, "/api/audit/events?service=tasks&limit=2&after=" + fifth);
            assertThat(afterFifth)
                    .extracting(line -> line.path("position").asLong())
                    .containsExactly(
                            all.get(5).path("position").asLong(),
                            all.get(6).path("position").asLong());

            List<JsonNode> atTheMeeting =
                    ndjson(reporting, "/api/audit/events?service=tasks&recordedTo=" + EdgeCaseHistory.MEETING);
            List<JsonNode> afterIt =
                    ndjson(reporting, "/api/audit/events?service=tasks&recordedFrom=" + EdgeCaseHistory.MEETING);
            assertThat(atTheMeeting)
                    .allSatisfy(line -> assertThat(
                                    Instant.parse(line.path("recordedAt").asText()))
                            .isBeforeOrEqualTo(EdgeCaseHistory.MEETING));
            assertThat(afterIt)
                    .extracting(line -> Instant.parse(line.path("recordedAt").asText()))
                    .containsOnly(EdgeCaseHistory.CORRECTED);
            assertThat(atTheMeeting.size() + afterIt.size()).isEqualTo(all.size());
        }
    }

    @Test
    void theHistoryOfARecordSaysWhoChangedItWhenAndWhy() throws Exception {
        Map<String, Object> officer =
                Map.of("actor", "canbo-longbien", "roles", List.of("OFFICER"), "unitId", "HN-LONGBIEN");
        tasks.append("Task", CANCELLED_TASK.toString(), planned(CANCELLED_TASK), EdgeCaseHistory.RECORDED, officer);
        tasks.append(
                "Task",
                CANCELLED_TASK.toString(),
                new TaskCancelledEvent(CANCELLED_TASK, "Trùng với đầu việc khác"),
                EdgeCaseHistory.CORRECTED,
                officer);

        try (ConfigurableApplicationContext reporting = start()) {
            JsonNode history = get(reporting, "/api/audit/records/" + CANCELLED_TASK + "?service=tasks");

            assertThat(history.path("aggregateType").asText()).isEqualTo("Task");
            JsonNode changes = history.path("changes");
            assertThat(changes).hasSize(2);
            assertThat(changes.path(0).path("change").asText()).isEqualTo("Task planned");
            assertThat(changes.path(0).path("reason").isNull()).isTrue();
            JsonNode cancelled = changes.path(1);
            assertThat(cancelled.path("change").asText()).isEqualTo("Task cancelled");
            assertThat(Instant.parse(cancelled.path("recordedAt").asText())).isEqualTo(EdgeCaseHistory.CORRECTED);
            assertThat(cancelled.path("actor").asText()).isEqualTo("canbo-longbien");
            assertThat(cancelled.path("roles").path(0).asText()).isEqualTo("OFFICER");
            assertThat(cancelled.path("unitId").asText()).isEqualTo("HN-LONGBIEN");
            assertThat(cancelled.path("reason").asText()).isEqualTo("Trùng với đầu việc khác");

            HttpResponse<String> unknown =
                    send(reporting, "/api/audit/records/" + UUID.randomUUID() + "?service=tasks", AUDITOR);
            assertThat(unknown.statusCode()).isEqualTo(404);
            assertThat(unknown.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        }
    }

    @Test
    void verificationLocatesAnEditedRowAndADeletedOne() throws Exception {
        EdgeCaseHistory.writeTasks(tasks);
        long size = seal(tasksSealer).treeSize();

        try (ConfigurableApplicationContext reporting = start()) {
            JsonNode intact = get(reporting, "/api/audit/verify?service=tasks");
            assertThat(intact.path("verified").asBoolean()).isTrue();
            assertThat(intact.path("events").asLong()).isEqualTo(size);

            List<JsonNode> lines = ndjson(reporting, "/api/audit/events?service=tasks");
            long edited = lines.get(2).path("position").asLong();
            String original = lines.get(2).path("payload").toString();
            String payload = storedPayload(edited);
            execute(
                    "UPDATE domain_event_entry SET payload = ? WHERE global_index = ?",
                    payload.replace("2022", "2021"),
                    edited);
            JsonNode afterEdit = get(reporting, "/api/audit/verify?service=tasks");
            assertThat(afterEdit.path("verified").asBoolean()).isFalse();
            assertThat(afterEdit.path("firstMismatch").path("position").asLong())
                    .isEqualTo(edited);
            assertThat(afterEdit.path("firstMismatch").path("leafIndex").asLong())
                    .isEqualTo(2);
            assertThat(afterEdit.path("firstMismatch").path("reason").asText()).isEqualTo("edited");
            assertThat(original).contains("2022");

            execute("UPDATE domain_event_entry SET payload = ? WHERE global_index = ?", payload, edited);
            long deleted = lines.get(5).path("position").asLong();
            execute("DELETE FROM domain_event_entry WHERE global_index = ?", deleted);
            JsonNode afterDelete = get(reporting, "/api/audit/verify?service=tasks");
            assertThat(afterDelete.path("verified").asBoolean()).isFalse();
            assertThat(afterDelete.path("firstMismatch").path("position").asLong())
                    .isEqualTo(deleted);
            assertThat(afterDelete.path("firstMismatch").path("reason").asText())
                    .isEqualTo("deleted");
        }
    }

    @Test
    void badInputAgainstTheStoresIsRefusedAndEveryReadIsRecordedForTheAdmin() throws Exception {
        EdgeCaseHistory.writeTasks(tasks);
        long size = seal(tasksSealer).treeSize();
        seal(trainingSealer);
        long head = size - 1 + firstPosition();

        try (ConfigurableApplicationContext reporting = start()) {
            assertRefused(reporting, "/api/audit/events?service=tasks&after=" + (head + 1), 400, "after");
            assertRefused(reporting, "/api/audit/events?service=hr", 400, "service");
            assertRefused(
                    reporting, "/api/audit/proofs/inclusion?service=tasks&position=" + (head + 1), 400, "position");
            assertRefused(
                    reporting,
                    "/api/audit/proofs/inclusion?service=tasks&position=" + head + "&treeSize=" + (size + 1),
                    400,
                    "treeSize");
            assertRefused(reporting, "/api/audit/proofs/inclusion?service=tasks&position=x", 400, "position");
            assertRefused(reporting, "/api/audit/proofs/consistency?service=tasks&from=3&to=2", 400, "to");
            assertRefused(reporting, "/api/audit/proofs/consistency?service=tasks&from=1&to=" + (size + 1), 400, "to");
            assertRefused(reporting, "/api/audit/tree-heads?service=tasks&from=2022-10-06", 400, "from");
            assertRefused(reporting, "/api/audit/records/a%20b?service=tasks", 400, "aggregateId");
            assertThat(send(reporting, "/api/audit/events?service=tasks", TestCallers.viewer())
                            .statusCode())
                    .isEqualTo(403);
            assertThat(send(reporting, "/api/audit/reads", AUDITOR).statusCode())
                    .isEqualTo(403);

            JsonNode reads = get(reporting, "/api/audit/reads?size=500");
            List<String> asked = new ArrayList<>();
            for (JsonNode read : reads.path("items")) {
                asked.add(read.path("actor").asText() + " " + read.path("path").asText() + "?"
                        + read.path("query").asText());
            }
            assertThat(asked.get(0)).isEqualTo("admin /api/audit/reads?size=500");
            assertThat(asked)
                    .contains(
                            "kiemtoan /api/audit/events?service=hr",
                            "kiemtoan /api/audit/proofs/consistency?service=tasks&from=3&to=2",
                            "kiemtoan /api/audit/reads?null")
                    .noneMatch(read -> read.startsWith("viewer"));
            assertThat(reads.path("items").path(1).path("roles").path(0).asText())
                    .isEqualTo("AUDITOR");
        }
    }

    private void assertRefused(ConfigurableApplicationContext reporting, String path, int status, String field)
            throws Exception {
        HttpResponse<String> response = send(reporting, path, AUDITOR);
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(json.readTree(response.body())
                        .path("errors")
                        .path(0)
                        .path("field")
                        .asText())
                .as(path)
                .isEqualTo(field);
    }

    private static TaskPlannedEvent planned(UUID taskId) {
        return new TaskPlannedEvent(
                taskId, "2022", "Tổng kết công tác", "Mô tả", "HN-LONGBIEN", java.time.LocalDate.parse("2022-06-30"));
    }

    /** Seals every stored event and signs the head, as the service's sealer does in its rounds. */
    private static LedgerSealer.Round seal(LedgerSealer sealer) throws SQLException {
        LedgerSealer.Round round = sealer.sealPending();
        while (round.sealed() > 0) {
            round = sealer.sealPending();
        }
        return round;
    }

    private long firstPosition() throws SQLException {
        try (Connection connection = tasks.dataSource().getConnection();
                var query = connection.createStatement();
                var row = query.executeQuery("SELECT MIN(global_index) FROM domain_event_entry")) {
            row.next();
            return row.getLong(1);
        }
    }

    private String storedPayload(long position) throws SQLException {
        try (Connection connection = tasks.dataSource().getConnection();
                PreparedStatement query =
                        connection.prepareStatement("SELECT payload FROM domain_event_entry WHERE global_index = ?")) {
            query.setLong(1, position);
            try (var row = query.executeQuery()) {
                row.next();
                return row.getString(1);
            }
        }
    }

    /** A change straight in the database, as someone who can write it but holds no key would make it. */
    private void execute(String sql, Object... parameters) throws SQLException {
        try (Connection connection = tasks.dataSource().getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            statement.executeUpdate();
        }
    }

    private static List<byte[]> hashes(JsonNode hexes) {
        List<byte[]> hashes = new ArrayList<>();
        hexes.forEach(hex -> hashes.add(HEX.parseHex(hex.asText())));
        return hashes;
    }

    private static String baseUrl(ConfigurableApplicationContext reporting) {
        return "http://127.0.0.1:"
                + ((ServletWebServerApplicationContext) reporting)
                        .getWebServer()
                        .getPort();
    }

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(ReportingApplication.class)
                .run(
                        "--server.port=0",
                        "--giaoban.data-dir=" + dataDir,
                        "--" + TestCallers.SECRET_PROPERTY,
                        "--giaoban.sources.tasks.url=" + tasksUrl(),
                        "--giaoban.sources.tasks.username=" + user(),
                        "--giaoban.sources.tasks.password=",
                        "--giaoban.sources.training.url=" + trainingUrl(),
                        "--giaoban.sources.training.username=" + user(),
                        "--giaoban.sources.training.password=");
    }

    private List<JsonNode> ndjson(ConfigurableApplicationContext reporting, String path) throws Exception {
        HttpResponse<String> response = send(reporting, path, AUDITOR);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/x-ndjson");
        assertThat(response.body()).endsWith("\n");
        List<JsonNode> lines = new ArrayList<>();
        for (String line : response.body().split("\n")) {
            lines.add(json.readTree(line));
        }
        return lines;
    }

    private JsonNode get(ConfigurableApplicationContext reporting, String path) throws Exception {
        HttpResponse<String> response =
                send(reporting, path, path.startsWith("/api/audit/reads") ? TestCallers.ADMIN : AUDITOR);
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    private HttpResponse<String> send(ConfigurableApplicationContext reporting, String path, Caller caller)
            throws Exception {
        int port =
                ((ServletWebServerApplicationContext) reporting).getWebServer().getPort();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header(IdentityHeader.NAME, TestCallers.tokenFor(caller))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
