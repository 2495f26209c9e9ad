package org.giaoban.platform.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LedgerSigningKeyTest {

    @TempDir
    Path dataDirectory;

    @Test
    void aKeyFileIsCreatedReadableByItsOwnerOnlyAndReadBackAsTheSameKey() throws Exception {
        Path file = dataDirectory.resolve("tasks-service").resolve("ledger-signing-key.pem");

        LedgerSigningKey created = LedgerSigningKey.readOrCreateFile(file);
        LedgerSigningKey readBack = LedgerSigningKey.readOrCreateFile(file);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
        assertThat(Files.readString(file)).startsWith("-----BEGIN PRIVATE KEY-----\n");
        assertThat(readBack.keyId()).isEqualTo(created.keyId()).hasSize(16).matches("[0-9a-f]{16}");
        assertThat(readBack.publicKeyPem()).isEqualTo(created.publicKeyPem());
    }

    @Test
    void aTreeHeadSignedWithAKeyReadFromPemVerifiesWithItsPublishedPublicKey() {
        LedgerSigningKey key =
                LedgerSigningKey.fromPem(LedgerSigningKey.generate().privateKeyPem());
        TreeHead head = TreeHead.sign("tasks", 8, MerkleTree.emptyRoot(), "2022-12-01T01:02:03.456Z", key);

        assertThat(head.keyId()).isEqualTo(key.keyId());
        assertThat(head.signature()).matches("[0-9a-f]{128}");
        assertThat(head.isSignedBy(LedgerSigningKey.publicKeyFromPem(key.publicKeyPem())))
                .isTrue();
    }

    @Test
    void aChangedHeadOrAnotherKeyDoesNotVerify() {
        LedgerSigningKey key = LedgerSigningKey.generate();
        TreeHead head = TreeHead.sign("tasks", 8, MerkleTree.emptyRoot(), "2022-12-01T01:02:03.456Z", key);

        assertThat(new TreeHead("tasks", 9, head.rootHash(), head.timestamp(), head.keyId(), head.signature())
                        .isSignedBy(key.publicKey()))
                .isFalse();
        assertThat(new TreeHead("training", 8, head.rootHash(), head.timestamp(), head.keyId(), head.signature())
                        .isSignedBy(key.publicKey()))
                .isFalse();
        assertThat(new TreeHead("tasks", 8, head.rootHash(), head.timestamp(), head.keyId(), "00")
                        .isSignedBy(key.publicKey()))
                .isFalse();
        assertThat(head.isSignedBy(LedgerSigningKey.generate().publicKey())).isFalse();
    }

    @Test
    void theSignedTextIsTheVersionLineAndTheHeadsFieldsOnLinesOfTheirOwn() {
        assertThat(new String(TreeHead.signedBytes("tasks", 3, "ab", "2022-12-01T00:00:00Z")))
                .isEqualTo("giaoban-tree-head/v1\ntasks\n3\nab\n2022-12-01T00:00:00Z");
    }

    @Test
    void textThatIsNotAnEd25519KeyIsRefused() {
        assertThatThrownBy(
                        () -> LedgerSigningKey.fromPem("-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LedgerSigningKey.fromPem("not a key")).isInstanceOf(IllegalArgumentException.class);
    }
}
