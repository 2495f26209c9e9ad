package org.giaoban.platform.ledger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.NamedParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import org.giaoban.platform.datadir.OwnerOnlyFile;

/**
 * The Ed25519 key that signs a ledger's tree heads. The private key lives in a PKCS#8 PEM file or a setting, never in
 * the database; the database publishes only the public key, under its {@link #keyIdOf key id}: the first 16 hex
 * digits of the SHA-256 of the public key's DER (X.509 SubjectPublicKeyInfo) encoding.
 */
public final class LedgerSigningKey {

    private static final String PRIVATE_PEM = "PRIVATE KEY";
    private static final String PUBLIC_PEM = "PUBLIC KEY";
    /** An Ed25519 private key in PKCS#8 v1: a fixed 16-byte header and the 32-byte seed. */
    private static final int ED25519_PKCS8_LENGTH = 48;

    private final KeyPair keyPair;
    private final String keyId;

    private LedgerSigningKey(KeyPair keyPair) {
        this.keyPair = keyPair;
        this.keyId = keyIdOf(keyPair.getPublic());
    }

    /** A new random key. */
    public static LedgerSigningKey generate() {
        try {
            return new LedgerSigningKey(KeyPairGenerator.getInstance("Ed25519").generateKeyPair());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java 17 runtime has Ed25519", e);
        }
    }

    /** The key in a PKCS#8 PEM text ({@code -----BEGIN PRIVATE KEY-----}). */
    public static LedgerSigningKey fromPem(String pem) {
        byte[] pkcs8 = pemBody(pem, PRIVATE_PEM);
        try {
            PrivateKey given = KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
            return new LedgerSigningKey(withPublicKey(given));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not an Ed25519 private key in PKCS#8 PEM", e);
        }
    }

    /** The key in the PEM file at {@code file}. */
    public static LedgerSigningKey readFile(Path file) {
        try {
            return fromPem(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the ledger's signing key " + file, e);
        }
    }

    /**
     * The key in {@code file}; when there is none, a new key written there first, readable by its owner only (0600).
     * The file is created with those permissions, never widened later, and never replaced if it exists.
     */
    public static LedgerSigningKey readOrCreateFile(Path file) {
        if (Files.exists(file)) {
            return readFile(file);
        }
        LedgerSigningKey key = generate();
        try {
            OwnerOnlyFile.create(file, key.privateKeyPem().getBytes(StandardCharsets.UTF_8));
            return key;
        } catch (FileAlreadyExistsException createdMeanwhile) {
            return readFile(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the ledger's signing key " + file, e);
        }
    }

    public String keyId() {
        return keyId;
    }

    public PublicKey publicKey() {
        return keyPair.getPublic();
    }

    public String publicKeyPem() {
        return publicKeyPem(keyPair.getPublic());
    }

    public String privateKeyPem() {
        return pem(PRIVATE_PEM, keyPair.getPrivate().getEncoded());
    }

    /** The Ed25519 signature of {@code message}. */
    public byte[] sign(byte[] message) {
        try {
            Signature signer = Signature.getInstance("Ed25519");
            signer.initSign(keyPair.getPrivate());
            signer.update(message);
            return signer.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot sign with the ledger's key " + keyId, e);
        }
    }

    /** The key id of a public key: the first 16 hex digits of SHA-256 over its DER encoding. */
    public static String keyIdOf(PublicKey publicKey) {
        return HexFormat.of()
                .formatHex(MerkleTree.sha256().digest(publicKey.getEncoded()))
                .substring(0, 16);
    }

    public static String publicKeyPem(PublicKey publicKey) {
        return pem(PUBLIC_PEM, publicKey.getEncoded());
    }

    /** A public key from its PEM text ({@code -----BEGIN PUBLIC KEY-----}). */
    public static PublicKey publicKeyFromPem(String pem) {
        try {
            return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(pemBody(pem, PUBLIC_PEM)));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not an Ed25519 public key in PEM", e);
        }
    }

    /**
     * The JDK 17 API derives no public key from an Ed25519 private key, but its key generator turns 32 random bytes
     * into a pair: given the seed as the randomness, it makes the same private key and its public key. The result is
     * checked against the key given.
     */
    private static KeyPair withPublicKey(PrivateKey given) throws GeneralSecurityException {
        byte[] encoded = given.getEncoded();
        if (encoded.length != ED25519_PKCS8_LENGTH) {
            throw new GeneralSecurityException("an Ed25519 PKCS#8 key has " + ED25519_PKCS8_LENGTH + " bytes");
        }
        byte[] seed = Arrays.copyOfRange(encoded, encoded.length - 32, encoded.length);
        KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519");
        generator.initialize(NamedParameterSpec.ED25519, new SeedAsRandom(seed));
        KeyPair pair = generator.generateKeyPair();
        if (!Arrays.equals(pair.getPrivate().getEncoded(), encoded)) {
            throw new GeneralSecurityException("cannot derive the public key of this Ed25519 key");
        }
        return pair;
    }

    private static byte[] pemBody(String pem, String label) {
        String begin = "-----BEGIN " + label + "-----";
        String end = "-----END " + label + "-----";
        int from = pem.indexOf(begin);
        int to = pem.indexOf(end);
        if (from < 0 || to < from) {
            throw new IllegalArgumentException("no " + begin + " block");
        }
        return Base64.getMimeDecoder().decode(pem.substring(from + begin.length(), to));
    }

    private static String pem(String label, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der);
        return "-----BEGIN " + label + "-----\n" + body + "\n-----END " + label + "-----\n";
    }

    /** Randomness that is the given seed, once. */
    private static final class SeedAsRandom extends SecureRandom {

        private final byte[] seed;

        SeedAsRandom(byte[] seed) {
            this.seed = seed.clone();
        }

        @Override
        public void nextBytes(byte[] bytes) {
            if (bytes.length != seed.length) {
                throw new IllegalStateException("the key generator asked for " + bytes.length + " bytes");
            }
            System.arraycopy(seed, 0, bytes, 0, seed.length);
        }
    }
}
