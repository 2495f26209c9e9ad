package org.giaoban.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Semaphore;
import org.giaoban.gateway.GatewaySettings;
import org.giaoban.gateway.MutableClock;
import org.giaoban.identity.Caller;
import org.giaoban.identity.Role;
import org.giaoban.units.UnitCatalogue;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

class ConfiguredUsersTest {

    static final String HASH = new BCryptPasswordEncoder(4).encode("đúng");
    static final Callers CALLERS = new Callers(UnitCatalogue.hanoi());

    final MutableClock clock = new MutableClock(Instant.parse("2022-10-06T01:30:00Z"));

    static GatewaySettings.User user(String name, String hash, List<Role> roles, String unitId) {
        return new GatewaySettings.User(name, hash, roles, unitId);
    }

    ConfiguredUsers users(GatewaySettings.User... users) {
        return new ConfiguredUsers(List.of(users), CALLERS, clock);
    }

    static Authentication basic(String name, String password) {
        return UsernamePasswordAuthenticationToken.unauthenticated(name, password);
    }

    @Test
    void theRightPasswordSignsTheUserInWithRolesAndUnit() {
        ConfiguredUsers users = users(user("hoa", HASH, List.of(Role.OFFICER), "HN-HOANKIEM"));

        Authentication signedIn = users.authenticate(basic("hoa", "đúng")).block();

        assertThat(signedIn).isInstanceOf(CallerAuthentication.class);
        assertThat(signedIn.isAuthenticated()).isTrue();
        assertThat(((CallerAuthentication) signedIn).caller())
                .isEqualTo(Caller.of("hoa", List.of(Role.OFFICER), "HN-HOANKIEM"));
        assertThat(signedIn.getAuthorities()).extracting(Object::toString).containsExactly("ROLE_OFFICER");
    }

    @Test
    void aWrongPasswordOrAnUnknownNameIsRefused() {
        ConfiguredUsers users = users(user("hoa", HASH, List.of(Role.OFFICER), "HN-HOANKIEM"));

        assertThatThrownBy(() -> users.authenticate(basic("hoa", "sai")).block())
                .isInstanceOf(BadCredentialsException.class);
        assertThatThrownBy(() -> users.authenticate(basic("nobody", "đúng")).block())
                .isInstanceOf(BadCredentialsException.class);
    }

    @Test
    void aRememberedSignInDoesNotOutliveFiveMinutesNorAnotherPassword() {
        ConfiguredUsers users = users(user("hoa", HASH, List.of(Role.VIEWER), null));
        users.authenticate(basic("hoa", "đúng")).block();

        assertThatThrownBy(() -> users.authenticate(basic("hoa", "sai")).block())
                .isInstanceOf(BadCredentialsException.class);
        clock.advance(Duration.ofMinutes(5));
        assertThat(users.authenticate(basic("hoa", "đúng")).block()).isNotNull();
    }

    @Test
    void aSignInFindingEveryCheckBusyIsRefusedUncheckedAndTheNextOneIsChecked() throws InterruptedException {
        Semaphore checks = new Semaphore(1);
        ConfiguredUsers users = new ConfiguredUsers(
                List.of(user("hoa", HASH, List.of(Role.VIEWER), null)), CALLERS, clock, checks, Duration.ZERO);
        checks.acquire();

        assertThatThrownBy(() -> users.authenticate(basic("hoa", "đúng")).block())
                .isInstanceOf(SignInsBusyException.class);
        checks.release();
        assertThat(users.authenticate(basic("hoa", "đúng")).block()).isNotNull();
        assertThat(checks.availablePermits()).isEqualTo(1);
    }

    @Test
    void aHashThatIsNotBcryptIsRefusedAtStart() {
        assertThatThrownBy(() -> users(user("hoa", "đúng", List.of(Role.VIEWER), null)))
                .hasMessageContaining("hoa")
                .hasMessageContaining("bcrypt");
    }

    @Test
    void anUnknownUnitOrAnOfficerWithoutAUnitIsRefusedAtStart() {
        assertThatThrownBy(() -> users(user("hoa", HASH, List.of(Role.VIEWER), "HN-ATLANTIS")))
                .hasMessageContaining("HN-ATLANTIS");
        assertThatThrownBy(() -> users(user("hoa", HASH, List.of(Role.OFFICER), null)))
                .hasMessageContaining("OFFICER without a unit");
    }

    @Test
    void aNameListedTwiceIsRefusedAtStart() {
        assertThatThrownBy(() -> users(
                        user("hoa", HASH, List.of(Role.VIEWER), null), user("hoa", HASH, List.of(Role.ADMIN), null)))
                .hasMessageContaining("twice");
    }
}
