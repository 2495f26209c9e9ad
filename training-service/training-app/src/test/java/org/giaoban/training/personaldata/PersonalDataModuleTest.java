package org.giaoban.training.personaldata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.json.JacksonSerializer;
import org.giaoban.platform.axon.EventSerialization;
import org.giaoban.training.api.contest.ContestEntriesSubmittedEvent;
import org.giaoban.training.api.contest.ContestEntry;
import org.giaoban.training.api.enrolment.Learner;
import org.giaoban.training.api.enrolment.LearnerWithdrawnEvent;
import org.giaoban.training.api.enrolment.LearnersEnrolledEvent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The stored form of the events with personal data, on an H2 database with the service's migrations: sealed per
 * person, read back as sent by the service, read with {@code null} personal fields by a reader without keys (as
 * reporting-service reads them) and by the service once the person is erased; revision 1, in clear, still reads.
 */
class PersonalDataModuleTest {

    static final MasterKey MASTER_KEY = MasterKey.fromBase64("AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=");
    static final UUID CLASS_ID = UUID.fromString("1c1a55e5-0000-4000-8000-000000000001");
    static final UUID CONTEST_ID = UUID.fromString("c0c0c0c0-0000-4000-8000-000000000002");
    static final Learner HA = new Learner("079301000123", "Nguyễn Thị Hà", "HN-HOANKIEM");
    static final Learner DUNG = new Learner("001088004567", "Trần Văn Dũng", "HN-LONGBIEN");
    static final Instant SUBMITTED = Instant.parse("2022-08-02T03:00:00Z");

    JdbcTemplate jdbc;
    PersonKeys keys;
    Serializer service;
    Serializer withoutKeys = EventSerialization.serializer();

    @BeforeEach
    void setUp() {
        jdbc = new JdbcTemplate(PersonKeysTest.migratedStore());
        keys = new PersonKeys(jdbc, MASTER_KEY, new Pseudonyms(MASTER_KEY));
        service = JacksonSerializer.builder()
                .objectMapper(PersonalDataConfiguration.personalDataMapper(keys))
                .build();
    }

    @Test
    void anEnrolmentIsStoredSealedAndReadBackAsSent() {
        LearnersEnrolledEvent event = new LearnersEnrolledEvent(CLASS_ID, List.of(HA, DUNG));

        SerializedObject<String> stored = service.serialize(event, String.class);

        assertThat(stored.getType().getRevision()).isEqualTo("2");
        assertThat(stored.getData())
                .doesNotContain(HA.learnerId(), HA.fullName(), DUNG.learnerId(), DUNG.fullName())
                .contains("\"keyId\"", "\"sealed\"", "\"unitId\":\"HN-HOANKIEM\"", "\"unitId\":\"HN-LONGBIEN\"");
        assertThat((Object) service.deserialize(stored)).isEqualTo(event);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM personal_data_key", Long.class))
                .isEqualTo(2);
    }

    @Test
    void aReaderWithoutKeysReadsTheUnitsAndCountsButNoPersonalField() {
        SerializedObject<String> enrolled =
                service.serialize(new LearnersEnrolledEvent(CLASS_ID, List.of(HA, DUNG)), String.class);
        SerializedObject<String> withdrawn =
                service.serialize(new LearnerWithdrawnEvent(CLASS_ID, HA.learnerId(), "HN-HOANKIEM"), String.class);
        ContestEntry entry = new ContestEntry(HA.learnerId(), "HN-PHUCTHO", SUBMITTED, 87);
        SerializedObject<String> entries =
                service.serialize(new ContestEntriesSubmittedEvent(CONTEST_ID, List.of(entry, entry), 1), String.class);

        assertThat((Object) withoutKeys.deserialize(enrolled))
                .isEqualTo(new LearnersEnrolledEvent(
                        CLASS_ID,
                        List.of(new Learner(null, null, "HN-HOANKIEM"), new Learner(null, null, "HN-LONGBIEN"))));
        assertThat((Object) withoutKeys.deserialize(withdrawn))
                .isEqualTo(new LearnerWithdrawnEvent(CLASS_ID, null, "HN-HOANKIEM"));
        ContestEntry counted = new ContestEntry(null, "HN-PHUCTHO", SUBMITTED, 87);
        assertThat((Object) withoutKeys.deserialize(entries))
                .isEqualTo(new ContestEntriesSubmittedEvent(CONTEST_ID, List.of(counted, counted), 1));
    }

