package org.giaoban.gateway;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;

/** One user of each role, with bcrypt hashes of the lowest cost so that sign-in stays quick in tests. */
public final class TestUsers {

    public static final String PASSWORD = "mật khẩu đúng";
    public static final String IDENTITY_SECRET = "a test identity secret, longer than 32 bytes";

    public record User(String name, String role, String unitId) {

        public String basic() {
            return basic(PASSWORD);
        }

        public String basic(String password) {
            return "Basic "
                    + Base64.getEncoder().encodeToString((name + ":" + password).getBytes(StandardCharsets.UTF_8));
        }
    }

    public static final User ADMIN = new User("admin", "ADMIN", "HN");
    public static final User OFFICER = new User("hoa.nguyen", "OFFICER", "HN-HOANKIEM");
    public static final User AUDITOR = new User("kiem.toan", "AUDITOR", null);
    public static final User VIEWER = new User("xem", "VIEWER", "HN-LONGBIEN");

    private static final String HASH = new BCryptPasswordEncoder(4).encode(PASSWORD);

    private TestUsers() {}

    public static void register(DynamicPropertyRegistry properties, User... users) {
        for (int i = 0; i < users.length; i++) {
            User user = users[i];
            String prefix = "giaoban.gateway.users[" + i + "].";
            properties.add(prefix + "name", user::name);
            properties.add(prefix + "password-hash", () -> HASH);
            properties.add(prefix + "roles", user::role);
            if (user.unitId() != null) {
                properties.add(prefix + "unit-id", user::unitId);
            }
        }
        properties.add("giaoban.identity.secret", () -> IDENTITY_SECRET);
    }

    public static void registerAll(DynamicPropertyRegistry properties) {
        register(properties, ADMIN, OFFICER, AUDITOR, VIEWER);
    }
}
