package org.giaoban.units;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class UnitCatalogueTest {

    private final UnitCatalogue hanoi = UnitCatalogue.hanoi();

    @Test
    void hanoiHasTheCityCommissionAndThirtyDistrictsAndTowns() {
        assertThat(hanoi.find("HN")).get().extracting(Unit::kind).isEqualTo(UnitKind.CITY);
        assertThat(hanoi.all())
                .filteredOn(unit -> unit.kind() == UnitKind.DISTRICT || unit.kind() == UnitKind.TOWN)
                .hasSize(30)
                .allSatisfy(unit -> assertThat(unit.parentId()).isEqualTo("HN"));
    }

    @Test
    void unitsNamedInTheReferenceReportKeepTheirVietnameseNames() {
        assertThat(hanoi.find("HN-HOANKIEM"))
                .get()
                .extracting(Unit::name)
                .isEqualTo("Ban Tuyên giáo Quận ủy Hoàn Kiếm");
        assertThat(hanoi.find("HN-QUOCOAI")).get().extracting(Unit::name).isEqualTo("Ban Tuyên giáo Huyện ủy Quốc Oai");
        assertThat(hanoi.find("HN-SONTAY")).get().extracting(Unit::kind).isEqualTo(UnitKind.TOWN);
        assertThat(hanoi.find("HN-LONGBIEN")).isPresent();
        assertThat(hanoi.find("HN-PHUCTHO")).isPresent();
        assertThat(hanoi.find("HN-DAIPTTH")).get().extracting(Unit::kind).isEqualTo(UnitKind.AGENCY);
    }

    @Test
    void theCityCoversEveryUnitAndADistrictOnlyItself() {
        assertThat(hanoi.selfAndDescendants("HN")).hasSize(hanoi.all().size());
        assertThat(hanoi.selfAndDescendants("HN-HOANKIEM")).containsExactly("HN-HOANKIEM");
        assertThat(hanoi.isWithin("HN-HOANKIEM", "HN")).isTrue();
        assertThat(hanoi.isWithin("HN", "HN-HOANKIEM")).isFalse();
        assertThat(hanoi.isWithin("HN-LONGBIEN", "HN-HOANKIEM")).isFalse();
    }

    @Test
    void unknownUnitsAreNotInTheCatalogue() {
        assertThat(hanoi.contains("HN-ATLANTIS")).isFalse();
        assertThat(hanoi.contains(null)).isFalse();
        assertThat(hanoi.selfAndDescendants("HN-ATLANTIS")).isEmpty();
    }

    @Test
    void refusesACatalogueWithAnUnknownParent() {
        assertThatThrownBy(() -> new UnitCatalogue(List.of(new Unit("A", "A", UnitKind.DISTRICT, "B"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown parent B");
    }
}
