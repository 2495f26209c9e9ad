package org.giaoban.tasks.document.query;

import jakarta.annotation.PostConstruct;
import java.util.List;
import org.giaoban.platform.mongo.VersionedRepository;
import org.giaoban.tasks.api.document.FindDocumentsQuery;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

/** The {@code document_list} collection, written by the versioned rule of every read model, and its list filters. */
@Repository
public class DocumentListRepository extends VersionedRepository<DocumentListDocument> {

    public DocumentListRepository(MongoTemplate mongo) {
        super(mongo, DocumentListDocument.class);
    }

    /** Real MongoDB uses this for the list filters; the embedded server ignores non-unique indexes and scans. */
    @PostConstruct
    void createIndexes() {
        mongo().indexOps(DocumentListDocument.class)
                .createIndex(new Index("unitId", Sort.Direction.ASC).on("issuedOn", Sort.Direction.ASC));
    }

    List<DocumentListDocument> find(FindDocumentsQuery filter) {
        Query page = filtered(filter)
                .with(Sort.by("issuedOn", "_id"))
                .skip((long) filter.page() * filter.size())
                .limit(filter.size());
        return mongo().find(page, DocumentListDocument.class);
    }

    long count(FindDocumentsQuery filter) {
        return mongo().count(filtered(filter), DocumentListDocument.class);
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
