package org.giaoban.reporting.briefing.query;

import java.util.Set;
import java.util.TreeSet;

/** The ids of every contest opened, so that a report finds them by {@code _id} rather than by a scan. */
public record ContestList(String id, Set<String> contestIds) implements Facts {

    public static final String ID = "contests";

    static ContestList empty() {
        return new ContestList(ID, new TreeSet<>());
    }
}
