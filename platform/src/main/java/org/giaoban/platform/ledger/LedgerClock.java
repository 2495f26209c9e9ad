package org.giaoban.platform.ledger;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * How the ledger writes instants: ISO-8601 in UTC with exactly three decimals ({@code 2022-12-01T01:02:03.450Z}), so
 * that their text sorts as the time does and a range of them is a range of text.
 */
public final class LedgerClock {

    private static final DateTimeFormatter FORMAT =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private LedgerClock() {}

    public static String format(Instant instant) {
        return FORMAT.format(instant.truncatedTo(ChronoUnit.MILLIS));
    }

    /** Any ISO-8601 instant in the ledger's form; refuses text that is not one. */
    public static String normalized(String instant) {
        return format(Instant.parse(instant));
    }
}
