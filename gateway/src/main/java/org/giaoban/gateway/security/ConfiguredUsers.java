package org.giaoban.gateway.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.giaoban.gateway.GatewaySettings;
import org.giaoban.identity.Caller;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * HTTP Basic against the users of {@code giaoban.gateway.users}, whose passwords are kept as bcrypt hashes.
 *
 * <p>A browser sends the same credentials with every request, and one bcrypt check costs tens of milliseconds of CPU,
 * so a successful check is remembered for {@link #REMEMBERED_FOR} under an HMAC of the name and password with a key
 * made at start and never stored. An unknown user costs a bcrypt check too, so that the time taken does not tell which
 * names exist.
 */
public class ConfiguredUsers implements ReactiveAuthenticationManager {

    static final Duration REMEMBERED_FOR = Duration.ofMinutes(5);
    static final Duration WAIT_FOR_A_CHECK = Duration.ofSeconds(3);
    private static final int MAX_REMEMBERED = 10_000;
    private static final Pattern BCRYPT = Pattern.compile("\\$2[aby]?\\$\\d\\d\\$[./0-9A-Za-z]{53}");

    private final Map<String, User> usersByName;
    private final BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder();
    private final String unknownUserHash;
    private final Clock clock;
    private final SecretKeySpec rememberKey;
    private final Map<String, Remembered> remembered = new ConcurrentHashMap<>();
    private final Semaphore checks;
    private final Duration waitForACheck;

    private record User(Caller caller, String passwordHash) {}

    private record Remembered(Caller caller, Instant until) {}

    public ConfiguredUsers(List<GatewaySettings.User> users, Callers callers, Clock clock) {
        this(users, callers, clock, Runtime.getRuntime().availableProcessors(), WAIT_FOR_A_CHECK);
    }

    /**
     * @param concurrentChecks how many bcrypt checks may run at once; a sign-in that finds them all busy for
     *     {@code waitForACheck} is refused with {@link SignInsBusyException}, so that a flood of sign-ins cannot keep
     *     every core hashing
     */
    public ConfiguredUsers(
            List<GatewaySettings.User> users,
            Callers callers,
            Clock clock,
            int concurrentChecks,
            Duration waitForACheck) {
        this(users, callers, clock, new Semaphore(concurrentChecks, true), waitForACheck);
    }

    ConfiguredUsers(
            List<GatewaySettings.User> users, Callers callers, Clock clock, Semaphore checks, Duration waitForACheck) {
        Map<String, User> byName = new LinkedHashMap<>();
        for (GatewaySettings.User user : users) {
            if (!BCRYPT.matcher(user.passwordHash()).matches()) {
                throw new IllegalArgumentException("giaoban.gateway.users: the password hash of " + user.name()
                        + " is not a bcrypt hash ($2a$10$... or $2y$10$..., 60 characters)");
            }
            Caller caller;
            try {
                caller = callers.caller(user.name(), user.roles(), user.unitId());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("giaoban.gateway.users: " + e.getMessage(), e);
            }
            if (byName.putIfAbsent(user.name(), new User(caller, user.passwordHash())) != null) {
                throw new IllegalArgumentException("giaoban.gateway.users: " + user.name() + " is listed twice");
            }
        }
        this.usersByName = Map.copyOf(byName);
        this.unknownUserHash = bcrypt.encode("no such user");
        this.clock = clock;
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        this.rememberKey = new SecretKeySpec(key, "HmacSHA256");
        this.checks = checks;
        this.waitForACheck = waitForACheck;
    }

    public int size() {
        return usersByName.size();
    }

    @Override
    public Mono<Authentication> authenticate(Authentication authentication) {
        String name = authentication.getName();
        String password = String.valueOf(authentication.getCredentials());
        String key = rememberKey(name, password);
        Remembered known = remembered.get(key);
        Instant now = clock.instant();
        if (known != null && now.isBefore(known.until())) {
            return Mono.just(new CallerAuthentication(known.caller()));
        }
        User user = usersByName.get(name);
        return Mono.fromCallable(() -> checked(password, user != null ? user.passwordHash() : unknownUserHash))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(matches -> {
                    if (!matches || user == null) {
                        return Mono.error(new BadCredentialsException("The user name or password is not right."));
                    }
                    remember(key, user.caller(), now);
                    return Mono.just(new CallerAuthentication(user.caller()));
                });
    }

    /** Whether this name and password signed in successfully within {@link #REMEMBERED_FOR}. */
    public boolean recentlyChecked(String name, String password) {
        Remembered known = remembered.get(rememberKey(name, password));
        return known != null && clock.instant().isBefore(known.until());
    }

    private boolean checked(String password, String hash) throws InterruptedException {
        if (!checks.tryAcquire(waitForACheck.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new SignInsBusyException();
        }
        try {
            return bcrypt.matches(password, hash);
        } finally {
            checks.release();
        }
    }

    private void remember(String key, Caller caller, Instant now) {
        if (remembered.size() >= MAX_REMEMBERED) {
            remembered.clear();
        }
        remembered.put(key, new Remembered(caller, now.plus(REMEMBERED_FOR)));
    }

    private String rememberKey(String name, String password) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(rememberKey);
            mac.update(name.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return Base64.getEncoder().encodeToString(mac.doFinal(password.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