    @Test
    void oneKeyPerPersonWhateverTheEventsTheyAreIn() {
        ContestEntry entry = new ContestEntry(HA.learnerId(), "HN-PHUCTHO", SUBMITTED, null);
        ContestEntriesSubmittedEvent contest = new ContestEntriesSubmittedEvent(CONTEST_ID, List.of(entry, entry), 1);
        LearnerWithdrawnEvent withdrawn = new LearnerWithdrawnEvent(CLASS_ID, HA.learnerId(), "HN-HOANKIEM");

        SerializedObject<String> first =
                service.serialize(new LearnersEnrolledEvent(CLASS_ID, List.of(HA)), String.class);
        SerializedObject<String> second = service.serialize(contest, String.class);
        SerializedObject<String> third = service.serialize(withdrawn, String.class);

        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM personal_data_key", Long.class))
                .isEqualTo(1);
        assertThat((Object) service.deserialize(second)).isEqualTo(contest);
        assertThat((Object) service.deserialize(third)).isEqualTo(withdrawn);
        assertThat(first.getData()).doesNotContain(new Pseudonyms(MASTER_KEY).of(HA.learnerId()));
    }

    @Test
    void anErasedPersonReadsAsNullsAndTheOthersAsSent() {
        SerializedObject<String> stored =
                service.serialize(new LearnersEnrolledEvent(CLASS_ID, List.of(HA, DUNG)), String.class);

        assertThat(keys.erase(HA.learnerId())).isTrue();
        assertThat(keys.erase(HA.learnerId())).isFalse();

        assertThat((Object) service.deserialize(stored))
                .isEqualTo(new LearnersEnrolledEvent(CLASS_ID, List.of(new Learner(null, null, "HN-HOANKIEM"), DUNG)));
    }

    @Test
    void revisionOneWrittenInClearStillReads() {
        String clear = "{\"classId\":\"" + CLASS_ID
                + "\",\"learners\":[{\"learnerId\":\"079301000123\",\"fullName\":\"Nguyễn Thị Hà\","
                + "\"unitId\":\"HN-HOANKIEM\"}]}";

        Object read = service.deserialize(new SimpleSerializedObject<>(
                clear, String.class, new SimpleSerializedType(LearnersEnrolledEvent.class.getName(), "1")));

        assertThat(read).isEqualTo(new LearnersEnrolledEvent(CLASS_ID, List.of(HA)));
    }

    @Test
    void aSealedValueMovedToAnotherPersonDoesNotOpen() {
        String stored = service.serialize(new LearnersEnrolledEvent(CLASS_ID, List.of(HA, DUNG)), String.class)
                .getData();
        String sealedOfHa = stored.replaceAll("(?s).*?\"sealed\":\"([^\"]+)\".*", "$1");
        String sealedOfDung = stored.replaceAll("(?s).*\"sealed\":\"([^\"]+)\".*", "$1");
        String swapped = stored.replace(sealedOfDung, "DUNG").replace(sealedOfHa, sealedOfDung);

        LearnersEnrolledEvent read = service.deserialize(new SimpleSerializedObject<>(
                swapped, String.class, new SimpleSerializedType(LearnersEnrolledEvent.class.getName(), "2")));

        assertThat(read.learners()).hasSize(2);
        assertThatThrownBy(() -> read.learners().get(0)).hasStackTraceContaining("does not open with its key");
    }

    @Test
    void countingAnEventsPeopleNeedsNoKey() {
        LearnersEnrolledEvent enrolled = new LearnersEnrolledEvent(CLASS_ID, List.of(HA, DUNG));
        ContestEntry entry = new ContestEntry(HA.learnerId(), "HN-PHUCTHO", SUBMITTED, 87);
        ContestEntriesSubmittedEvent entries =
                new ContestEntriesSubmittedEvent(CONTEST_ID, List.of(entry, entry, entry), 1);
        SerializedObject<String> storedEnrolment = service.serialize(enrolled, String.class);
        SerializedObject<String> storedEntries = service.serialize(entries, String.class);

        // The key store goes away: the events still read, and their people can be counted, but not opened.
        jdbc.execute("ALTER TABLE personal_data_key RENAME TO personal_data_key_away");
        LearnersEnrolledEvent readEnrolment = service.deserialize(storedEnrolment);
        ContestEntriesSubmittedEvent readEntries = service.deserialize(storedEntries);

        assertThat(readEnrolment.learners()).hasSize(2);
        assertThat(readEntries.entries()).hasSize(3);
        assertThatThrownBy(() -> readEntries.entries().get(0)).hasStackTraceContaining("personal_data_key");
        jdbc.execute("ALTER TABLE personal_data_key_away RENAME TO personal_data_key");
        assertThat(readEnrolment).isEqualTo(enrolled);
        assertThat(readEntries).isEqualTo(entries);
    }

    @Test
    void tenThousandLearnersTakeOneKeyEach() {
        List<Learner> learners = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            learners.add(new Learner(String.format("0793%08d", i), "Học viên " + i, "HN-HOANKIEM"));
        }
        LearnersEnrolledEvent event = new LearnersEnrolledEvent(CLASS_ID, learners);

        SerializedObject<String> stored = service.serialize(event, String.class);
        service.serialize(new LearnersEnrolledEvent(CLASS_ID, learners.subList(0, 5_000)), String.class);

        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM personal_data_key", Long.class))
                .isEqualTo(10_000);
        assertThat((Object) service.deserialize(stored)).isEqualTo(event);
    }
}
