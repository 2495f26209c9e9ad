package org.giaoban.training.enrolment.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.giaoban.platform.problem.BatchTooLargeException;
import org.giaoban.platform.problem.FieldError;
import org.giaoban.platform.problem.InvalidRequestException;
import org.giaoban.platform.web.RequestText;
import org.giaoban.training.api.enrolment.Learner;

/**
 * A class list as a CSV file in UTF-8 (RFC 4180: commas, double quotes around fields that hold commas, quotes or line
 * breaks), with the header {@code learnerId,fullName,unitId}. A file that cannot be read as a whole is refused with
 * the line at fault, and so is a field that is not text as {@link RequestText} has it (a control character); the text
 * is read in NFC, so a name typed with combining marks is the same name as typed precomposed. The rows' contents are
 * judged one by one later. It is read as it arrives, within bounds that a valid list never reaches, so that a large
 * body costs no more memory than its rows.
 */
final class ClassListCsv {

    static final List<String> COLUMNS = List.of("learnerId", "fullName", "unitId");
    static final List<String> HEADER =
            COLUMNS.stream().map(name -> name.toLowerCase(Locale.ROOT)).toList();

    /** Longer than any field of a valid row (a name has at most 200 characters), so the limit refuses only garbage. */
    static final int LONGEST_FIELD = 1_000;

    /** 10,000 rows of the longest valid fields take under 3 million characters. */
    static final int MOST_CHARACTERS = 4_000_000;

    private ClassListCsv() {}

    static List<Learner> parse(byte[] body) {
        return parse(new ByteArrayInputStream(body), Integer.MAX_VALUE);
    }

    /**
     * Reads the class list as it arrives, keeping no more than the rows themselves: the file is refused at its first
     * row past {@code maxRows} ({@link BatchTooLargeException}) and at its first field over {@value #LONGEST_FIELD}
     * characters, before the rest is read.
     */
    static List<Learner> parse(InputStream body, int maxRows) {
        List<Row> records = new Records(body, maxRows).read();
        if (records.isEmpty()) {
            throw refused(1, "the file is empty; its first line must be the header learnerId,fullName,unitId");
        }
        List<String> header = records.get(0).fields().stream()
                .map(name -> name.strip().toLowerCase(Locale.ROOT))
                .toList();
        if (!header.equals(HEADER)) {
            throw refused(1, "the header must be learnerId,fullName,unitId");
        }
        List<Row> rows = records.subList(1, records.size());
        for (Row row : rows) {
            if (row.fields().size() != 3) {
                throw refused(
                        row.line(), "has " + row.fields().size() + " fields; each row has learnerId,fullName,unitId");
            }
        }
        // The file's shape first, then its text: a refusal names the first line at fault of the first kind.
        List<Learner> learners = new ArrayList<>(rows.size());
        for (Row row : rows) {
            List<String> values = row.fields().stream()
                    .map(field -> RequestText.normalized(field).strip())
                    .toList();
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

    /** One record of the file and the line it starts on. */
    private record Row(int line, List<String> fields) {}

    /**
     * Splits the text into records of fields as it is read; a record counts its line as the line it starts on. Blank
     * lines after the header are skipped; a byte order mark (as Excel writes) is dropped.
     */
    private static final class Records {

        private final Reader text;
        private final int maxRows;
        private final List<Row> records = new ArrayList<>();
        private final char[] buffer = new char[8192];
        private int length;
        private int next;
        private int pushedBack = -1;
        private int characters;

        Records(InputStream body, int maxRows) {
            this.text = new InputStreamReader(
                    body,
                    StandardCharsets.UTF_8
                            .newDecoder()
                            .onMalformedInput(CodingErrorAction.REPORT)
                            .onUnmappableCharacter(CodingErrorAction.REPORT));
            this.maxRows = maxRows;
        }

        List<Row> read() {
            List<String> fields = new ArrayList<>();
            StringBuilder field = new StringBuilder();
            boolean quoted = false;
            boolean fieldWasQuoted = false;
            int line = 1;
            int recordLine = 1;
            int c = nextChar();
            if (c == '\uFEFF') {
                c = nextChar();
            }
            for (; c >= 0; c = nextChar()) {
                if (quoted) {
                    if (c == '"') {
                        int following = nextChar();
                        if (following == '"') {
                            append(field, '"', recordLine);
                        } else {
                            quoted = false;
                            pushBack(following);
                        }
                    } else {
                        if (c == '\n') {
                            line++;
                        }
                        append(field, (char) c, recordLine);
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
                    if (c == '\r') {
                        int following = nextChar();
                        if (following != '\n') {
                            pushBack(following);
                        }
                    }
                    fields.add(field.toString());
                    add(new Row(recordLine, fields));
                    fields = new ArrayList<>();
                    field.setLength(0);
                    fieldWasQuoted = false;
                    line++;
                    recordLine = line;
                } else {
                    if (fieldWasQuoted && !Character.isWhitespace(c)) {
                        throw refused(line, "has text after a closing quote");
                    }
                    append(field, (char) c, recordLine);
                }
            }
            if (quoted) {
                throw refused(recordLine, "opens a quote that is never closed");
            }
            if (field.length() > 0 || !fields.isEmpty()) {
                fields.add(field.toString());
                add(new Row(recordLine, fields));
            }
            return records;
        }

        private void add(Row row) {
            boolean blank = row.fields().size() == 1 && row.fields().get(0).isBlank();
            if (blank && !records.isEmpty()) {
                return;
            }
            if (records.size() > maxRows) {
                throw BatchTooLargeException.moreRowsThan(maxRows);
            }
            records.add(row);
        }

        private static void append(StringBuilder field, char c, int recordLine) {
            if (field.length() == LONGEST_FIELD) {
                throw refused(recordLine, "has a field of more than " + LONGEST_FIELD + " characters");
            }
            field.append(c);
        }

        private void pushBack(int c) {
            pushedBack = c;
        }

        private int nextChar() {
            if (pushedBack != -1) {
                int c = pushedBack;
                pushedBack = -1;
                return c;
            }
            if (next == length) {
                if (characters > MOST_CHARACTERS) {
                    throw BatchTooLargeException.longerThan(MOST_CHARACTERS);
                }
                try {
                    length = text.read(buffer);
                } catch (CharacterCodingException notUtf8) {
                    throw new InvalidRequestException(List.of(new FieldError(
                            "body", "the file is not UTF-8 text; save the class list as CSV UTF-8 and send it again")));
                } catch (IOException unreadable) {
                    throw new UncheckedIOException(unreadable);
                }
                next = 0;
                if (length <= 0) {
                    length = 0;
                    return -1;
                }
                characters += length;
            }
            return buffer[next++];
        }
    }

    private static InvalidRequestException refused(int line, String problem) {
        return new InvalidRequestException(List.of(new FieldError("line " + line, problem)));
    }
}
