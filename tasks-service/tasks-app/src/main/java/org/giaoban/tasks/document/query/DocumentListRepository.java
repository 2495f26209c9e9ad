package org.giaoban.tasks.document.query;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import jakarta.annotation.PostConstruct;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.giaoban.tasks.api.document.FindDocumentsQuery;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/** The {@code document_list} collection; writes are conditional on the version, lookups go by {@code _id}. */
@Repository
public class DocumentListRepository {

    private final MongoTemplate mongo;

    public DocumentListRepository(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Real MongoDB uses this for the list filters; the embedded server ignores non-unique indexes and scans. */
    @PostConstruct
    void createIndexes() {
        mongo.indexOps(DocumentListDocument.class)
                .createIndex(new Index("unitId", Sort.Direction.ASC).on("issuedOn", Sort.Direction.ASC));
    }

    void insertIfAbsent(DocumentListDocument document) {
        try {
            mongo.insert(document);
        } catch (DuplicateKeyException alreadyApplied) {
            // The same event, delivered again after a restart.
        }
    }

    void applyIfNewer(UUID documentId, long sequence, Update change) {
        mongo.updateFirst(
                query(where("_id").is(documentId.toString()).and("version").lt(sequence)),
                change.set("version", sequence),
                DocumentListDocument.class);
    }

    Optional<DocumentListDocument> find(UUID documentId) {
        return Optional.ofNullable(mongo.findById(documentId.toString(), DocumentListDocument.class));
    }

    List<DocumentListDocument> find(FindDocumentsQuery filter) {
        Query page = filtered(filter)
                .with(Sort.by("issuedOn", "_id"))
                .skip((long) filter.page() * filter.size())
                .limit(filter.size());
        return mongo.find(page, DocumentListDocument.class);
    }

    long count(FindDocumentsQuery filter) {
        return mongo.count(filtered(filter), DocumentListDocument.class);
    }

    void deleteAll() {
        mongo.remove(new Query(), DocumentListDocument.class);
    }

    private static Query filtered(FindDocumentsQuery filter) {
        Criteria criteria = new Criteria();
        if (filter.unitIds() != null) {
            criteria.and("unitId").in(filter.unitIds());
        }
        if (filter.kind() != null) {
            criteria.and("kind").is(filter.kind().name());
        }
        if (filter.status() != null) {
            criteria.and("status").is(filter.status().name());
        }
        if (filter.issuedFrom() != null || filter.issuedTo() != null) {
            Criteria issued = criteria.and("issuedOn");
            if (filter.issuedFrom() != null) {
                issued.gte(filter.issuedFrom().toString());
            }
            if (filter.issuedTo() != null) {
                issued.lte(filter.issuedTo().toString());
            }
        }
        return new Query(criteria);
    }
}
