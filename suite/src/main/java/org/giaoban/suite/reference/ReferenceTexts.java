package org.giaoban.suite.reference;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The titles and reasons the planners draw from, kept in {@code reference-texts.json} beside this class. In a title,
 * {@code {m}} stands for the month, {@code {q}} for the quarter in Roman numerals and {@code {place}} for the unit as
 * a title names it. The order of each list is part of the dataset: a draw picks by position.
 */
record ReferenceTexts(
        List<Seasonal> cityTasks,
        List<Seasonal> districtTasks,
        List<Seasonal> planSubjects,
        List<Seasonal> guidanceSubjects,
        List<Seasonal> reports,
        List<String> letters,
        List<String> notices,
        List<String> directives,
        List<String> resolutions,
        Map<Bloc, List<String>> classTitles,
        String classPostponedForCovid,
        List<String> classCancellations) {

    private static final String RESOURCE = "reference-texts.json";

    static ReferenceTexts load() {
        try (InputStream json = ReferenceTexts.class.getResourceAsStream(RESOURCE)) {
            if (json == null) {
                throw new IllegalStateException(RESOURCE + " is not on the class path");
            }
            return new ObjectMapper().readValue(json, ReferenceTexts.class);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + RESOURCE, e);
        }
    }

    static String pick(List<String> texts, Random random) {
        return texts.get(random.nextInt(texts.size()));
    }

    /** A title that suits the months from {@code from} to {@code to} (1 to 12), all year when not given. */
    record Seasonal(String text, int from, int to) {

        @JsonCreator
        static Seasonal of(
                @JsonProperty(value = "text", required = true) String text,
                @JsonProperty("from") Integer from,
                @JsonProperty("to") Integer to) {
            return new Seasonal(text, from == null ? 1 : from, to == null ? 12 : to);
        }

        /** One of the titles that suit the month of {@code on}: an anniversary, a season's task, or any month's. */
        static String pick(List<Seasonal> titles, LocalDate on, Random random) {
            List<Seasonal> suiting = titles.stream()
                    .filter(title -> title.from() <= on.getMonthValue() && on.getMonthValue() <= title.to())
                    .toList();
            return suiting.get(random.nextInt(suiting.size())).text();
        }
    }
}
