package org.giaoban.suite.reference;

import java.util.List;
import java.util.Map;
import java.util.Random;
import org.giaoban.units.Unit;
import org.giaoban.units.UnitCatalogue;
import org.giaoban.units.UnitKind;

/**
 * The units the reference dataset is spread over: the city commission, its districts and towns weighted by their
 * population, and its agencies; and how a title names each of them.
 */
final class ReferenceUnits {

    static final String CITY = UnitCatalogue.CITY_UNIT_ID;
    static final String LONG_BIEN = "HN-LONGBIEN";
    static final String QUOC_OAI = "HN-QUOCOAI";
    static final String PHUC_THO = "HN-PHUCTHO";
    static final String BA_DINH = "HN-BADINH";
    static final String SON_TAY = "HN-SONTAY";
    static final String RADIO_TELEVISION = "HN-DAIPTTH";
    static final String NEWSPAPER = "HN-BAOHANOIMOI";
    static final String CADRE_SCHOOL = "HN-TRUONGLEHONGPHONG";

    /** Population of the districts and towns in thousands, roughly as of 2022: it weights classes and contestants. */
    private static final Map<String, Integer> POPULATION = Map.ofEntries(
            Map.entry("HN-BADINH", 226),
            Map.entry("HN-HOANKIEM", 135),
            Map.entry("HN-TAYHO", 160),
            Map.entry("HN-LONGBIEN", 322),
            Map.entry("HN-CAUGIAY", 292),
            Map.entry("HN-DONGDA", 371),
            Map.entry("HN-HAIBATRUNG", 303),
            Map.entry("HN-HOANGMAI", 506),
            Map.entry("HN-THANHXUAN", 293),
            Map.entry("HN-NAMTULIEM", 264),
            Map.entry("HN-BACTULIEM", 335),
            Map.entry("HN-HADONG", 382),
            Map.entry("HN-SONTAY", 146),
            Map.entry("HN-BAVI", 305),
            Map.entry("HN-PHUCTHO", 185),
            Map.entry("HN-DANPHUONG", 166),
            Map.entry("HN-HOAIDUC", 276),
            Map.entry("HN-QUOCOAI", 203),
            Map.entry("HN-THACHTHAT", 210),
            Map.entry("HN-CHUONGMY", 337),
            Map.entry("HN-THANHOAI", 219),
            Map.entry("HN-THUONGTIN", 254),
            Map.entry("HN-PHUXUYEN", 229),
            Map.entry("HN-UNGHOA", 211),
            Map.entry("HN-MYDUC", 199),
            Map.entry("HN-SOCSON", 343),
            Map.entry("HN-DONGANH", 381),
            Map.entry("HN-GIALAM", 292),
            Map.entry("HN-MELINH", 241),
            Map.entry("HN-THANHTRI", 279));

    private static final String[][] COMMISSION_PREFIXES = {
        {"Ban Tuyên giáo Quận ủy ", "quận "},
        {"Ban Tuyên giáo Huyện ủy ", "huyện "},
        {"Ban Tuyên giáo Thị ủy ", "thị xã "}
    };

    private final UnitCatalogue catalogue;
    private final List<String> districts;
    private final List<String> agencies;

    ReferenceUnits(UnitCatalogue catalogue) {
        this.catalogue = catalogue;
        this.districts = catalogue.all().stream()
                .filter(unit -> unit.kind() == UnitKind.DISTRICT || unit.kind() == UnitKind.TOWN)
                .map(Unit::id)
                .toList();
        this.agencies = catalogue.all().stream()
                .filter(unit -> unit.kind() == UnitKind.AGENCY)
                .map(Unit::id)
                .toList();
        for (String district : districts) {
            if (!POPULATION.containsKey(district)) {
                throw new IllegalArgumentException("No population is known for " + district);
            }
        }
    }

    /** Every unit of the catalogue, in its order. */
    List<String> all() {
        return catalogue.all().stream().map(Unit::id).toList();
    }

    /** The district and town commissions, in the catalogue's order. */
    List<String> districts() {
        return districts;
    }

    List<String> agencies() {
        return agencies;
    }

    Unit unit(String unitId) {
        return catalogue.find(unitId).orElseThrow();
    }

    /** The population of a district or town, in thousands. */
    int population(String district) {
        return POPULATION.get(district);
    }

    /** Weights of units by the square root of their population, varied by up to a third either way. */
    double[] weightsOf(List<String> units, Random random) {
        double[] weights = new double[units.size()];
        for (int i = 0; i < units.size(); i++) {
            weights[i] = Math.sqrt(POPULATION.getOrDefault(units.get(i), 100)) * (0.7 + 0.6 * random.nextDouble());
        }
        return weights;
    }

    /** How a unit is named inside a title: {@code quận Hoàn Kiếm}, {@code huyện Quốc Oai}, {@code thị xã Sơn Tây}. */
    String placeOf(String unitId) {
        Unit unit = unit(unitId);
        String name = unit.name();
        if (unit.kind() == UnitKind.CITY) {
            return "Thành ủy Hà Nội";
        }
        if (unit.kind() == UnitKind.AGENCY) {
            return name;
        }
        for (String[] prefix : COMMISSION_PREFIXES) {
            if (name.startsWith(prefix[0])) {
                return prefix[1] + name.substring(prefix[0].length());
            }
        }
        return name;
    }
}
