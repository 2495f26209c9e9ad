package org.giaoban.suite.reference;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The working days of 2022 in Vietnam, and the dates the reference dataset is laid out against. */
final class ReferenceCalendar {

    /** The first day after both periods the figures are read over: what is dated from here on is never counted. */
    static final LocalDate AFTER_BOTH_PERIODS = ReferenceFigures.NINE_MONTHS_TO.plusDays(1);

    static final LocalDate YEAR_END = LocalDate.of(2022, 12, 31);

    /** Public holidays of 2022 that fall on a weekday: New Year, Tết, the Hùng Kings, 30 April and 1 May, 2 September. */
    private static final Set<LocalDate> HOLIDAYS = Set.of(
            LocalDate.of(2022, 1, 3),
            LocalDate.of(2022, 1, 31),
            LocalDate.of(2022, 2, 1),
            LocalDate.of(2022, 2, 2),
            LocalDate.of(2022, 2, 3),
            LocalDate.of(2022, 2, 4),
            LocalDate.of(2022, 4, 11),
            LocalDate.of(2022, 5, 2),
            LocalDate.of(2022, 5, 3),
            LocalDate.of(2022, 9, 1),
            LocalDate.of(2022, 9, 2));

    private static final String[] QUARTERS = {"I", "II", "III", "IV"};

    private ReferenceCalendar() {}

    static boolean isWorkingDay(LocalDate day) {
        return day.getDayOfWeek() != DayOfWeek.SATURDAY
                && day.getDayOfWeek() != DayOfWeek.SUNDAY
                && !HOLIDAYS.contains(day);
    }

    /** The working days from {@code from} to {@code to}, both included, in order. */
    static List<LocalDate> workingDays(LocalDate from, LocalDate to) {
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            if (isWorkingDay(day)) {
                days.add(day);
            }
        }
        return days;
    }

    /** {@code day} if it is a working day, else the last working day before it. */
    static LocalDate workingDayOnOrBefore(LocalDate day) {
        LocalDate working = day;
        while (!isWorkingDay(working)) {
            working = working.minusDays(1);
        }
        return working;
    }

    /** The quarter of the date as titles write it: I to IV. */
    static String quarterOf(LocalDate date) {
        return QUARTERS[(date.getMonthValue() - 1) / 3];
    }
}
