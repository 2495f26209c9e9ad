package org.giaoban.training.personaldata;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import org.springframework.stereotype.Component;

/**
 * A person's keyed pseudonym: {@code HMAC-SHA256(service secret, id)} in lowercase hex. The same id gives the same
 * pseudonym, so the lookup tables find a learner enrolled twice or a participant seen before without holding the id;
 * without the secret, the pseudonym of an id cannot be computed, so a table of them cannot be matched against a
 * list of citizen ids.
 */
@Component
public class Pseudonyms {

    private final MasterKey masterKey;

    public Pseudonyms(MasterKey masterKey) {
        this.masterKey = masterKey;
    }

    public String of(String personId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(masterKey.pseudonymKey());
            return HexFormat.of().formatHex(mac.doFinal(personId.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }
}
