package org.giaoban.training.personaldata;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.RandomAccess;
import java.util.UUID;
import java.util.function.Function;
import javax.crypto.SecretKey;
import org.giaoban.training.api.contest.ContestEntriesSubmittedEvent;
import org.giaoban.training.api.contest.ContestEntry;
import org.giaoban.training.api.enrolment.Learner;
import org.giaoban.training.api.enrolment.LearnerWithdrawnEvent;
import org.giaoban.training.api.enrolment.LearnersEnrolledEvent;
import org.giaoban.training.personaldata.PersonKeys.PersonKey;

/**
 * How the events that carry personal data are stored by training-service (their revision 2): each person's fields are
 * sealed together with the person's key ({@link PersonKeys}) as {@code "sealed"}, beside the {@code "keyId"} that
 * names the key; everything else (units, instants, scores) stays in clear, so a reader without keys (reporting) counts
 * as before. One event's keys are obtained, or found, in one batch. Reading gives the plain records back, opened when
 * a handler first reads one of them ({@link OpenedOnRead}): a person whose key was erased reads with {@code null} in
 * place of their id and name. Revision 1, written in clear, reads as it was stored.
 */
public class PersonalDataModule extends SimpleModule {

    static final String KEY_ID = "keyId";
    static final String SEALED = "sealed";

    private static final ObjectMapper FIELDS = new ObjectMapper();

    public PersonalDataModule(PersonKeys keys) {
        super("giaoban-personal-data");
        addSerializer(LearnersEnrolledEvent.class, new EnrolledWriter(keys));
        addDeserializer(LearnersEnrolledEvent.class, new EnrolledReader(keys));
        addSerializer(LearnerWithdrawnEvent.class, new WithdrawnWriter(keys));
        addDeserializer(LearnerWithdrawnEvent.class, new WithdrawnReader(keys));
        addSerializer(ContestEntriesSubmittedEvent.class, new EntriesWriter(keys));
        addDeserializer(ContestEntriesSubmittedEvent.class, new EntriesReader(keys));
    }

    /** The personal fields of one person in one record, as sealed: a small JSON object. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Sealed(String learnerId, String fullName, String participantId) {}

    private static void writeSealed(JsonGenerator json, PersonKey key, Sealed fields) throws IOException {
        json.writeStringField(KEY_ID, key.keyId());
        json.writeStringField(SEALED, Seals.seal(key.key(), key.keyId(), FIELDS.writeValueAsBytes(fields)));
    }

    /** The fields sealed in {@code node}, or all {@code null} when its key is erased. */
    private static Sealed openSealed(JsonNode node, Map<String, SecretKey> keys) throws IOException {
        String keyId = node.path(KEY_ID).asText(null);
        SecretKey key = keyId == null ? null : keys.get(keyId);
        if (key == null) {
            return new Sealed(null, null, null);
        }
        try {
            return FIELDS.readValue(Seals.open(key, keyId, node.path(SEALED).asText()), Sealed.class);
        } catch (GeneralSecurityException tampered) {
            throw new IOException("A sealed value of key " + keyId + " does not open with its key", tampered);
        }
    }

    private static boolean storedInClear(JsonNode node, String field) {
        return node.path(field).isTextual() || !node.has(KEY_ID);
    }

    /** One stored item read back, with the keys of its event's people. */
    @FunctionalInterface
    private interface ItemReader<T> {
        T read(JsonNode item, Map<String, SecretKey> keys) throws IOException;
    }

    /**
     * The people of one event (a class list, a contest batch) as a list that opens their seals when an item is first
     * read, all at once with one key lookup. Its size needs no key: the handlers that only count (the contest summary,
     * the class list, the class aggregate as it loads) neither look up a key nor open a seal. A seal that does not
     * open with its key fails that first read.
     */
    private static final class OpenedOnRead<T> extends AbstractList<T> implements RandomAccess {
        private final int size;
        private JsonNode items;
        private PersonKeys keys;
        private ItemReader<T> reader;
        private List<T> opened;

        OpenedOnRead(JsonNode items, PersonKeys keys, ItemReader<T> reader) {
            this.size = items.size();
            this.items = items;
            this.keys = keys;
            this.reader = reader;
        }

        @Override
        public int size() {
            return size;
        }

        @Override
        public synchronized T get(int index) {
            Objects.checkIndex(index, size);
            if (opened == null) {
                opened = open();
                items = null;
                keys = null;
                reader = null;
            }
            return opened.get(index);
        }

        private List<T> open() {
            Map<String, SecretKey> found = keysOf(items, keys);
            List<T> read = new ArrayList<>(size);
            try {
                for (JsonNode item : items) {
                    read.add(reader.read(item, found));
                }
            } catch (IOException unreadable) {
                throw new UncheckedIOException(unreadable);
            }
            return Collections.unmodifiableList(read);
        }
    }

    private static Map<String, SecretKey> keysOf(JsonNode items, PersonKeys keys) {
        List<String> keyIds = new ArrayList<>();
        for (JsonNode item : items) {
            if (item.path(KEY_ID).isTextual()) {
                keyIds.add(item.get(KEY_ID).asText());
            }
        }
        return keyIds.isEmpty() ? Map.of() : keys.find(keyIds);
    }

