package org.giaoban.tasks.document.command;

import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Asks the event store itself whether a work item was ever planned: the write side must not depend on a read model
 * that may lag behind. The lookup uses the store's unique key on aggregate and sequence number.
 */
@Component
class EventStoreKnownTasks implements KnownTasks {

    private final JdbcTemplate jdbc;

    EventStoreKnownTasks(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean exists(UUID taskId) {
        Integer found = jdbc.query(
                "SELECT 1 FROM domain_event_entry WHERE aggregate_identifier = ? AND sequence_number = 0"
                        + " AND type = 'Task'",
                resultSet -> resultSet.next() ? 1 : null,
                taskId.toString());
        return found != null;
    }
}
