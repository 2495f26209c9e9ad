package org.giaoban.training.api.plan;

import java.util.List;
import org.giaoban.training.api.trainingclass.Bloc;

/** One line of a plan: a label, the blocs it covers and the number of classes planned for them. */
public record PlanLine(String label, List<Bloc> blocs, int classes) {}
