package org.giaoban.reporting.briefing.query;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import org.bson.Document;
import org.giaoban.reporting.briefing.query.UnitClassFacts.ClassFact;
import org.giaoban.reporting.briefing.query.UnitDocumentFacts.DocumentFact;
import org.giaoban.reporting.briefing.query.UnitTaskFacts.TaskFact;
import org.giaoban.tasks.api.document.DocumentKind;
import org.giaoban.tasks.api.task.TaskStatus;
import org.giaoban.training.api.plan.PlanLine;
import org.giaoban.training.api.trainingclass.Bloc;
import org.giaoban.training.api.trainingclass.ClassFormat;

/**
 * Briefing facts to and from BSON by hand. A report reads a few thousand facts and a projection rewrites hundreds
 * with every event, so the reflective mapping of Spring Data, which looks each field's converter up every time, cost
 * more than the database; these few shapes are written out once here instead. Dates are ISO strings, as in every
 * read model of the suite.
 */
final class FactsCodec {

    private FactsCodec() {}

    static Document encode(Facts facts) {
        Document document = new Document("_id", facts.id());
        if (facts instanceof UnitTaskFacts unit) {
            document.append("unitId", unit.unitId()).append("tasks", encodeMap(unit.tasks(), FactsCodec::encodeTask));
        } else if (facts instanceof UnitDocumentFacts unit) {
            document.append("unitId", unit.unitId())
                    .append("year", unit.year())
                    .append("documents", encodeMap(unit.documents(), FactsCodec::encodeDocument));
        } else if (facts instanceof UnitClassFacts unit) {
            document.append("unitId", unit.unitId())
                    .append("year", unit.year())
                    .append("classes", encodeMap(unit.classes(), FactsCodec::encodeClass));
        } else if (facts instanceof PlanFacts plan) {
            document.append("unitId", plan.unitId())
                    .append("year", plan.year())
                    .append(
                            "lines",
                            plan.lines().stream().map(FactsCodec::encodeLine).toList())
                    .append("version", plan.version());
        } else if (facts instanceof ContestFacts contest) {
            Document days = new Document();
            contest.entriesByDay().forEach((day, byUnit) -> days.append(day, new Document(new HashMap<>(byUnit))));
            document.append("contestId", contest.contestId())
                    .append("title", contest.title())
                    .append("opensAt", Date.from(contest.opensAt()))
                    .append("closesAt", Date.from(contest.closesAt()))
                    .append("participants", contest.participants())
                    .append("lastPosition", contest.lastPosition())
                    .append("entriesByDay", days);
        } else if (facts instanceof ContestList list) {
            document.append("contestIds", new ArrayList<>(list.contestIds()));
        }
        return document;
    }

    static <T extends Facts> T decode(Document document, Class<T> type) {
        String id = document.getString("_id");
        Facts facts;
        if (type == UnitTaskFacts.class) {
            facts = new UnitTaskFacts(
                    id,
                    document.getString("unitId"),
                    decodeMap(document.get("tasks", Document.class), FactsCodec::task));
        } else if (type == UnitDocumentFacts.class) {
            facts = new UnitDocumentFacts(
                    id,
                    document.getString("unitId"),
                    document.getInteger("year"),
                    decodeMap(document.get("documents", Document.class), FactsCodec::documentFact));
        } else if (type == UnitClassFacts.class) {
            facts = new UnitClassFacts(
                    id,
                    document.getString("unitId"),
                    document.getInteger("year"),
                    decodeMap(document.get("classes", Document.class), FactsCodec::classFact));
        } else if (type == PlanFacts.class) {
            facts = new PlanFacts(
                    id,
                    document.getString("unitId"),
                    document.getInteger("year"),
                    document.getList("lines", Document.class).stream()
                            .map(FactsCodec::line)
                            .toList(),
                    number(document, "version"));
        } else if (type == ContestFacts.class) {
            Map<String, Map<String, Long>> entriesByDay = new HashMap<>();
            document.get("entriesByDay", Document.class).forEach((day, byUnit) -> {
                Map<String, Long> counts = new HashMap<>();
                ((Document) byUnit).forEach((unitId, count) -> counts.put(unitId, ((Number) count).longValue()));
                entriesByDay.put(day, counts);
            });
            facts = new ContestFacts(
                    id,
                    document.getString("contestId"),
                    document.getString("title"),
                    document.getDate("opensAt").toInstant(),
                    document.getDate("closesAt").toInstant(),
                    number(document, "participants"),
                    number(document, "lastPosition"),
                    entriesByDay);
        } else if (type == ContestList.class) {
            facts = new ContestList(id, new TreeSet<>(document.getList("contestIds", String.class)));
        } else {
            throw new IllegalArgumentException("No briefing facts of type " + type.getName());
        }
        return type.cast(facts);
    }

