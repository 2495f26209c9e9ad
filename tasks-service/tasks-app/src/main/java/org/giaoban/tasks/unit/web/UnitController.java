package org.giaoban.tasks.unit.web;

import java.util.List;
import org.giaoban.units.Unit;
import org.giaoban.units.UnitCatalogue;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/units}: the catalogue of units, the city commission first. */
@RestController
class UnitController {

    private final UnitCatalogue units;

    UnitController(UnitCatalogue units) {
        this.units = units;
    }

    @GetMapping("/api/units")
    List<Unit> all() {
        return units.all();
    }
}
