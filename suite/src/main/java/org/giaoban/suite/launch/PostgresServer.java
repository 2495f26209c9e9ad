package org.giaoban.suite.launch;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A PostgreSQL server as a JDBC URL names it, {@code jdbc:postgresql://HOST[:PORT][,HOST[:PORT]...]/[DATABASE][?PARAMS]},
 * and the URLs of the databases on it. The database in the URL is the one to connect to while creating the others
 * ({@code postgres} when the URL names none); the parameters (e.g. {@code sslmode}) are kept for every database. User
 * and password do not belong in the URL: they would override the accounts the launcher gives each service.
 *
 * @param hosts the host list as written, e.g. {@code 127.0.0.1:5432} or {@code db1:5432,db2:5432}
 * @param maintenanceDatabase the database to connect to while creating the others
 * @param parameters the URL's parameters without the {@code ?}, or empty
 */
public record PostgresServer(String hosts, String maintenanceDatabase, String parameters) {

    private static final String PREFIX = "jdbc:postgresql://";
    private static final Pattern HOST = Pattern.compile("(\\[[0-9A-Fa-f:.]+]|[A-Za-z0-9._-]+)(:(\\d{1,5}))?");
    private static final Pattern DATABASE = Pattern.compile("[A-Za-z_][A-Za-z0-9_$-]{0,62}");
    private static final Pattern PARAMETER = Pattern.compile("[A-Za-z][A-Za-z0-9_.-]*=[^&\\s]*");
    private static final List<String> ACCOUNT_PARAMETERS = List.of("user", "password");

    /** Reads a server URL; an {@link IllegalArgumentException} says what is wrong with it and how it should look. */
    public static PostgresServer parse(String url) {
        if (url == null || url.isBlank()) {
            throw wrong("is empty");
        }
        if (!url.equals(url.strip()) || url.chars().anyMatch(Character::isWhitespace)) {
            throw wrong("contains white space");
        }
        if (!url.startsWith(PREFIX)) {
            throw wrong("'" + url + "' is not a PostgreSQL server's JDBC URL");
        }
        String rest = url.substring(PREFIX.length());
        String parameters = "";
        int question = rest.indexOf('?');
        if (question >= 0) {
            parameters = rest.substring(question + 1);
            rest = rest.substring(0, question);
        }
        int slash = rest.indexOf('/');
        String hosts = slash < 0 ? rest : rest.substring(0, slash);
        String database = slash < 0 ? "" : rest.substring(slash + 1);
        checkHosts(url, hosts);
        if (database.isEmpty()) {
            database = "postgres";
        } else if (!DATABASE.matcher(database).matches()) {
            throw wrong("'" + url + "' names the database '" + database + "'; give a plain name or none");
        }
        checkParameters(url, parameters);
        return new PostgresServer(hosts, database, parameters);
    }

    /** The JDBC URL of {@code database} on this server, with the server URL's parameters. */
    public String databaseUrl(String database) {
        if (!DATABASE.matcher(database).matches()) {
            throw new IllegalArgumentException("'" + database + "' is not a plain database name");
        }
        return PREFIX + hosts + "/" + database + (parameters.isEmpty() ? "" : "?" + parameters);
    }

    /** The URL of the database to connect to while creating the others. */
    public String maintenanceUrl() {
        return databaseUrl(maintenanceDatabase);
    }

    private static void checkHosts(String url, String hosts) {
        if (hosts.isEmpty()) {
            throw wrong("'" + url + "' names no host");
        }
        List<String> wrongHosts = new ArrayList<>();
        for (String host : hosts.split(",", -1)) {
            var matcher = HOST.matcher(host);
            if (!matcher.matches()) {
                wrongHosts.add("'" + host + "'");
            } else if (matcher.group(3) != null) {
                int port = Integer.parseInt(matcher.group(3));
                if (port < 1 || port > 65_535) {
                    wrongHosts.add("'" + host + "' (port out of range)");
                }
            }
        }
        if (!wrongHosts.isEmpty()) {
            throw wrong("'" + url + "' has a host that is not HOST or HOST:PORT: " + String.join(", ", wrongHosts));
        }
    }

    private static void checkParameters(String url, String parameters) {
        if (parameters.isEmpty()) {
            return;
        }
        for (String parameter : parameters.split("&", -1)) {
            if (!PARAMETER.matcher(parameter).matches()) {
                throw wrong("'" + url + "' has a parameter that is not NAME=VALUE: '" + parameter + "'");
            }
            String name = parameter.substring(0, parameter.indexOf('=')).toLowerCase(Locale.ROOT);
            if (ACCOUNT_PARAMETERS.contains(name)) {
                throw wrong("'" + url + "' sets " + name + "; set GIAOBAN_POSTGRES_USER and GIAOBAN_POSTGRES_PASSWORD"
                        + " instead, so that each service can be given its own account");
            }
        }
    }

    private static IllegalArgumentException wrong(String what) {
        return new IllegalArgumentException(
                "GIAOBAN_POSTGRES_URL " + what
                        + ": expected a PostgreSQL server as jdbc:postgresql://HOST[:PORT]/, e.g. jdbc:postgresql://127.0.0.1:5432/");
    }
}
