/**
 * Online contests (cuộc thi trực tuyến): the {@code Contest} aggregate, which only opens a contest, and the stateless
 * recorder of its entries, which keeps no aggregate that grows with them ({@code command}); the contest summary with
 * its counters of entries and distinct participants ({@code query}); the REST endpoints under {@code /api/contests}
 * ({@code web}).
 */
package org.giaoban.training.contest;
