package org.giaoban.platform.web;

import java.util.Set;
import org.giaoban.platform.access.KnownUnits;
import org.giaoban.units.UnitCatalogue;

/** The unit filter of a list (API.md): a unit stands for itself and every unit under it. */
public final class UnitFilter {

    private UnitFilter() {}

    /**
     * @param field the query parameter that named the unit, for the error
     * @param unitId the unit asked for, or null for no filter
     * @return the unit and the units under it, or null when no unit was asked for
     * @throws org.giaoban.platform.problem.InvalidFieldException when the unit is not in the catalogue
     */
    public static Set<String> selfAndUnitsUnder(UnitCatalogue units, String field, String unitId) {
        if (unitId == null) {
            return null;
        }
        KnownUnits.requireKnown(units, field, unitId);
        return units.selfAndDescendants(unitId);
    }
}
