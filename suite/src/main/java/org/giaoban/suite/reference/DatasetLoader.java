package org.giaoban.suite.reference;

import static org.giaoban.suite.reference.ServiceClient.object;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.giaoban.suite.reference.DatasetPlan.Correction;
import org.giaoban.suite.reference.DatasetPlan.EnrolmentMode;
import org.giaoban.suite.reference.DatasetPlan.Learner;
import org.giaoban.suite.reference.DatasetPlan.PlannedClass;
import org.giaoban.suite.reference.DatasetPlan.PlannedDocument;
import org.giaoban.suite.reference.DatasetPlan.PlannedTask;
import org.giaoban.suite.reference.DatasetPlan.PlannedTrainingPlan;
import org.giaoban.suite.reference.DatasetPlan.TaskStep;

/**
 * Sends a {@link DatasetPlan} to tasks-service and training-service through their public APIs, part by part, with up
 * to {@code concurrency} requests at a time within a part, and stops at the first refusal. The records of one work
 * item, document or class are sent in order by one worker; different records go in parallel. The meeting instant is
 * taken after the main load and before the corrections.
 */
final class DatasetLoader {

    /** How long one part took and what it sent. */
    record Part(String name, String summary, Duration took) {}

    /** What the load did: its parts, the ids the services gave, the meeting instant. */
    record Result(List<Part> parts, String contestId, Instant meetingInstant) {}

    static final int MAX_BATCH = 10_000;

    private final ServiceClient tasks;
    private final ServiceClient training;
    private final int concurrency;
    private final PrintStream out;
    private final Map<String, String> taskIds = new ConcurrentHashMap<>();
    private final Map<String, String> classIds = new ConcurrentHashMap<>();
    private final List<Part> parts = new ArrayList<>();

    DatasetLoader(ServiceClient tasks, ServiceClient training, int concurrency, PrintStream out) {
        this.tasks = tasks;
        this.training = training;
        this.concurrency = concurrency;
        this.out = out;
    }

    Result load(DatasetPlan plan) {
        loadTasks(plan.tasks());
        loadDocuments(plan.documents());
        loadClasses(plan.classes());
        loadPlans(plan.trainingPlans());
        String contestId = plan.contest() == null ? null : loadContest(plan.contest());
        pause();
        Instant meetingInstant = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        out.println("meeting instant: " + meetingInstant);
        pause();
        loadCorrections(plan.corrections());
        return new Result(List.copyOf(parts), contestId, meetingInstant);
    }

    private void loadTasks(List<PlannedTask> planned) {
        long start = System.nanoTime();
        AtomicInteger changes = new AtomicInteger();
        inParallel("work items", planned, task -> {
            JsonNode created = tasks.post(
                    "/api/tasks",
                    object(
                            "programme", task.programme(),
                            "title", task.title(),
                            "unitId", task.unitId(),
                            "dueOn", task.dueOn(),
                            "description", task.description()),
                    201);
            String taskId = created.path("id").asText();
            taskIds.put(task.key(), taskId);
            for (TaskStep step : task.steps()) {
                change(taskId, step);
                changes.incrementAndGet();
            }
        });
        finish(
                "work items",
                String.format(Locale.ROOT, "%,d planned, %,d changed afterwards", planned.size(), changes.get()),
                start);
    }

    private void change(String taskId, TaskStep step) {
        String path = "/api/tasks/" + taskId;
        if (step instanceof TaskStep.Complete complete) {
            tasks.post(path + "/complete", object("completedOn", complete.completedOn(), "note", complete.note()), 200);
        } else if (step instanceof TaskStep.Reopen reopen) {
            tasks.post(path + "/reopen", object("reason", reopen.reason()), 200);
        } else if (step instanceof TaskStep.Reschedule reschedule) {
            tasks.post(path + "/reschedule", object("dueOn", reschedule.dueOn(), "reason", reschedule.reason()), 200);
        } else if (step instanceof TaskStep.Cancel cancel) {
            tasks.post(path + "/cancel", object("reason", cancel.reason()), 200);
        }
    }

    private void loadDocuments(List<PlannedDocument> planned) {
        long start = System.nanoTime();
        AtomicInteger revoked = new AtomicInteger();
        inParallel("documents", planned, document -> {
            JsonNode created = tasks.post(
                    "/api/documents",
                    object(
                            "number", document.number(),
                            "title", document.title(),
                            "kind", document.kind(),
                            "unitId", document.unitId(),
                            "issuedOn", document.issuedOn(),
                            "taskId", document.taskKey() == null ? null : taskIds.get(document.taskKey())),
                    201);
            if (document.revocation() != null) {
                tasks.post(
                        "/api/documents/" + created.path("id").asText() + "/revoke",
                        object("reason", document.revocation()),
                        200);
                revoked.incrementAndGet();
            }
        });
        finish(
                "documents",
                String.format(Locale.ROOT, "%,d issued, %,d of them revoked", planned.size(), revoked.get()),
                start);
    }

