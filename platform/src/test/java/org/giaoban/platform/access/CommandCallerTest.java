package org.giaoban.platform.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.giaoban.identity.Caller;
import org.giaoban.identity.Role;
import org.giaoban.platform.problem.NotAllowedException;
import org.giaoban.units.UnitCatalogue;
import org.junit.jupiter.api.Test;

class CommandCallerTest {

    private final UnitWriteAccess access = new UnitWriteAccess(UnitCatalogue.hanoi());

    @Test
    void theCallerIsReadFromTheCommandsMetadata() {
        CommandCaller caller = CommandCaller.from(CallerMetadata.of(officerOf("HN-HOANKIEM")), access);

        assertThat(caller.caller()).contains(officerOf("HN-HOANKIEM"));
        assertThatCode(() -> caller.requireWriteFor("HN-HOANKIEM")).doesNotThrowAnyException();
        assertThatThrownBy(() -> caller.requireWriteFor("HN-BADINH")).isInstanceOf(NotAllowedException.class);
    }

    @Test
    void aCommandThatNoRequestSentIsTheServicesOwn() {
        CommandCaller caller = CommandCaller.from(Map.of("correlationId", "c-1"), access);

        assertThat(caller.caller()).isEmpty();
        assertThatCode(() -> caller.requireWriteFor("HN-BADINH")).doesNotThrowAnyException();
    }

    @Test
    void metadataThatNamesACallerWithoutRolesIsRefusedRatherThanTrusted() {
        assertThatThrownBy(() -> CommandCaller.from(Map.of("actor", "x"), access))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static Caller officerOf(String unitId) {
        return Caller.of("officer", List.of(Role.OFFICER), unitId);
    }
}
