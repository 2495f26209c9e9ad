/**
 * Training plans (kế hoạch đào tạo): the {@code TrainingPlan} aggregate, one per unit and year, recorded and replaced
 * by the same command ({@code command}); the plan read model with its total of classes ({@code query}); the REST
 * endpoints under {@code /api/training-plans/{unitId}/{year}} ({@code web}).
 */
package org.giaoban.training.plan;
