package org.giaoban.training.enrolment.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.List;
import org.giaoban.platform.problem.BatchTooLargeException;
import org.giaoban.platform.problem.FieldError;
import org.giaoban.platform.problem.InvalidRequestException;
import org.giaoban.training.api.enrolment.Learner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ClassListCsvTest {

    private static final Learner HA = new Learner("079301000123", "Nguyễn Thị Hà", "HN-HOANKIEM");
    private static final String HA_ROW = "079301000123,Nguyễn Thị Hà,HN-HOANKIEM";
    private static final Learner DUNG = new Learner("001085002345", "Trần Văn Dũng", "HN-LONGBIEN");

    @Test
    void eachRowAfterTheHeaderIsALearner() {
        List<Learner> learners = ClassListCsv.parse(utf8("""
                learnerId,fullName,unitId
                079301000123,Nguyễn Thị Hà,HN-HOANKIEM
                001085002345,Trần Văn Dũng,HN-LONGBIEN
                """));

        assertThat(learners).containsExactly(HA, DUNG);
    }

    @Test
    void spacesAroundFieldsAreDropped() {
        assertThat(ClassListCsv.parse(
                        utf8("learnerId,fullName,unitId\n 079301000123 ,  Nguyễn Thị Hà\t, HN-HOANKIEM\n")))
                .containsExactly(HA);
    }

    @Test
    void theHeaderMayBeInAnyCaseAndSpacedOut() {
        assertThat(ClassListCsv.parse(utf8("LEARNERID, FullName ,unitid\n079301000123,Nguyễn Thị Hà,HN-HOANKIEM\n")))
                .containsExactly(HA);
    }

    @Test
    void theByteOrderMarkThatExcelWritesIsSkipped() {
        byte[] withBom = concat(
                new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
                utf8("learnerId,fullName,unitId\r\n079301000123,Nguyễn Thị Hà,HN-HOANKIEM\r\n"));

        assertThat(ClassListCsv.parse(withBom)).containsExactly(HA);
    }

    @Test
    void aQuotedFieldMayHoldCommasAndDoubledQuotes() {
        List<Learner> learners = ClassListCsv.parse(utf8("learnerId,fullName,unitId\n"
                + "079301000123,\"Nguyễn Thị Hà, Phó Bí thư\",HN-HOANKIEM\n"
                + "\"001085002345\",\"Trần Văn \"\"Dũng\"\"\",\"HN-LONGBIEN\"\n"));

        assertThat(learners)
                .containsExactly(
                        new Learner("079301000123", "Nguyễn Thị Hà, Phó Bí thư", "HN-HOANKIEM"),
                        new Learner("001085002345", "Trần Văn \"Dũng\"", "HN-LONGBIEN"));
    }

    @Test
    void aNameThatRunsOverTwoLinesInAQuotedFieldIsRefusedAtTheLineItStarts() {
        assertThat(refusal(utf8(
                        "learnerId,fullName,unitId\r\n079301000123,\"Nguyễn Thị Hà\r\n(Hoàn Kiếm)\",HN-HOANKIEM\r\n")))
                .isEqualTo(new FieldError(
                        "line 2", "fullName may not contain the control character U+000D (position 14)"));
    }

    @Test
    void aControlCharacterInAFieldIsRefusedByItsLine() {
        assertThat(refusal(utf8("learnerId,fullName,unitId\n079301000123,Nguyễn\u0001Thị Hà,HN-HOANKIEM\n")))
                .isEqualTo(
                        new FieldError("line 2", "fullName may not contain the control character U+0001 (position 7)"));
    }

    @Test
    void aNameTypedWithCombiningMarksIsReadAsTheSameNameTypedPrecomposed() {
        String decomposed = Normalizer.normalize("Nguyễn Thị Hà", Normalizer.Form.NFD);
        assertThat(decomposed).isNotEqualTo(HA.fullName());

        List<Learner> learners =
                ClassListCsv.parse(utf8("learnerId,fullName,unitId\n079301000123," + decomposed + ",HN-HOANKIEM\n"));

        assertThat(learners).containsExactly(HA);
    }

    @Test
    void windowsLineEndingsAndALastRowWithoutALineBreakAreRead() {
        assertThat(
                        ClassListCsv.parse(
                                utf8(
                                        "learnerId,fullName,unitId\r\n079301000123,Nguyễn Thị Hà,HN-HOANKIEM\r\n001085002345,Trần Văn Dũng,HN-LONGBIEN")))
                .containsExactly(HA, DUNG);
    }

    @Test
    void blankLinesAreSkipped() {
        assertThat(
                        ClassListCsv.parse(
                                utf8(
                                        "learnerId,fullName,unitId\n079301000123,Nguyễn Thị Hà,HN-HOANKIEM\n\n   \n001085002345,Trần Văn Dũng,HN-LONGBIEN\n\r\n\n")))
                .containsExactly(HA, DUNG);
    }

    @Test
    void aHeaderAloneIsAnEmptyList() {
        assertThat(ClassListCsv.parse(utf8("learnerId,fullName,unitId\r\n"))).isEmpty();
    }

    @Test
    void vietnameseNamesComeBackWithEveryMarkAndInTheirPrecomposedForm() {
        String precomposed = "Đặng Thị Ngọc Ánh";
        String decomposed = "Nguye\u0302\u0303n Thi\u0323 Ha\u0300";
        String rare = "Hồ Thị Phượng Huyền Trâm Ỷ Ỹ";

        List<Learner> learners = ClassListCsv.parse(utf8(
                "learnerId,fullName,unitId\n1," + precomposed + ",HN\n2," + decomposed + ",HN\n3," + rare + ",HN\n"));

        assertThat(learners).extracting(Learner::fullName).containsExactly(precomposed, "Nguyễn Thị Hà", rare);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "\uFEFF"})
    void anEmptyFileIsRefusedAtItsFirstLine(String content) {
        assertThat(refusal(utf8(content)))
                .isEqualTo(new FieldError(
                        "line 1", "the file is empty; its first line must be the header learnerId,fullName,unitId"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "079301000123,Nguyễn Thị Hà,HN-HOANKIEM\n",
                "learnerId,fullName\n",
                "learnerId,fullName,unitId,email\n",
                "id,name,unit\n",
                "\nlearnerId,fullName,unitId\n"
            })
    void aFileWithoutTheHeaderIsRefusedAtItsFirstLine(String content) {
        assertThat(refusal(utf8(content)))
                .isEqualTo(new FieldError("line 1", "the header must be learnerId,fullName,unitId"));
    }

    @Test
    void aRowOfTwoFieldsIsRefusedByItsLine() {
        assertThat(
                        refusal(
                                utf8(
                                        "learnerId,fullName,unitId\n079301000123,Nguyễn Thị Hà,HN-HOANKIEM\n001085002345,Trần Văn Dũng\n")))
                .isEqualTo(new FieldError("line 3", "has 2 fields; each row has learnerId,fullName,unitId"));
    }

    @Test
    void aRowOfFourFieldsIsRefusedByItsLine() {
        assertThat(
                        refusal(
                                utf8(
                                        "learnerId,fullName,unitId\r\n\r\n079301000123,Nguyễn, Thị Hà,HN-HOANKIEM\r\n001085002345,Trần Văn Dũng,HN-LONGBIEN\r\n")))
                .isEqualTo(new FieldError("line 3", "has 4 fields; each row has learnerId,fullName,unitId"));
    }

    @Test
    void aRowAfterAFieldThatSpansTwoLinesIsRefusedByTheLineItIsOn() {
        assertThat(
                        refusal(
                                utf8(
                                        "learnerId,fullName,unitId\n079301000123,\"Nguyễn Thị Hà\n(Hoàn Kiếm)\",HN-HOANKIEM\n001085002345,Trần Văn Dũng\n")))
                .isEqualTo(new FieldError("line 4", "has 2 fields; each row has learnerId,fullName,unitId"));
    }

    @Test
    void aQuoteThatIsNeverClosedIsRefusedAtTheLineItOpens() {
        assertThat(
                        refusal(
                                utf8(
                                        "learnerId,fullName,unitId\n079301000123,Nguyễn Thị Hà,HN-HOANKIEM\n001085002345,\"Trần Văn Dũng,HN-LONGBIEN\n001190003456,Lê Thị Lan,HN-QUOCOAI\n")))
                .isEqualTo(new FieldError("line 3", "opens a quote that is never closed"));
    }

    @Test
    void textAfterAClosingQuoteIsRefusedByItsLine() {
        assertThat(refusal(utf8("learnerId,fullName,unitId\n079301000123,\"Nguyễn Thị\" Hà,HN-HOANKIEM\n")))
                .isEqualTo(new FieldError("line 2", "has text after a closing quote"));
    }

    @Test
    void aQuoteInsideAnUnquotedFieldIsRefusedByItsLine() {
        assertThat(refusal(utf8("learnerId,fullName,unitId\n\n079301000123,Nguyễn Thị \"Hà\",HN-HOANKIEM\n")))
                .isEqualTo(new FieldError("line 3", "has a quote inside an unquoted field"));
    }

    @Test
    void aFileThatIsNotUtf8IsRefusedAsAWhole() {
        byte[] latin = concat(utf8("learnerId,fullName,unitId\n079301000123,Nguy"), new byte[] {(byte) 0xE0});

        assertThat(refusal(latin))
                .isEqualTo(new FieldError(
                        "body", "the file is not UTF-8 text; save the class list as CSV UTF-8 and send it again"));
    }

    @Test
    void aFileInTheWindowsVietnameseCodePageIsRefused() throws Exception {
        byte[] cp1258 = "learnerId,fullName,unitId\n079301000123,Hà,HN-HOANKIEM\n".getBytes("windows-1258");

        assertThat(refusal(cp1258).field()).isEqualTo("body");
    }

    @Test
    void aListIsRefusedAtItsFirstRowPastTheLimitBeforeTheRestIsRead() {
        EndlessClassList endless = new EndlessClassList("079301000123,Nguyễn Thị Hà,HN-HOANKIEM\r\n");

        BatchTooLargeException refused =
                catchThrowableOfType(BatchTooLargeException.class, () -> ClassListCsv.parse(endless, 3));

        assertThat(refused).hasMessage("The batch has more than 3 rows; one request takes at most 3.");
        assertThat(endless.bytesRead).isLessThan(64 * 1024);
    }

    @Test
    void exactlyTheLimitIsAccepted() {
        List<Learner> learners = ClassListCsv.parse(
                new ByteArrayInputStream(utf8("learnerId,fullName,unitId\n" + (HA_ROW + "\n").repeat(3))), 3);

        assertThat(learners).hasSize(3);
    }

    @Test
    void aFieldLongerThanAnyValidOneIsRefusedByItsLineBeforeTheRestIsRead() {
        EndlessClassList endless = new EndlessClassList("x".repeat(100));

        assertThat(catchThrowableOfType(InvalidRequestException.class, () -> ClassListCsv.parse(endless, 10_000))
                        .errors())
                .containsExactly(new FieldError("line 2", "has a field of more than 1000 characters"));
        assertThat(endless.bytesRead).isLessThan(64 * 1024);
    }

    @Test
    void aBodyOfMillionsOfBlankLinesIsRefusedWhateverItsRows() {
        EndlessClassList endless = new EndlessClassList("\n".repeat(1000));

        assertThat(catchThrowableOfType(BatchTooLargeException.class, () -> ClassListCsv.parse(endless, 10_000)))
                .hasMessageContaining("longer than 4000000 characters");
        assertThat(endless.bytesRead).isLessThan(5_000_000);
    }

    /** The header, then {@code repeated} for ever; it fails the test if read far past any limit. */
    static final class EndlessClassList extends InputStream {

        private final byte[] header = utf8("learnerId,fullName,unitId\r\n");
        private final byte[] repeated;
        private long bytesRead;

        EndlessClassList(String repeated) {
            this.repeated = utf8(repeated);
        }

        @Override
        public int read() {
            if (bytesRead > 10_000_000) {
                throw new AssertionError("the class list was read on past every limit");
            }
            long at = bytesRead++;
            return at < header.length
                    ? header[(int) at] & 0xFF
                    : repeated[(int) ((at - header.length) % repeated.length)] & 0xFF;
        }
    }

    private static FieldError refusal(byte[] classList) {
        InvalidRequestException refused =
                catchThrowableOfType(InvalidRequestException.class, () -> ClassListCsv.parse(classList));
        assertThat(refused).as("the class list is refused").isNotNull();
        assertThat(refused.errors()).hasSize(1);
        return refused.errors().get(0);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] both = new byte[first.length + second.length];
        System.arraycopy(first, 0, both, 0, first.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }
}
