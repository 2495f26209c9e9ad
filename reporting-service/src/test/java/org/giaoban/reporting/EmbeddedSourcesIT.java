package org.giaoban.reporting;

/** The services' embedded event stores: H2 files, opened by reporting-service through H2's automatic server mode. */
class EmbeddedSourcesIT extends BriefingReportContract {

    @Override
    String tasksUrl() {
        return "jdbc:h2:file:" + dataDir.resolve("tasks-service/events") + ";AUTO_SERVER=TRUE";
    }

    @Override
    String trainingUrl() {
        return "jdbc:h2:file:" + dataDir.resolve("training-service/events") + ";AUTO_SERVER=TRUE";
    }

    @Override
    String user() {
        return "sa";
    }
}
