package dev.kadence.core.task;

import dev.kadence.core.error.ErrorCode;
import dev.kadence.core.error.KadenceException;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.UUID;

/**
 * A keyset-paging position: the last row's sort value and id, bound to the query it came from and signed,
 * so a cursor that was altered, forged, or reused with other filters is refused instead of paging wrongly.
 */
public record Cursor(String value, UUID id) {
    private static final Base64.Encoder ENC = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DEC = Base64.getUrlDecoder();
    private static final String NULL = "~";

    String encode(String fingerprint, byte[] key) {
        String payload = "v1." + (value == null ? NULL : ENC.encodeToString(value.getBytes(StandardCharsets.UTF_8))) + "." + id;
        return payload + "." + ENC.encodeToString(mac(key, fingerprint + "|" + payload));
    }

    static Cursor decode(String text, String fingerprint, byte[] key) {
        String[] parts = text.split("\\.");
        if (parts.length != 4 || !parts[0].equals("v1")) {
            throw invalid();
        }
        String payload = parts[0] + "." + parts[1] + "." + parts[2];
        byte[] given;
        try {
            given = DEC.decode(parts[3]);
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
        if (!MessageDigest.isEqual(given, mac(key, fingerprint + "|" + payload))) {
            throw invalid();
        }
        String value = parts[1].equals(NULL) ? null : new String(DEC.decode(parts[1]), StandardCharsets.UTF_8);
        return new Cursor(value, UUID.fromString(parts[2]));
    }

    private static KadenceException invalid() {
        return new KadenceException(ErrorCode.INVALID_CURSOR,
            "cursor is not one this query returned: start again without it, with the same filters and sort");
    }

    private static byte[] mac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] full = mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
            return java.util.Arrays.copyOf(full, 16);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
