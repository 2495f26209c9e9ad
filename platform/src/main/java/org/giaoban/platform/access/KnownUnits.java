package org.giaoban.platform.access;

import org.giaoban.platform.problem.InvalidFieldException;
import org.giaoban.units.UnitCatalogue;

/** The refusal of a unit the catalogue does not know, worded the same wherever a unit is named. */
public final class KnownUnits {

    private KnownUnits() {}

    /** @throws InvalidFieldException naming {@code field} when {@code unitId} is not in the catalogue */
    public static void requireKnown(UnitCatalogue units, String field, String unitId) {
        if (!units.contains(unitId)) {
            throw new InvalidFieldException(field, notKnown(unitId));
        }
    }

    /** For a refusal that is collected rather than thrown: one entry of a batch, one field among several. */
    public static String notKnown(String unitId) {
        return "'" + unitId + "' is not a known unit";
    }
}
