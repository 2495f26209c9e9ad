package org.giaoban.platform.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;
import com.fasterxml.jackson.datatype.jsr310.deser.LocalDateDeserializer;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import org.giaoban.platform.problem.RefusedValueException;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * How a service reads request bodies, beyond Spring Boot's defaults: every string is held to {@link RequestText} (NFC,
 * no control characters), every date and instant lies from {@value #FIRST_YEAR} to {@value #LAST_YEAR}, and a number
 * with a fraction is not taken for a whole one. A value refused here is answered {@code 400} naming its field, before
 * any command is sent. Only the web layer's mapper reads this way; events are read by their own
 * ({@code EventSerialization}), so nothing already stored is judged again.
 */
@Configuration(proxyBeanMethods = false)
public class RequestJson {

    public static final int FIRST_YEAR = 1900;
    public static final int LAST_YEAR = 2100;

    private static final LocalDate FIRST_DATE = LocalDate.of(FIRST_YEAR, 1, 1);
    private static final LocalDate LAST_DATE = LocalDate.of(LAST_YEAR, 12, 31);
    private static final String DATE_RANGE = "must be from " + FIRST_DATE + " to " + LAST_DATE;

    /** Picked up by Spring Boot's Jackson configuration, after the Java time module, whose readers it wraps. */
    @Bean
    public Module requestJsonModule() {
        return module();
    }

    @Bean
    public Jackson2ObjectMapperBuilderCustomizer wholeNumbersStayWhole() {
        return builder -> builder.featuresToDisable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
    }

    public static Module module() {
        SimpleModule module = new SimpleModule("giaoban-request-json");
        module.addDeserializer(String.class, new TextDeserializer(false));
        readInRange(module, LocalDateDeserializer.INSTANCE, LocalDate.class, FIRST_DATE, LAST_DATE);
        readInRange(
                module,
                InstantDeserializer.INSTANT,
                Instant.class,
                FIRST_DATE.atStartOfDay(ZoneOffset.UTC).toInstant(),
                LAST_DATE.atTime(LocalTime.MAX).toInstant(ZoneOffset.UTC));
        return module;
    }

    /** Jackson's deserializer that delegates is one of {@code Object}; it reads {@code T} all the same. */
    @SuppressWarnings("unchecked")
    private static <T extends Comparable<? super T>> void readInRange(
            SimpleModule module, JsonDeserializer<T> reader, Class<T> type, T first, T last) {
        module.addDeserializer(
                type, (JsonDeserializer<T>) (JsonDeserializer<?>) new InRange<>(reader, type, first, last));
    }

    /** A string as {@link RequestText} wants it; one line unless its field is {@link MultilineText}. */
    static final class TextDeserializer extends StdScalarDeserializer<String> implements ContextualDeserializer {

        private final boolean multiline;

        TextDeserializer(boolean multiline) {
            super(String.class);
            this.multiline = multiline;
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String text = StringDeserializer.instance.deserialize(parser, context);
            if (text == null) {
                return null;
            }
            String refusal = RequestText.refusalOf(text, multiline);
            if (refusal != null) {
                throw new RefusedValueException(parser, refusal, String.class);
            }
            return RequestText.normalized(text);
        }

        @Override
        public JsonDeserializer<?> createContextual(DeserializationContext context, BeanProperty property) {
            boolean multilineField = property != null && property.getAnnotation(MultilineText.class) != null;
            return multilineField == multiline ? this : new TextDeserializer(multilineField);
        }

        @Override
        public LogicalType logicalType() {
            return LogicalType.Textual;
        }
    }

    /** A date or instant read as Jackson's Java time module reads it, then refused outside the range. */
    static final class InRange<T extends Comparable<? super T>> extends DelegatingDeserializer {

        private final Class<T> type;
        private final T first;
        private final T last;

        InRange(JsonDeserializer<?> reader, Class<T> type, T first, T last) {
            super(reader);
            this.type = type;
            this.first = first;
            this.last = last;
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> newReader) {
            return new InRange<>(newReader, type, first, last);
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            Object value = super.deserialize(parser, context);
            if (type.isInstance(value)) {
                T read = type.cast(value);
                if (read.compareTo(first) < 0 || read.compareTo(last) > 0) {
                    throw new RefusedValueException(parser, DATE_RANGE, type);
                }
            }
            return value;
        }
    }
}