    private void loadClasses(List<PlannedClass> planned) {
        long start = System.nanoTime();
        AtomicLong enrolled = new AtomicLong();
        AtomicLong withdrawn = new AtomicLong();
        AtomicInteger cancelled = new AtomicInteger();
        inParallel("classes", planned, trainingClass -> {
            openAndEnrol(trainingClass);
            enrolled.addAndGet(trainingClass.learners().size());
            for (String learnerId : trainingClass.withdrawals()) {
                withdraw(trainingClass.key(), learnerId);
            }
            withdrawn.addAndGet(trainingClass.withdrawals().size());
            if (trainingClass.cancellation() != null) {
                cancel(trainingClass.key(), trainingClass.cancellation());
                cancelled.incrementAndGet();
            }
        });
        finish(
                "classes",
                String.format(
                        Locale.ROOT,
                        "%,d opened (%,d of them cancelled), %,d learners enrolled, %,d withdrawn",
                        planned.size(),
                        cancelled.get(),
                        enrolled.get(),
                        withdrawn.get()),
                start);
    }

    private void openAndEnrol(PlannedClass planned) {
        JsonNode created = training.post(
                "/api/classes",
                object(
                        "title", planned.title(),
                        "organizerUnitId", planned.organizerUnitId(),
                        "bloc", planned.bloc(),
                        "format", planned.format(),
                        "startsOn", planned.startsOn(),
                        "endsOn", planned.endsOn(),
                        "capacity", planned.capacity()),
                201);
        String classId = created.path("id").asText();
        classIds.put(planned.key(), classId);
        String path = "/api/classes/" + classId + "/enrolments";
        if (planned.enrolment() == EnrolmentMode.ONE_BY_ONE) {
            for (Learner learner : planned.learners()) {
                training.post(path, learner, 201);
            }
            return;
        }
        List<Learner> learners = planned.learners();
        for (int from = 0; from < learners.size(); from += MAX_BATCH) {
            List<Learner> batch = learners.subList(from, Math.min(learners.size(), from + MAX_BATCH));
            JsonNode outcome = planned.enrolment() == EnrolmentMode.CSV
                    ? training.postCsv(path + "/batch", csvOf(batch), 200)
                    : training.post(path + "/batch", object("learners", batch), 200);
            if (outcome.path("accepted").asInt() != batch.size()
                    || outcome.path("rejected").size() > 0
                    || outcome.path("duplicates").asInt() > 0) {
                throw new LoadFailure("POST " + training.baseUrl() + path + "/batch enrolled "
                        + outcome.path("accepted").asInt() + " of " + batch.size() + " learners:\n" + outcome);
            }
        }
    }

    private void withdraw(String classKey, String learnerId) {
        training.delete(
                "/api/classes/" + classIds.get(classKey) + "/enrolments/"
                        + URLEncoder.encode(learnerId, StandardCharsets.UTF_8),
                204);
    }

    private void cancel(String classKey, String reason) {
        training.post("/api/classes/" + classIds.get(classKey) + "/cancel", object("reason", reason), 200);
    }

    /** A class list as a spreadsheet would save it: the header, then one learner a line, quoted where needed. */
    static String csvOf(List<Learner> learners) {
        StringBuilder csv = new StringBuilder(learners.size() * 48).append("learnerId,fullName,unitId\r\n");
        for (Learner learner : learners) {
            csv.append(csvField(learner.learnerId()))
                    .append(',')
                    .append(csvField(learner.fullName()))
                    .append(',')
                    .append(csvField(learner.unitId()))
                    .append("\r\n");
        }
        return csv.toString();
    }

    private static String csvField(String value) {
        if (value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")) {
            return '"' + value.replace("\"", "\"\"") + '"';
        }
        return value;
    }

    private void loadPlans(List<PlannedTrainingPlan> plans) {
        long start = System.nanoTime();
        inParallel(
                "training plans",
                plans,
                plan -> training.put(
                        "/api/training-plans/" + plan.unitId() + "/" + plan.year(),
                        object("lines", plan.lines()),
                        200));
        finish("training plans", plans.size() + " units' plans for 2022", start);
    }

