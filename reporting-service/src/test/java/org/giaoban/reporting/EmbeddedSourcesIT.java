package org.giaoban.reporting;

/** The services' embedded event stores: H2 files, which their owner serves to reporting-service. */
class EmbeddedSourcesIT extends BriefingReportContract {

    @Override
    String tasksUrl() {
        return "jdbc:h2:file:" + dataDir.resolve("tasks-service/events");
    }

    @Override
    String trainingUrl() {
        return "jdbc:h2:file:" + dataDir.resolve("training-service/events");
    }

    @Override
    String user() {
        return "sa";
    }
}
