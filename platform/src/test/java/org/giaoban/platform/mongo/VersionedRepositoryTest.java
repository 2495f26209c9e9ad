package org.giaoban.platform.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import org.giaoban.platform.testing.InMemoryMongo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Update;

class VersionedRepositoryTest {

    private static final String ITEM = "00000000-0000-0000-0000-00000000000a";

    private final InMemoryMongo mongo = new InMemoryMongo();
    private final Items items = new Items(mongo.template());
    private final Counters counters = new Counters(mongo.template());

    @AfterEach
    void stopMongo() {
        mongo.close();
    }

    @Test
    void aFirstEventDeliveredAgainLeavesTheRecordAsItBecameSince() {
        items.insertIfAbsent(new Item(ITEM, "Kế hoạch tuyên truyền", 0));
        items.applyIfNewer(ITEM, 1, Update.update("title", "Kế hoạch tuyên truyền (sửa đổi)"));

        items.insertIfAbsent(new Item(ITEM, "Kế hoạch tuyên truyền", 0));

        assertThat(items.findById(ITEM)).contains(new Item(ITEM, "Kế hoạch tuyên truyền (sửa đổi)", 1));
    }

    @Test
    void aChangeAppliesOnlyWhenItsEventIsLaterThanTheLastOneApplied() {
        items.insertIfAbsent(new Item(ITEM, "bản 0", 0));
        items.applyIfNewer(ITEM, 2, Update.update("title", "bản 2"));

        items.applyIfNewer(ITEM, 2, Update.update("title", "bản 2 lần nữa"));
        items.applyIfNewer(ITEM, 1, Update.update("title", "bản 1"));
        assertThat(items.findById(ITEM)).contains(new Item(ITEM, "bản 2", 2));

        items.applyIfNewer(ITEM, 3, Update.update("title", "bản 3"));
        assertThat(items.findById(ITEM)).contains(new Item(ITEM, "bản 3", 3));
    }

    @Test
    void aReplacementAppliesOnlyWhenItsEventIsLaterThanTheLastOneApplied() {
        items.insertIfAbsent(new Item(ITEM, "bản 0", 0));
        items.replaceIfNewer(ITEM, 1, new Item(ITEM, "bản 1", 1));

        items.replaceIfNewer(ITEM, 1, new Item(ITEM, "bản 1 lần nữa", 1));
        items.replaceIfNewer(ITEM, 0, new Item(ITEM, "bản 0", 0));

        assertThat(items.findById(ITEM)).contains(new Item(ITEM, "bản 1", 1));
    }

    @Test
    void aChangeToARecordNeverInsertedIsNotApplied() {
        items.applyIfNewer(ITEM, 1, Update.update("title", "bản 1"));

        assertThat(items.findById(ITEM)).isEmpty();
    }

    @Test
    void aCollectionMayKeepTheVersionUnderAnotherName() {
        counters.insertIfAbsent(new Counter(ITEM, 0, 10));

        counters.applyIfNewer(ITEM, 11, new Update().inc("entries", 500));
        counters.applyIfNewer(ITEM, 11, new Update().inc("entries", 500));
        counters.applyIfNewer(ITEM, 9, new Update().inc("entries", 500));

        assertThat(counters.findById(ITEM)).contains(new Counter(ITEM, 500, 11));
    }

    @Test
    void deletingAllEmptiesOnlyThisCollection() {
        items.insertIfAbsent(new Item(ITEM, "bản 0", 0));
        counters.insertIfAbsent(new Counter(ITEM, 0, 10));

        items.deleteAll();

        assertThat(items.findById(ITEM)).isEmpty();
        assertThat(counters.findById(ITEM)).isPresent();
    }

    @Document("versioned_item")
    record Item(@Id String itemId, String title, long version) {}

    @Document("versioned_counter")
    record Counter(@Id String counterId, long entries, long lastPosition) {}

    static final class Items extends VersionedRepository<Item> {

        Items(MongoTemplate mongo) {
            super(mongo, Item.class);
        }
    }

    static final class Counters extends VersionedRepository<Counter> {

        Counters(MongoTemplate mongo) {
            super(mongo, Counter.class, "lastPosition");
        }
    }
}
