package org.giaoban.platform.web;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.giaoban.platform.problem.InvalidFieldException;

/**
 * The {@code If-Match} header of a write: the version the caller last read ({@code 3}, {@code "3"} or {@code W/"3"}).
 * Absent or {@code *} means the caller accepts whatever version is current.
 */
public final class IfMatch {

    public static final String HEADER = "If-Match";

    private static final Pattern VERSION = Pattern.compile("^(?:W/)?\"?(\\d{1,18})\"?$");

    private IfMatch() {}

    /** The expected version, or null when the caller did not ask for one. */
    public static Long expectedVersion(String header) {
        if (header == null || header.isBlank() || header.trim().equals("*")) {
            return null;
        }
        Matcher matcher = VERSION.matcher(header.trim());
        if (!matcher.matches()) {
            throw new InvalidFieldException(HEADER, "must be a version read from the record, such as \"3\"");
        }
        return Long.parseLong(matcher.group(1));
    }

    /** The entity tag of a version, as sent in {@code ETag}. */
    public static String entityTag(long version) {
        return "\"" + version + "\"";
    }
}
