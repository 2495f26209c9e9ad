package org.giaoban.tasks.unit.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.giaoban.units.Unit;
import org.giaoban.units.UnitCatalogue;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/units}: the catalogue of units, the city commission first. */
@RestController
@Tag(
        name = "Units",
        description = "The commission's organisation: the city commission HN, its 30 district and town commissions and"
                + " its agencies, each naming the unit it is under.")
class UnitController {

    private final UnitCatalogue units;

    UnitController(UnitCatalogue units) {
        this.units = units;
    }

    @GetMapping("/api/units")
    @Operation(
            operationId = "listUnits",
            summary = "List the units",
            description = "Every unit, the city commission first; build the tree from parentId.")
    List<Unit> all() {
        return units.all();
    }
}
