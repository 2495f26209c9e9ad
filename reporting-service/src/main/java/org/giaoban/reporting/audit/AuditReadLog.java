package org.giaoban.reporting.audit;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Sorts;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.giaoban.platform.web.PageRequest;
import org.giaoban.platform.web.PageResponse;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Who read the auditors' endpoints, when, and what they asked (path and query), in reporting-service's MongoDB. The
 * collection is only ever inserted into: nothing here updates or deletes, so a read once recorded stays as recorded.
 * Newest first is the order of {@code _id}, an ObjectId made here at the read.
 */
public final class AuditReadLog {

    public static final String COLLECTION = "audit_reads";

    private final MongoTemplate mongo;

    public AuditReadLog(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Records one read; a failure to record it is thrown, so that no unrecorded read is answered. */
    public void record(AuditRead read) {
        Document document = new Document("_id", new ObjectId())
                .append("at", read.at().toString())
                .append("actor", read.actor())
                .append("roles", read.roles())
                .append("unitId", read.unitId())
                .append("method", read.method())
                .append("path", read.path())
                .append("query", read.query())
                .append("requestId", read.requestId());
        reads().insertOne(document);
    }

    /** One page of the recorded reads, newest first. */
    public PageResponse<AuditRead> page(PageRequest page) {
        List<AuditRead> items = new ArrayList<>();
        for (Document document : reads().find()
                .sort(Sorts.descending("_id"))
                .skip((int) Math.min(page.offset(), Integer.MAX_VALUE))
                .limit(page.size())) {
            items.add(new AuditRead(
                    Instant.parse(document.getString("at")),
                    document.getString("actor"),
                    document.getList("roles", String.class),
                    document.getString("unitId"),
                    document.getString("method"),
                    document.getString("path"),
                    document.getString("query"),
                    document.getString("requestId")));
        }
        return new PageResponse<>(items, page.page(), page.size(), reads().countDocuments());
    }

    private MongoCollection<Document> reads() {
        return mongo.getCollection(COLLECTION);
    }

    /** One read of an audit endpoint: when, by whom (name, roles, unit), which request and what it asked. */
    @Schema(description = "One read of an audit endpoint")
    public record AuditRead(
            @Schema(description = "When", example = "2022-10-06T01:35:00Z")
            Instant at,

            @Schema(description = "Who", example = "auditor")
            String actor,

            @Schema(description = "Their roles", example = "[\"AUDITOR\"]")
            List<String> roles,

            @Schema(description = "Their unit; null for none", example = "HN")
            String unitId,

            @Schema(description = "The method", example = "GET")
            String method,

            @Schema(description = "The path", example = "/api/audit/verify")
            String path,

            @Schema(description = "The query", example = "service=tasks")
            String query,

            @Schema(description = "The request's id", example = "9f8e7d6c")
            String requestId) {

        /**
         * A read by the caller the request's metadata names ({@code actor}, {@code roles}, {@code unitId}, as every
         * event records them); all null when it names none.
         */
        public static AuditRead of(Instant at, Map<String, Object> request, String method, String path, String query) {
            Object roles = request.get("roles");
            return new AuditRead(
                    at,
                    text(request.get("actor")),
                    roles instanceof List<?> names
                            ? names.stream().map(String::valueOf).toList()
                            : List.of(),
                    text(request.get("unitId")),
                    method,
                    path,
                    query,
                    text(request.get("requestId")));
        }

        /** Whether the reader holds {@code role}. */
        public boolean has(String role) {
            return roles.contains(role);
        }

        private static String text(Object value) {
            return value == null ? null : value.toString();
        }
    }
}
