package org.giaoban.suite.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * What {@code docker-compose.yml} promises an operator about the stores: each asks for a password, each service signs in
 * with an account of its own, and the gateway, the only published container, shares no network with PostgreSQL or
 * MongoDB. Read from the file as compose reads it (YAML, anchors resolved), since this machine has no Docker engine.
 */
class ComposeFileTest {

    private static final Path ROOT = Path.of("..");
    private static final List<String> SERVICES = List.of("tasks-service", "training-service", "reporting-service");
    private static final List<String> STORES = List.of("postgres", "mongo");

    private final Map<String, Object> compose = load();

    @Test
    void onlyTheGatewayIsPublishedAndOnlyItHasAWayOut() {
        for (String name : services().keySet()) {
            assertThat(service(name).containsKey("ports"))
                    .as("%s publishes a port", name)
                    .isEqualTo(name.equals("gateway"));
            if (!name.equals("gateway")) {
                assertThat(networksOf(name)).as("networks of %s", name).doesNotContain("public");
            }
        }
        Map<String, Map<String, Object>> networks = map(compose.get("networks"));
        networks.forEach((name, network) -> assertThat(network == null ? null : network.get("internal"))
                .as("network %s is internal", name)
                .isEqualTo(name.equals("public") ? null : true));
    }

    @Test
    void theGatewayReachesTheServicesAndRedisButNoDatabase() {
        Set<String> gateway = networksOf("gateway");
        for (String store : STORES) {
            assertThat(gateway)
                    .as("networks shared by the gateway and %s", store)
                    .doesNotContainAnyElementsOf(networksOf(store));
        }
        for (String name : SERVICES) {
            assertThat(gateway).as("the gateway reaches %s", name).containsAnyElementsOf(networksOf(name));
            assertThat(networksOf(name)).as("%s reaches Redis", name).doesNotContainAnyElementsOf(networksOf("redis"));
            for (String store : STORES) {
                assertThat(networksOf(name)).as("%s reaches %s", name, store).containsAnyElementsOf(networksOf(store));
            }
        }
        assertThat(gateway).containsAnyElementsOf(networksOf("redis"));
    }

    @Test
    void everyStoreAsksForAPassword() {
        assertThat(environment("postgres").get("POSTGRES_PASSWORD")).startsWith("${GIAOBAN_POSTGRES_PASSWORD:?");
        assertThat(environment("mongo").get("MONGO_INITDB_ROOT_PASSWORD"))
                .startsWith("${GIAOBAN_MONGO_ADMIN_PASSWORD:?");
        assertThat(String.join(" ", strings(service("mongo").get("entrypoint"))))
                .contains("--keyFile")
                .contains("--replSet rs0");
        assertThat(strings(service("redis").get("command")))
                .containsSubsequence("--requirepass", "${GIAOBAN_REDIS_PASSWORD:?set GIAOBAN_REDIS_PASSWORD in .env}");
        assertThat(environment("gateway").get("SPRING_DATA_REDIS_PASSWORD")).startsWith("${GIAOBAN_REDIS_PASSWORD:?");
    }

    @Test
    void eachServiceSignsInWithAnAccountOfItsOwn() throws IOException {
        assertThat(environment("tasks-service").get("SPRING_DATASOURCE_USERNAME"))
                .isEqualTo("giaoban_tasks");
        assertThat(environment("training-service").get("SPRING_DATASOURCE_USERNAME"))
                .isEqualTo("giaoban_training");
        assertThat(environment("reporting-service"))
                .containsEntry("GIAOBAN_TASKS_EVENTS_USER", "giaoban_reporting")
                .containsEntry("GIAOBAN_TRAINING_EVENTS_USER", "giaoban_reporting");
        String mongoInit = Files.readString(ROOT.resolve("docker/mongo-init.js"), StandardCharsets.UTF_8);
        for (String name : SERVICES) {
            String short_ = name.substring(0, name.indexOf('-'));
            String database = "giaoban-" + short_;
            assertThat(environment(name).get("GIAOBAN_MONGO_URI"))
                    .as("%s's MongoDB URI", name)
                    .startsWith(
                            "mongodb://giaoban_" + short_ + ":${GIAOBAN_MONGO_" + short_.toUpperCase() + "_PASSWORD:?")
                    .endsWith("@mongo:27017/" + database + "?replicaSet=rs0&authSource=" + database);
            assertThat(mongoInit)
                    .as("the account of %s in docker/mongo-init.js", name)
                    .contains("{ user: 'giaoban_" + short_ + "', database: '" + database + "'");
        }
        assertThat(mongoInit).contains("roles: [{ role: 'readWrite', db: account.database }]");
    }

    @Test
    void everySecretComposeAsksForIsListedInTheExampleSettings() throws IOException {
        String file = Files.readString(ROOT.resolve("docker-compose.yml"), StandardCharsets.UTF_8);
        Set<String> required = new TreeSet<>();
        Matcher variable = Pattern.compile("\\$\\{(GIAOBAN_[A-Z_]+):\\?").matcher(file);
        while (variable.find()) {
            required.add(variable.group(1));
        }
        Set<String> listed = new HashSet<>();
        for (String line : Files.readAllLines(ROOT.resolve(".env.example"), StandardCharsets.UTF_8)) {
            Matcher setting = Pattern.compile("^#?(GIAOBAN_[A-Z_]+)=").matcher(line);
            if (setting.find()) {
                listed.add(setting.group(1));
            }
        }

        assertThat(required).contains("GIAOBAN_REDIS_PASSWORD", "GIAOBAN_MONGO_REPLICA_KEY");
        assertThat(listed).containsAll(required);
    }

    private static Map<String, Object> load() {
        try {
            return new Yaml().load(Files.readString(ROOT.resolve("docker-compose.yml"), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private Map<String, Map<String, Object>> services() {
        return map(compose.get("services"));
    }

    private Map<String, Object> service(String name) {
        Map<String, Object> service = services().get(name);
        assertThat(service).as("service %s", name).isNotNull();
        return service;
    }

    private Set<String> networksOf(String name) {
        Object networks = service(name).get("networks");
        assertThat(networks).as("networks of %s", name).isNotNull();
        return networks instanceof Map<?, ?> named
                ? new TreeSet<>(strings(List.copyOf(named.keySet())))
                : new TreeSet<>(strings(networks));
    }

    private Map<String, String> environment(String name) {
        Map<String, Object> environment = map(service(name).get("environment"));
        Map<String, String> values = new java.util.TreeMap<>();
        environment.forEach((key, value) -> values.put(key, String.valueOf(value)));
        return values;
    }

    @SuppressWarnings("unchecked")
    private static <V> Map<String, V> map(Object value) {
        return (Map<String, V>) value;
    }

    private static List<String> strings(Object value) {
        return ((List<?>) value).stream().map(String::valueOf).toList();
    }
}
