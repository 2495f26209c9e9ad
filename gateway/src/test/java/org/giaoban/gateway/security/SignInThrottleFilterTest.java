package org.giaoban.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.giaoban.gateway.security.SignInThrottleFilter.BasicCredentials;
import org.junit.jupiter.api.Test;

class SignInThrottleFilterTest {

    static String basic(String text) {
        return "Basic " + Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void readsTheNameAndPasswordOfABasicHeaderUpToTheFirstColon() {
        assertThat(BasicCredentials.of(basic("hoa.nguyen:mật:khẩu")))
                .contains(new BasicCredentials("hoa.nguyen", "mật:khẩu"));
        assertThat(BasicCredentials.of("basic " + basic("xem:x").substring(6)))
                .contains(new BasicCredentials("xem", "x"));
    }

    @Test
    void anythingElseIsNoBasicCredentials() {
        assertThat(BasicCredentials.of(null)).isEmpty();
        assertThat(BasicCredentials.of("Bearer abc")).isEmpty();
        assertThat(BasicCredentials.of("Basic not-base64!")).isEmpty();
        assertThat(BasicCredentials.of(basic("no colon"))).isEmpty();
    }

    @Test
    void aNameIsLoggedWithoutLineBreaksAndCutShort() {
        assertThat(SignInThrottleFilter.printable("admin\nSign-in as \"admin\" accepted"))
                .isEqualTo("\"admin?Sign-in as \"admin\" accepted\"");
        assertThat(SignInThrottleFilter.printable("a".repeat(100))).isEqualTo("\"" + "a".repeat(64) + "…\"");
    }
}
