package org.giaoban.units;

/** What sort of unit a unit is: the city commission, a district or town commission, or an agency. */
public enum UnitKind {
    CITY,
    DISTRICT,
    TOWN,
    AGENCY
}
