package org.giaoban.tasks.document.command;

import java.util.Locale;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Document numbers in a table keyed by unit and number, beside the event store. Numbers are compared without case
 * and without white space, so {@code 123-KH/BTGTU} and {@code 123 - kh/btgtu} are one number. The insert joins the
 * transaction Axon opened for the command: a claim by a command that fails is rolled back with it.
 */
@Component
class JdbcDocumentNumbers implements DocumentNumbers {

    private final JdbcTemplate jdbc;

    JdbcDocumentNumbers(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean claim(String unitId, String number, UUID documentId) {
        try {
            jdbc.update(
                    "INSERT INTO document_number (unit_id, number_key, document_id) VALUES (?, ?, ?)",
                    unitId,
                    keyOf(number),
                    documentId.toString());
            return true;
        } catch (DuplicateKeyException taken) {
            return false;
        }
    }

    static String keyOf(String number) {
        return number.replaceAll("\\s+", "").toUpperCase(Locale.ROOT);
    }
}
