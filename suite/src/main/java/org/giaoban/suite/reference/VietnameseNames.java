package org.giaoban.suite.reference;

import java.util.ArrayList;
import java.util.List;

/**
 * Made-up Vietnamese full names, family name first, a function of a person's number: the same number always gives
 * the same name. Family names come in roughly their frequency in Vietnam; middle and given names follow the gender.
 */
public final class VietnameseNames {

    private static final List<String> FAMILY = weighted(
            "Nguyễn", 38, "Trần", 11, "Lê", 10, "Phạm", 7, "Hoàng", 5, "Phan", 4, "Vũ", 4, "Đặng", 2, "Bùi", 2, "Đỗ", 2,
            "Hồ", 1, "Ngô", 1, "Dương", 1, "Lý", 1, "Đinh", 1, "Trịnh", 1, "Đào", 1, "Lương", 1);
    private static final String[] MALE_MIDDLE = {"Văn", "Đức", "Minh", "Quang", "Hữu", "Công", "Mạnh", "Tiến", "Xuân"};
    private static final String[] FEMALE_MIDDLE = {
        "Thị", "Thu", "Ngọc", "Thanh", "Hồng", "Phương", "Minh", "Thúy", "Kim"
    };
    private static final String[] MALE_GIVEN = {
        "Hùng", "Dũng", "Tuấn", "Nam", "Long", "Hải", "Sơn", "Thắng", "Cường", "Quân", "Hiếu", "Trung", "Khánh", "Việt",
        "Phong", "Đạt", "Bình", "Huy", "Kiên", "Tùng"
    };
    private static final String[] FEMALE_GIVEN = {
        "Hà", "Lan", "Hương", "Mai", "Linh", "Phương", "Hằng", "Trang", "Huyền", "Thảo", "Ngọc", "Yến", "Nga", "Hoa",
        "Thủy", "Vân", "Dung", "Loan", "Giang", "Anh"
    };

    private VietnameseNames() {}

    /** The full name of person {@code person}, whose gender follows from the number (even: male). */
    public static String of(int person) {
        return of(person, (mix(person) & 1) == 1);
    }

    public static String of(int person, boolean female) {
        long bits = mix(person);
        String family = FAMILY.get((int) Long.remainderUnsigned(bits, FAMILY.size()));
        String[] middles = female ? FEMALE_MIDDLE : MALE_MIDDLE;
        String[] givens = female ? FEMALE_GIVEN : MALE_GIVEN;
        String middle = middles[(int) Long.remainderUnsigned(bits >>> 20, middles.length)];
        String given = givens[(int) Long.remainderUnsigned(bits >>> 40, givens.length)];
        return family + " " + middle + " " + given;
    }

    /** A well-spread 64-bit function of the number (SplitMix64's finaliser). */
    static long mix(long value) {
        long z = value * 0x9E3779B97F4A7C15L + 0x632BE59BD9B4E019L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private static List<String> weighted(Object... namesAndWeights) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < namesAndWeights.length; i += 2) {
            for (int w = 0; w < (Integer) namesAndWeights[i + 1]; w++) {
                names.add((String) namesAndWeights[i]);
            }
        }
        return List.copyOf(names);
    }
}
