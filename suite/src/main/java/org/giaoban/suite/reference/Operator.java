package org.giaoban.suite.reference;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.giaoban.identity.Caller;
import org.giaoban.identity.IdentityHeader;
import org.giaoban.identity.IdentitySecret;
import org.giaoban.identity.IdentityTokens;
import org.giaoban.identity.Role;
import org.giaoban.units.UnitCatalogue;

/**
 * Who the suite's own tools (the reference dataset, the benchmarks) are when they call the services directly rather
 * than through the gateway: an administrator named after the tool, vouched for with the suite's shared secret, so the
 * events they cause record that tool as their actor. Only someone who holds the secret (an operator of the machine)
 * can run them against a service.
 */
public final class Operator {

    private final IdentityTokens tokens;
    private final Caller caller;

    private Operator(byte[] secret, String name) {
        this.tokens = new IdentityTokens(secret, Clock.systemUTC());
        this.caller = Caller.of(name, List.of(Role.ADMIN), UnitCatalogue.CITY_UNIT_ID);
    }

    /**
     * @param name the actor the events will name
     * @param dataDir the suite's data directory, whose {@value IdentityHeader#SECRET_FILE} holds the secret unless
     *     {@value IdentityHeader#SECRET_ENVIRONMENT_VARIABLE} gives it
     */
    public static Operator named(String name, Path dataDir) {
        return new Operator(
                IdentitySecret.resolve(System.getenv(IdentityHeader.SECRET_ENVIRONMENT_VARIABLE), dataDir), name);
    }

    public String name() {
        return caller.name();
    }

    /** A fresh value for {@value IdentityHeader#NAME}; each lasts ten seconds and serves once, so take one per request. */
    public String token() {
        return tokens.issue(caller);
    }
}