    private static <V> Document encodeMap(Map<String, V> records, Function<V, Document> encoder) {
        Document document = new Document();
        records.forEach((recordId, record) -> document.append(recordId, encoder.apply(record)));
        return document;
    }

    private static <V> Map<String, V> decodeMap(Document document, Function<Document, V> decoder) {
        Map<String, V> records = new HashMap<>(Math.max(16, document.size() * 2));
        document.forEach((recordId, record) -> records.put(recordId, decoder.apply((Document) record)));
        return records;
    }

    private static Document encodeTask(TaskFact task) {
        return new Document("programme", task.programme())
                .append("dueOn", task.dueOn().toString())
                .append("status", task.status().name())
                .append(
                        "completedOn",
                        task.completedOn() == null ? null : task.completedOn().toString())
                .append("version", task.version());
    }

    private static TaskFact task(Document document) {
        String completedOn = document.getString("completedOn");
        return new TaskFact(
                document.getString("programme"),
                LocalDate.parse(document.getString("dueOn")),
                TaskStatus.valueOf(document.getString("status")),
                completedOn == null ? null : LocalDate.parse(completedOn),
                number(document, "version"));
    }

    private static Document encodeDocument(DocumentFact document) {
        return new Document("kind", document.kind().name())
                .append("issuedOn", document.issuedOn().toString())
                .append("revoked", document.revoked())
                .append("version", document.version());
    }

    private static DocumentFact documentFact(Document document) {
        return new DocumentFact(
                DocumentKind.valueOf(document.getString("kind")),
                LocalDate.parse(document.getString("issuedOn")),
                document.getBoolean("revoked"),
                number(document, "version"));
    }

    private static Document encodeClass(ClassFact trainingClass) {
        return new Document("bloc", trainingClass.bloc().name())
                .append("format", trainingClass.format().name())
                .append("startsOn", trainingClass.startsOn().toString())
                .append("cancelled", trainingClass.cancelled())
                .append("learnerTurns", trainingClass.learnerTurns())
                .append("version", trainingClass.version());
    }

    private static ClassFact classFact(Document document) {
        return new ClassFact(
                Bloc.valueOf(document.getString("bloc")),
                ClassFormat.valueOf(document.getString("format")),
                LocalDate.parse(document.getString("startsOn")),
                document.getBoolean("cancelled"),
                number(document, "learnerTurns"),
                number(document, "version"));
    }

    private static Document encodeLine(PlanLine line) {
        return new Document("label", line.label())
                .append("blocs", line.blocs().stream().map(Bloc::name).toList())
                .append("classes", line.classes());
    }

    private static PlanLine line(Document document) {
        List<Bloc> blocs = document.getList("blocs", String.class).stream()
                .map(Bloc::valueOf)
                .toList();
        return new PlanLine(document.getString("label"), blocs, document.getInteger("classes"));
    }

    private static long number(Document document, String field) {
        return ((Number) document.get(field)).longValue();
    }
}
