package org.giaoban.suite.reference;

import static org.giaoban.suite.reference.ReferenceUnits.BA_DINH;
import static org.giaoban.suite.reference.ReferenceUnits.CITY;
import static org.giaoban.suite.reference.ReferenceUnits.LONG_BIEN;
import static org.giaoban.suite.reference.ReferenceUnits.PHUC_THO;
import static org.giaoban.suite.reference.ReferenceUnits.QUOC_OAI;
import static org.giaoban.suite.reference.ReferenceUnits.SON_TAY;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.giaoban.suite.reference.DatasetPlan.PlanLine;
import org.giaoban.suite.reference.DatasetPlan.PlannedClass;
import org.giaoban.suite.reference.DatasetPlan.PlannedTrainingPlan;

/**
 * The training plans for 2022 of a few units, each grouping the blocs in its own way: Hoàn Kiếm's with the published
 * numbers, the others allowing for about a third more classes over the year than the unit held by the cut-off.
 */
final class TrainingPlanPlanner {

    private final Random random;

    TrainingPlanPlanner(Random random) {
        this.random = random;
    }

    List<PlannedTrainingPlan> plan(List<PlannedClass> classes) {
        Map<String, Map<Bloc, Integer>> held = new HashMap<>();
        for (PlannedClass planned : classes) {
            if (planned.cancellation() == null && !planned.startsOn().isAfter(ReferenceFigures.BRIEFING_TO)) {
                held.computeIfAbsent(planned.organizerUnitId(), unit -> new EnumMap<>(Bloc.class))
                        .merge(planned.bloc(), 1, Integer::sum);
            }
        }
        List<PlannedTrainingPlan> plans = new ArrayList<>();
        plans.add(new PlannedTrainingPlan(
                ReferenceFigures.HOAN_KIEM,
                2022,
                List.of(
                        new PlanLine(
                                "Khối Đảng và đoàn thể",
                                List.of(Bloc.PARTY, Bloc.MASS_ORGANISATIONS),
                                ReferenceFigures.HOAN_KIEM_PARTY_AND_MASS_CLASSES),
                        new PlanLine(
                                "Quản lý nhà nước", List.of(Bloc.STATE), ReferenceFigures.HOAN_KIEM_STATE_CLASSES))));
        plans.add(planAhead(
                held,
                CITY,
                List.of("Khối Đảng và đoàn thể", "Khối Nhà nước", "Lớp khác"),
                List.of(List.of(Bloc.PARTY, Bloc.MASS_ORGANISATIONS), List.of(Bloc.STATE), List.of(Bloc.OTHER))));
        plans.add(planAhead(
                held,
                LONG_BIEN,
                List.of("Khối Đảng", "Khối Đoàn thể", "Khối Nhà nước"),
                List.of(List.of(Bloc.PARTY), List.of(Bloc.MASS_ORGANISATIONS), List.of(Bloc.STATE))));
        plans.add(planAhead(
                held,
                QUOC_OAI,
                List.of("Khối Đảng và đoàn thể", "Quản lý nhà nước"),
                List.of(List.of(Bloc.PARTY, Bloc.MASS_ORGANISATIONS), List.of(Bloc.STATE))));
        plans.add(planAhead(
                held,
                PHUC_THO,
                List.of("Lý luận chính trị và nghiệp vụ công tác Đảng", "Đoàn thể và chính quyền cơ sở"),
                List.of(List.of(Bloc.PARTY), List.of(Bloc.MASS_ORGANISATIONS, Bloc.STATE))));
        plans.add(planAhead(
                held,
                BA_DINH,
                List.of("Khối Đảng", "Khối Đoàn thể", "Khối Nhà nước", "Lớp khác"),
                List.of(
                        List.of(Bloc.PARTY),
                        List.of(Bloc.MASS_ORGANISATIONS),
                        List.of(Bloc.STATE),
                        List.of(Bloc.OTHER))));
        plans.add(planAhead(
                held,
                SON_TAY,
                List.of("Các lớp bồi dưỡng năm 2022"),
                List.of(List.of(Bloc.PARTY, Bloc.MASS_ORGANISATIONS, Bloc.STATE, Bloc.OTHER))));
        return List.copyOf(plans);
    }

    /** A plan whose lines allow for about a third more classes over the year than were held by September. */
    private PlannedTrainingPlan planAhead(
            Map<String, Map<Bloc, Integer>> held, String unitId, List<String> labels, List<List<Bloc>> blocs) {
        Map<Bloc, Integer> ofUnit = held.getOrDefault(unitId, Map.of());
        List<PlanLine> lines = new ArrayList<>();
        for (int l = 0; l < labels.size(); l++) {
            int sum = blocs.get(l).stream()
                    .mapToInt(bloc -> ofUnit.getOrDefault(bloc, 0))
                    .sum();
            double factor = 1.25 + random.nextDouble() * 0.2;
            lines.add(new PlanLine(labels.get(l), blocs.get(l), Math.max(1, (int) Math.ceil(sum * factor))));
        }
        return new PlannedTrainingPlan(unitId, 2022, List.copyOf(lines));
    }
}
