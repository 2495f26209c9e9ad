package org.giaoban.identity;

import java.util.Optional;

/**
 * What each role may do by the path and method alone (API.md, "Identity and roles"), checked alike by the gateway and
 * by each service, so a request that reaches a service by another road gets no more:
 *
 * <ul>
 *   <li>{@code /api/admin/**}: ADMIN only.
 *   <li>{@code /api/personal-data/**} (erasures of a person's data): ADMIN only.
 *   <li>{@code /api/audit/**}: ADMIN, or AUDITOR for reads.
 *   <li>Reads (GET, HEAD) elsewhere: any role.
 *   <li>Writes (any other method): ADMIN or OFFICER. VIEWER and AUDITOR only read.
 * </ul>
 *
 * Which units an officer may write for needs the record's unit, and is the services' to check.
 */
public final class RoleRules {

    private RoleRules() {}

    /**
     * @param method the HTTP method, e.g. {@code GET}
     * @param path the decoded, normalised path, e.g. {@code /api/tasks}
     * @return why the caller may not do this, or empty when it may
     */
    public static Optional<String> refusal(Caller caller, String method, String path) {
        boolean read = "GET".equals(method) || "HEAD".equals(method);
        if (caller.has(Role.ADMIN)) {
            return Optional.empty();
        }
        if (under(path, "/api/admin")) {
            return Optional.of("Only an ADMIN may use " + path + ".");
        }
        if (under(path, "/api/personal-data")) {
            return Optional.of("Only an ADMIN may use " + path + ".");
        }
        if (under(path, "/api/audit")) {
            return caller.has(Role.AUDITOR) && read
                    ? Optional.empty()
                    : Optional.of("Only an AUDITOR or an ADMIN may read " + path + ".");
        }
        if (read) {
            return Optional.empty();
        }
        return caller.has(Role.OFFICER)
                ? Optional.empty()
                : Optional.of("A "
                        + String.join(
                                " or ", caller.roles().stream().map(Role::name).toList())
                        + " may only read (GET, HEAD); " + method + " needs an OFFICER or an ADMIN.");
    }

    private static boolean under(String path, String prefix) {
        return path.equals(prefix) || path.startsWith(prefix + "/");
    }
}
