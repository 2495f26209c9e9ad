package org.giaoban.training.enrolment.web;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.giaoban.platform.problem.FieldError;
import org.giaoban.platform.problem.InvalidRequestException;
import org.giaoban.platform.web.RequestText;
import org.giaoban.training.api.enrolment.Learner;

/**
 * A class list as a CSV file in UTF-8 (RFC 4180: commas, double quotes around fields that hold commas, quotes or line
 * breaks), with the header {@code learnerId,fullName,unitId}. A file that cannot be read as a whole is refused with
 * the line at fault, and so is a field that is not text as {@link RequestText} has it (a control character); the text
 * is read in NFC, so a name typed with combining marks is the same name as typed precomposed. The rows' contents are
 * judged one by one later.
 */
final class ClassListCsv {

    static final List<String> COLUMNS = List.of("learnerId", "fullName", "unitId");
    static final List<String> HEADER =
            COLUMNS.stream().map(name -> name.toLowerCase(Locale.ROOT)).toList();

    private ClassListCsv() {}

    static List<Learner> parse(byte[] body) {
        String text = RequestText.normalized(decode(body));
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<Row> records = records(text);
        if (records.isEmpty()) {
            throw refused(1, "the file is empty; its first line must be the header learnerId,fullName,unitId");
        }
        List<String> header = records.get(0).fields().stream()
                .map(name -> name.strip().toLowerCase(Locale.ROOT))
                .toList();
        if (!header.equals(HEADER)) {
            throw refused(1, "the header must be learnerId,fullName,unitId");
        }
        List<Row> rows = new ArrayList<>(records.size() - 1);
        for (Row row : records.subList(1, records.size())) {
            List<String> fields = row.fields();
            if (fields.size() == 1 && fields.get(0).isBlank()) {
                continue;
            }
            if (fields.size() != 3) {
                throw refused(row.line(), "has " + fields.size() + " fields; each row has learnerId,fullName,unitId");
            }
            rows.add(row);
        }
        // The file's shape first, then its text: a refusal names the first line at fault of the first kind.
        List<Learner> learners = new ArrayList<>(rows.size());
        for (Row row : rows) {
            List<String> values = row.fields().stream().map(String::strip).toList();
            for (int column = 0; column < values.size(); column++) {
                String refusal = RequestText.refusalOf(values.get(column), false);
                if (refusal != null) {
                    throw refused(row.line(), COLUMNS.get(column) + " " + refusal);
                }
            }
            learners.add(new Learner(values.get(0), values.get(1), values.get(2)));
        }
        return learners;
    }

    private static String decode(byte[] body) {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body))
                    .toString();
        } catch (CharacterCodingException notUtf8) {
            throw new InvalidRequestException(List.of(new FieldError(
                    "body", "the file is not UTF-8 text; save the class list as CSV UTF-8 and send it again")));
        }
    }

    /** Splits the text into records of fields; a record counts its line as the line it starts on. */
    private static List<Row> records(String text) {
        List<Row> records = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean fieldWasQuoted = false;
        int line = 1;
        int recordLine = 1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    field.append(c);
                }
            } else if (c == '"') {
                if (field.length() > 0 && !field.toString().isBlank() || fieldWasQuoted) {
                    throw refused(line, "has a quote inside an unquoted field");
                }
                field.setLength(0);
                quoted = true;
                fieldWasQuoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
                fieldWasQuoted = false;
            } else if (c == '\r' || c == '\n') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                fields.add(field.toString());
                records.add(new Row(recordLine, fields));
                fields = new ArrayList<>();
                field.setLength(0);
                fieldWasQuoted = false;
                line++;
                recordLine = line;
            } else {
                if (fieldWasQuoted && !Character.isWhitespace(c)) {
                    throw refused(line, "has text after a closing quote");
                }
                field.append(c);
            }
        }
        if (quoted) {
            throw refused(recordLine, "opens a quote that is never closed");
        }
        if (field.length() > 0 || !fields.isEmpty()) {
            fields.add(field.toString());
            records.add(new Row(recordLine, fields));
        }
        return records;
    }

    /** One record of the file and the line it starts on. */
    private record Row(int line, List<String> fields) {}

    private static InvalidRequestException refused(int line, String problem) {
        return new InvalidRequestException(List.of(new FieldError("line " + line, problem)));
    }
}
