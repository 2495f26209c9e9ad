package org.giaoban.platform.axon;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.axonframework.serialization.json.JacksonSerializer;

/**
 * The one JSON form of everything giaoban stores through Axon: events, metadata, tracking tokens and sagas. It is
 * fixed here rather than borrowed from the web layer's ObjectMapper, so that a change to how the API prints JSON never
 * changes the permanent record. Dates are ISO strings; unknown fields are tolerated so that an older reader can still
 * read a newer event.
 */
public final class EventSerialization {

    private EventSerialization() {}

    public static ObjectMapper objectMapper() {
        return JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
    }

    public static JacksonSerializer serializer() {
        return JacksonSerializer.builder().objectMapper(objectMapper()).build();
    }
}
