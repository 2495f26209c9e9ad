package org.giaoban.reporting.audit;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Sorts;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.giaoban.identity.Caller;
import org.giaoban.identity.Role;
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
    public record AuditRead(
            Instant at,
            String actor,
            List<String> roles,
            String unitId,
            String method,
            String path,
            String query,
            String requestId) {

        public static AuditRead of(
                Instant at, Caller caller, String method, String path, String query, String requestId) {
            return new AuditRead(
                    at,
                    caller == null ? null : caller.name(),
                    caller == null
                            ? List.of()
                            : caller.roles().stream().map(Role::name).toList(),
                    caller == null ? null : caller.unitId(),
                    method,
                    path,
                    query,
                    requestId);
        }
    }
}
