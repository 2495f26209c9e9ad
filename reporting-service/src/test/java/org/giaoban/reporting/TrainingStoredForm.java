package org.giaoban.reporting;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.UUID;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.giaoban.platform.axon.EventSerialization;
import org.giaoban.training.api.contest.ContestEntry;
import org.giaoban.training.api.enrolment.Learner;
import org.giaoban.training.api.enrolment.LearnerWithdrawnEvent;

/**
 * Events as training-service stores them (revision 2 of the events with personal data): each person's id and name
 * sealed under a key reporting-service never holds, as {@code "keyId"} and {@code "sealed"}, beside the units,
 * instants and scores in clear. The sealed values here are random bytes: reporting can open no real one either, and
 * must count without them.
 */
final class TrainingStoredForm {

    private static final SecureRandom RANDOM = new SecureRandom();

    private TrainingStoredForm() {}

    static Serializer serializer() {
        SimpleModule sealed = new SimpleModule("training-stored-form");
        sealed.addSerializer(Learner.class, new JsonSerializer<>() {
            @Override
            public void serialize(Learner learner, JsonGenerator json, SerializerProvider provider) throws IOException {
                json.writeStartObject();
                writeSealed(json);
                json.writeStringField("unitId", learner.unitId());
                json.writeEndObject();
            }
        });
        sealed.addSerializer(ContestEntry.class, new JsonSerializer<>() {
            @Override
            public void serialize(ContestEntry entry, JsonGenerator json, SerializerProvider provider)
                    throws IOException {
                json.writeStartObject();
                writeSealed(json);
                json.writeStringField("unitId", entry.unitId());
                json.writeStringField("submittedAt", entry.submittedAt().toString());
                json.writeObjectField("score", entry.score());
                json.writeEndObject();
            }
        });
        sealed.addSerializer(LearnerWithdrawnEvent.class, new JsonSerializer<>() {
            @Override
            public void serialize(LearnerWithdrawnEvent event, JsonGenerator json, SerializerProvider provider)
                    throws IOException {
                json.writeStartObject();
                json.writeStringField("classId", event.classId().toString());
                writeSealed(json);
                json.writeStringField("unitId", event.unitId());
                json.writeEndObject();
            }
        });
        return JacksonSerializer.builder()
                .objectMapper(EventSerialization.objectMapper().registerModule(sealed))
                .build();
    }

    private static void writeSealed(JsonGenerator json) throws IOException {
        byte[] opaque = new byte[12 + 60 + 16];
        RANDOM.nextBytes(opaque);
        json.writeStringField("keyId", UUID.randomUUID().toString());
        json.writeStringField("sealed", Base64.getEncoder().encodeToString(opaque));
    }
}