    private static <T> Map<String, PersonKey> keysFor(List<T> items, Function<T, String> personId, PersonKeys keys) {
        Map<String, Boolean> ids = new LinkedHashMap<>();
        items.forEach(item -> ids.put(personId.apply(item), true));
        return keys.obtain(ids.keySet());
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static final class EnrolledWriter extends JsonSerializer<LearnersEnrolledEvent> {
        private final PersonKeys keys;

        EnrolledWriter(PersonKeys keys) {
            this.keys = keys;
        }

        @Override
        public void serialize(LearnersEnrolledEvent event, JsonGenerator json, SerializerProvider provider)
                throws IOException {
            Map<String, PersonKey> personKeys = keysFor(event.learners(), Learner::learnerId, keys);
            json.writeStartObject();
            json.writeStringField("classId", event.classId().toString());
            json.writeArrayFieldStart("learners");
            for (Learner learner : event.learners()) {
                json.writeStartObject();
                writeSealed(
                        json,
                        personKeys.get(learner.learnerId()),
                        new Sealed(learner.learnerId(), learner.fullName(), null));
                json.writeStringField("unitId", learner.unitId());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        }
    }

    private static final class EnrolledReader extends JsonDeserializer<LearnersEnrolledEvent> {
        private final PersonKeys keys;

        EnrolledReader(PersonKeys keys) {
            this.keys = keys;
        }

        @Override
        public LearnersEnrolledEvent deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            JsonNode event = parser.readValueAsTree();
            List<Learner> learners = new OpenedOnRead<>(event.path("learners"), keys, (item, found) -> {
                if (storedInClear(item, "learnerId")) {
                    return new Learner(text(item, "learnerId"), text(item, "fullName"), text(item, "unitId"));
                }
                Sealed fields = openSealed(item, found);
                return new Learner(fields.learnerId(), fields.fullName(), text(item, "unitId"));
            });
            return new LearnersEnrolledEvent(UUID.fromString(text(event, "classId")), learners);
        }
    }

    private static final class WithdrawnWriter extends JsonSerializer<LearnerWithdrawnEvent> {
        private final PersonKeys keys;

        WithdrawnWriter(PersonKeys keys) {
            this.keys = keys;
        }

        @Override
        public void serialize(LearnerWithdrawnEvent event, JsonGenerator json, SerializerProvider provider)
                throws IOException {
            PersonKey key = keys.obtain(List.of(event.learnerId())).get(event.learnerId());
            json.writeStartObject();
            json.writeStringField("classId", event.classId().toString());
            writeSealed(json, key, new Sealed(event.learnerId(), null, null));
            json.writeStringField("unitId", event.unitId());
            json.writeEndObject();
        }
    }

    private static final class WithdrawnReader extends JsonDeserializer<LearnerWithdrawnEvent> {
        private final PersonKeys keys;

        WithdrawnReader(PersonKeys keys) {
            this.keys = keys;
        }

        @Override
        public LearnerWithdrawnEvent deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            JsonNode event = parser.readValueAsTree();
            UUID classId = UUID.fromString(text(event, "classId"));
            if (storedInClear(event, "learnerId")) {
                return new LearnerWithdrawnEvent(classId, text(event, "learnerId"), text(event, "unitId"));
            }
            Map<String, SecretKey> found = event.path(KEY_ID).isTextual()
                    ? keys.find(List.of(event.get(KEY_ID).asText()))
                    : Map.of();
            return new LearnerWithdrawnEvent(classId, openSealed(event, found).learnerId(), text(event, "unitId"));
        }
    }

    private static final class EntriesWriter extends JsonSerializer<ContestEntriesSubmittedEvent> {
        private final PersonKeys keys;

        EntriesWriter(PersonKeys keys) {
            this.keys = keys;
        }

        @Override
        public void serialize(ContestEntriesSubmittedEvent event, JsonGenerator json, SerializerProvider provider)
                throws IOException {
            Map<String, PersonKey> personKeys = keysFor(event.entries(), ContestEntry::participantId, keys);
            json.writeStartObject();
            json.writeStringField("contestId", event.contestId().toString());
            json.writeArrayFieldStart("entries");
            for (ContestEntry entry : event.entries()) {
                json.writeStartObject();
                writeSealed(json, personKeys.get(entry.participantId()), new Sealed(null, null, entry.participantId()));
                json.writeStringField("unitId", entry.unitId());
                json.writeStringField(
                        "submittedAt",
                        entry.submittedAt() == null ? null : entry.submittedAt().toString());
                if (entry.score() == null) {
                    json.writeNullField("score");
                } else {
                    json.writeNumberField("score", entry.score());
                }
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeNumberField("newParticipants", event.newParticipants());
            json.writeEndObject();
        }
    }

    private static final class EntriesReader extends JsonDeserializer<ContestEntriesSubmittedEvent> {
        private final PersonKeys keys;

        EntriesReader(PersonKeys keys) {
            this.keys = keys;
        }

        @Override
        public ContestEntriesSubmittedEvent deserialize(JsonParser parser, DeserializationContext context)
                throws IOException {
            JsonNode event = parser.readValueAsTree();
            List<ContestEntry> entries = new OpenedOnRead<>(event.path("entries"), keys, (item, found) -> {
                String participantId = storedInClear(item, "participantId")
                        ? text(item, "participantId")
                        : openSealed(item, found).participantId();
                String submittedAt = text(item, "submittedAt");
                JsonNode score = item.path("score");
                return new ContestEntry(
                        participantId,
                        text(item, "unitId"),
                        submittedAt == null ? null : Instant.parse(submittedAt),
                        score.isNumber() ? score.asInt() : null);
            });
            return new ContestEntriesSubmittedEvent(
                    UUID.fromString(text(event, "contestId")),
                    entries,
                    event.path("newParticipants").asInt());
        }
    }
}
