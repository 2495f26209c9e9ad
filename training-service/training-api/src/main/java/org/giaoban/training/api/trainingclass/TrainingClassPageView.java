package org.giaoban.training.api.trainingclass;

import java.util.List;

/** One page of classes and how many match in all. */
public record TrainingClassPageView(List<TrainingClassView> items, int page, int size, long total) {}
