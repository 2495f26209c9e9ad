package org.giaoban.units;

/** One unit of the commission's organisation; {@code parentId} is null for the city commission. */
public record Unit(String id, String name, UnitKind kind, String parentId) {}
