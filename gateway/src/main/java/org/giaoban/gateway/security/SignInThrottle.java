package org.giaoban.gateway.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Failed HTTP Basic sign-ins, counted per user name and per client address, and the back-off they earn: after
 * {@code freeFailures} failures in a row, each further failure shuts the name (or the address) out for twice as long as
 * the one before, from {@code firstLockout} up to {@code longestLockout}. While shut out, a sign-in is refused before
 * its password is checked, so that guessing costs the guesser time and the gateway no bcrypt. A name's count ends with
 * a successful sign-in; any count is forgotten after {@code forgetAfter} without a failure.
 *
 * <p>Counted in this process: several gateways each count on their own. Shutting out a name also shuts out its owner
 * while it lasts; the back-off is short at first so that a mistyping user barely notices, and capped so that nobody
 * can lock a name for long.
 */
public final class SignInThrottle {

    /** Beyond this many names and addresses remembered, those not failing lately are dropped first. */
    private static final int MAX_REMEMBERED = 100_000;

    private final int freeFailures;
    private final Duration firstLockout;
    private final Duration longestLockout;
    private final Duration forgetAfter;
    private final Clock clock;
    private final Map<String, Failures> failures = new ConcurrentHashMap<>();

    /** The failures in a row of one name or address, the last one's instant, and the end of its lockout. */
    private record Failures(int inARow, Instant last, Instant lockedUntil) {}

    public SignInThrottle(
            int freeFailures, Duration firstLockout, Duration longestLockout, Duration forgetAfter, Clock clock) {
        if (freeFailures < 1 || firstLockout.isNegative() || firstLockout.isZero()) {
            throw new IllegalArgumentException("at least one free failure and a first lockout above zero");
        }
        if (longestLockout.compareTo(firstLockout) < 0) {
            throw new IllegalArgumentException("the longest lockout is shorter than the first");
        }
        this.freeFailures = freeFailures;
        this.firstLockout = firstLockout;
        this.longestLockout = longestLockout;
        this.forgetAfter = forgetAfter;
        this.clock = clock;
    }

    /** How long a sign-in as {@code name} from {@code address} must wait, or empty when it may be checked now. */
    public Optional<Duration> waitBeforeChecking(String name, String address) {
        Instant now = clock.instant();
        Duration wait = max(remaining(userKey(name), now), remaining(addressKey(address), now));
        return wait.isZero() ? Optional.empty() : Optional.of(wait);
    }

    /** Counts a wrong password (or an unknown name) against both; returns the failures in a row of the name. */
    public int failed(String name, String address) {
        Instant now = clock.instant();
        if (failures.size() >= MAX_REMEMBERED) {
            forgetQuiet(now);
        }
        count(addressKey(address), now);
        return count(userKey(name), now).inARow();
    }

    /** The name signed in: its count starts again. The address keeps its count, which fades on its own. */
    public void succeeded(String name) {
        failures.remove(userKey(name));
    }

    private Failures count(String key, Instant now) {
        return failures.compute(key, (ignored, before) -> {
            int inARow = before == null || forgotten(before, now) ? 1 : before.inARow() + 1;
            Instant lockedUntil = inARow > freeFailures ? now.plus(lockout(inARow - freeFailures)) : now;
            return new Failures(inARow, now, lockedUntil);
        });
    }

    /** The lockout after the {@code n}th failure beyond the free ones: first, then doubling, up to the longest. */
    Duration lockout(int n) {
        Duration lockout = firstLockout;
        for (int i = 1; i < n && lockout.compareTo(longestLockout) < 0; i++) {
            lockout = lockout.multipliedBy(2);
        }
        return lockout.compareTo(longestLockout) > 0 ? longestLockout : lockout;
    }

    private Duration remaining(String key, Instant now) {
        Failures found = failures.get(key);
        if (found == null || !now.isBefore(found.lockedUntil())) {
            return Duration.ZERO;
        }
        return Duration.between(now, found.lockedUntil());
    }

    private boolean forgotten(Failures failures, Instant now) {
        return !now.isBefore(failures.last().plus(forgetAfter)) && !now.isBefore(failures.lockedUntil());
    }

    private void forgetQuiet(Instant now) {
        failures.values().removeIf(found -> forgotten(found, now));
        if (failures.size() >= MAX_REMEMBERED) {
            // A flood of fresh names: dropping counts only shortens lockouts, it never locks anyone out.
            failures.clear();
        }
    }

    private static Duration max(Duration one, Duration other) {
        return one.compareTo(other) >= 0 ? one : other;
    }

    private static String userKey(String name) {
        return "user:" + name;
    }

    private static String addressKey(String address) {
        return "address:" + address;
    }
}