    private String loadContest(PlannedContest contest) {
        long start = System.nanoTime();
        String contestId = training.post(
                        "/api/contests",
                        object(
                                "title", contest.title(),
                                "subject", contest.subject(),
                                "opensAt", contest.opensAt(),
                                "closesAt", contest.closesAt()),
                        201)
                .path("id")
                .asText();
        String path = "/api/contests/" + contestId + "/entries/batch";
        List<Integer> batches = new ArrayList<>();
        for (int b = 0; b < contest.batchCount(); b++) {
            batches.add(b);
        }
        // The service records one contest's batches one after the other: a second request in flight has its body read
        // while the first is stored, and more would only queue behind them, past the command's time limit.
        inParallel("contest batches", batches, Math.min(concurrency, 2), b -> {
            List<PlannedContest.Entry> entries = contest.batch(b);
            JsonNode outcome = training.post(path, object("entries", entries), 202);
            if (outcome.path("accepted").asInt() != entries.size()
                    || outcome.path("rejected").size() > 0) {
                throw new LoadFailure("POST " + training.baseUrl() + path + " recorded "
                        + outcome.path("accepted").asInt() + " of " + entries.size() + " entries:\n" + outcome);
            }
        });
        finish(
                "contest",
                String.format(
                        Locale.ROOT,
                        "%,d entries from %,d participants in %,d batches",
                        contest.entries(),
                        contest.participants(),
                        contest.batchCount()),
                start);
        return contestId;
    }

    private void loadCorrections(List<Correction> corrections) {
        long start = System.nanoTime();
        for (Correction correction : corrections) {
            if (correction instanceof Correction.EnrolLearner enrol) {
                training.post("/api/classes/" + classIds.get(enrol.classKey()) + "/enrolments", enrol.learner(), 201);
            } else if (correction instanceof Correction.WithdrawLearner withdrawal) {
                withdraw(withdrawal.classKey(), withdrawal.learnerId());
            } else if (correction instanceof Correction.ChangeTask change) {
                change(taskIds.get(change.taskKey()), change.step());
            } else if (correction instanceof Correction.CancelClass cancellation) {
                cancel(cancellation.classKey(), cancellation.reason());
            } else if (correction instanceof Correction.OpenClass open) {
                openAndEnrol(open.replacement());
            }
        }
        finish(
                "corrections",
                "a late learner enrolled and another withdrawn, a work item reopened and completed again,"
                        + " a class cancelled and opened again",
                start);
    }

    /** One action per item, {@code concurrency} at a time; the first failure stops the part and is thrown. */
    private <T> void inParallel(String what, List<T> items, ItemAction<T> action) {
        inParallel(what, items, concurrency, action);
    }

    private <T> void inParallel(String what, List<T> items, int parallelism, ItemAction<T> action) {
        ExecutorService workers = Executors.newFixedThreadPool(parallelism, runnable -> {
            Thread thread = new Thread(runnable, "load-" + what.replace(' ', '-'));
            thread.setDaemon(true);
            return thread;
        });
        CompletionService<Void> completions = new ExecutorCompletionService<>(workers);
        long start = System.nanoTime();
        int tenth = Math.max(1, items.size() / 10);
        AtomicInteger done = new AtomicInteger();
        try {
            for (T item : items) {
                completions.submit(() -> {
                    action.apply(item);
                    int count = done.incrementAndGet();
                    if (items.size() >= 100 && count % tenth == 0 && count < items.size()) {
                        out.printf(
                                Locale.ROOT,
                                "  %s: %,d of %,d (%s)%n",
                                what,
                                count,
                                items.size(),
                                seconds(Duration.ofNanos(System.nanoTime() - start)));
                    }
                    return null;
                });
            }
            for (int i = 0; i < items.size(); i++) {
                completions.take().get();
            }
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new LoadFailure(what + " failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LoadFailure(what + " was interrupted", e);
        } finally {
            workers.shutdownNow();
        }
    }

    private void finish(String name, String summary, long startNanos) {
        Part part = new Part(name, summary, Duration.ofNanos(System.nanoTime() - startNanos));
        parts.add(part);
        out.printf(Locale.ROOT, "%s: %s in %s%n", name, summary, seconds(part.took()));
    }

    /** A short wait, so that the meeting instant lies strictly between the load's last event and the next one. */
    private static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LoadFailure("interrupted", e);
        }
    }

    static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
    }

    @FunctionalInterface
    interface ItemAction<T> {
        void apply(T item);
    }
}
