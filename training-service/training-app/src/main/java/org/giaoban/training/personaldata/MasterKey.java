package org.giaoban.training.personaldata;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The service's secret for personal data: 256 bits kept outside the database (a setting, or a file of the embedded
 * store's directory). Two keys are derived from it, one per use, so that neither use can stand in for the other: the
 * key that wraps each person's data key, and the key of the pseudonyms. A check value, stored in the database,
 * tells a wrong master key from the right one before anything is written with it.
 */
public final class MasterKey {

    static final int LENGTH = 32;

    private final SecretKeySpec wrappingKey;
    private final SecretKeySpec pseudonymKey;
    private final String checkValue;

    private MasterKey(byte[] material) {
        this.wrappingKey = new SecretKeySpec(derive(material, "giaoban-key-wrap/v1"), "AES");
        this.pseudonymKey = new SecretKeySpec(derive(material, "giaoban-pseudonym/v1"), "HmacSHA256");
        this.checkValue = HexFormat.of().formatHex(derive(material, "giaoban-master-key-check/v1"));
    }

    /**
     * @param base64 256 bits in Base64, as {@code openssl rand -base64 32} prints them
     * @throws IllegalArgumentException when it is not Base64 of 32 bytes (the message never quotes it)
     */
    public static MasterKey fromBase64(String base64) {
        byte[] material;
        try {
            material = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException notBase64) {
            throw new IllegalArgumentException("the personal-data master key is not Base64");
        }
        if (material.length != LENGTH) {
            throw new IllegalArgumentException("the personal-data master key must be 32 bytes (256 bits), not "
                    + material.length + "; make one with: openssl rand -base64 32");
        }
        try {
            return new MasterKey(material);
        } finally {
            Arrays.fill(material, (byte) 0);
        }
    }

    SecretKeySpec wrappingKey() {
        return wrappingKey;
    }

    SecretKeySpec pseudonymKey() {
        return pseudonymKey;
    }

    /** Stored in the database on first use: it shows whether a master key is the one the data was written with. */
    String checkValue() {
        return checkValue;
    }

    private static byte[] derive(byte[] material, String purpose) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(material, "HmacSHA256"));
            return mac.doFinal(purpose.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    @Override
    public String toString() {
        return "MasterKey[check " + checkValue.substring(0, 8) + "...]";
    }
}
