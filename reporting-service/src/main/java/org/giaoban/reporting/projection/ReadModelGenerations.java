package org.giaoban.reporting.projection;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Which generation of each read model answers: a rebuild fills the next generation while the active one keeps
 * answering, then makes it active. Kept in MongoDB, so a restart answers from the same generation. One reporting
 * instance rebuilds at a time; the others learn of a switch when they restart.
 */
@Component
public class ReadModelGenerations {

    static final String COLLECTION = "read_model_generation";

    private final MongoTemplate mongo;
    private final Map<String, Integer> active = new ConcurrentHashMap<>();

    public ReadModelGenerations(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public int active(String projection) {
        return active.computeIfAbsent(projection, name -> {
            Generation stored = mongo.findById(name, Generation.class, COLLECTION);
            return stored == null ? 1 : stored.generation();
        });
    }

    public String activeCollection(String projection) {
        return collectionOf(projection, active(projection));
    }

    public static String collectionOf(String projection, int generation) {
        return projection + "-g" + generation;
    }

    public void activate(String projection, int generation) {
        mongo.save(new Generation(projection, generation), COLLECTION);
        active.put(projection, generation);
    }

    /** The generation of a read model that answers. */
    record Generation(String id, int generation) {}
}
