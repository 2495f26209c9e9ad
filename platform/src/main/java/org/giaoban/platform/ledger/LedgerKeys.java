package org.giaoban.platform.ledger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

/**
 * Publishes the public half of the signing key in {@code ledger_signing_key}. A key seen for the first time becomes
 * the key in use from now on: the key in use before it gets {@code valid_to} now and stays published, so the heads it
 * signed remain verifiable.
 */
final class LedgerKeys {

    private LedgerKeys() {}

    static void publish(Connection connection, LedgerSigningKey key, Instant now) throws SQLException {
        String at = LedgerClock.format(now);
        String validTo = null;
        boolean known = false;
        try (PreparedStatement query =
                connection.prepareStatement("SELECT valid_to FROM ledger_signing_key WHERE key_id = ?")) {
            query.setString(1, key.keyId());
            try (ResultSet row = query.executeQuery()) {
                if (row.next()) {
                    known = true;
                    validTo = row.getString(1);
                }
            }
        }
        if (known && validTo == null) {
            return;
        }
        try (PreparedStatement retire = connection.prepareStatement(
                "UPDATE ledger_signing_key SET valid_to = ? WHERE valid_to IS NULL AND key_id <> ?")) {
            retire.setString(1, at);
            retire.setString(2, key.keyId());
            retire.executeUpdate();
        }
        if (known) {
            // A retired key brought back: in use again from now on.
            try (PreparedStatement reopen =
                    connection.prepareStatement("UPDATE ledger_signing_key SET valid_to = NULL WHERE key_id = ?")) {
                reopen.setString(1, key.keyId());
                reopen.executeUpdate();
            }
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO ledger_signing_key (key_id, algorithm, public_key, valid_from, valid_to)"
                        + " VALUES (?, 'Ed25519', ?, ?, NULL)")) {
            insert.setString(1, key.keyId());
            insert.setString(2, key.publicKeyPem());
            insert.setString(3, at);
            insert.executeUpdate();
        }
    }
}
