package dev.kadence.core.web;

import dev.kadence.core.user.Revocations;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Inject;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The bearer tokens of Kadence's users: JWTs (RFC 7519) signed HS256 (RFC 7518 §3.2) with {@code KADENCE_JWT_SECRET}.
 * task-crud issues them at sign-up and login; task-crud, notify and assistant take them ({@link Authenticate}).
 *
 * <p>A token names its caller when its signature is right and its header says HS256 and nothing critical, and its
 * claims carry an expiry ({@code exp}) still ahead, no {@code nbf} ahead by more than {@link #SKEW} of clock
 * difference between pods, a subject ({@code sub}) that is a user id (a UUID) and a {@code jti} (a UUID) that logout
 * has not revoked ({@link Revocations}). Anything else names nobody: 401 problem+json, never a 500 further on.
 *
 * <p>Written on the JDK's HMAC rather than taken from Micronaut Security with Nimbus JOSE, which loaded ~640 classes
 * in every cold start and every AOT cache for this one algorithm (docs/decisions.md). The signature is checked before
 * any JSON of the token is read.
 */
@Context       // made at start-up: a missing or short secret stops the start instead of failing the first request
@Requires(property = BearerTokens.SECRET)
public final class BearerTokens {
    /** The property that holds the signing secret (KADENCE_JWT_SECRET in the functions that authenticate users). */
    public static final String SECRET = "kadence.auth.jwt-secret";
    static final Duration SKEW = Duration.ofSeconds(30);
    /** Longer than any token issued here by far; a longer header is refused before anything is decoded. */
    static final int MAX_LENGTH = 4096;
    private static final String ALGORITHM = "HmacSHA256";
    private static final Argument<Map<String, Object>> CLAIMS = Argument.mapOf(String.class, Object.class);
    private static final Pattern UUID_TEXT =
        Pattern.compile("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final String HEADER = ENCODER.encodeToString("{\"alg\":\"HS256\"}".getBytes(StandardCharsets.UTF_8));

    private final SecretKeySpec key;
    private final JsonMapper json;
    private final Predicate<UUID> revoked;
    private final Clock clock;

    @Inject
    BearerTokens(@Value("${" + SECRET + "}") String secret, JsonMapper json, Revocations revocations) {
        this(secret, json, revocations::isRevoked, Clock.systemUTC());     // expiry is wall-clock time
    }

    BearerTokens(String secret, JsonMapper json, Predicate<UUID> revoked, Clock clock) {
        byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
        if (bytes.length < 32) {
            throw new IllegalStateException("KADENCE_JWT_SECRET (" + SECRET + ") must be at least 32 bytes: HS256 needs a "
                + "key as long as its hash (RFC 7518 §3.2)");
        }
        this.key = new SecretKeySpec(bytes, ALGORITHM);
        this.json = json;
        this.revoked = revoked;
        this.clock = clock;
    }

    /** A token issued here, and when it expires. */
    public record Issued(String value, Instant expiresAt) {
    }

    /** A token for {@code user}, valid for {@code ttl}, with a random {@code jti} by which logout can revoke it. */
    public Issued issue(UUID user, @Nullable String email, Duration ttl) {
        long now = clock.instant().getEpochSecond();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("sub", user.toString());
        claims.put("iat", now);
        claims.put("nbf", now);
        claims.put("exp", now + ttl.toSeconds());
        claims.put("jti", UUID.randomUUID().toString());
        if (email != null) {
            claims.put("email", email);
        }
        return new Issued(sign(claims), Instant.ofEpochSecond(now + ttl.toSeconds()));
    }

    /** {@code claims} signed as they are (tests make tokens that are wrong in one way with it). */
    public String sign(Map<String, ?> claims) {
        try {
            String unsigned = HEADER + "." + ENCODER.encodeToString(json.writeValueAsBytes(claims));
            return unsigned + "." + ENCODER.encodeToString(mac(unsigned));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The caller that the {@code Authorization} header values name, or null: exactly one header, {@code Bearer } and a
     * token that passes every rule above.
     */
    public @Nullable Caller caller(List<String> authorization) {
        if (authorization.size() != 1) {
            return null;
        }
        String header = authorization.getFirst();
        if (header.length() > MAX_LENGTH || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        return caller(header.substring(7).strip());
    }

    /** The caller {@code token} names, or null. */
    public @Nullable Caller caller(String token) {
        int first = token.indexOf('.');
        int last = token.lastIndexOf('.');
        if (first <= 0 || last == first || token.indexOf('.', first + 1) != last) {
            return null;
        }
        try {
            byte[] signature = Base64.getUrlDecoder().decode(token.substring(last + 1));
            if (!MessageDigest.isEqual(signature, mac(token.substring(0, last)))) {
                return null;
            }
            Map<String, Object> header = json.readValue(Base64.getUrlDecoder().decode(token.substring(0, first)), CLAIMS);
            if (header == null || !"HS256".equals(header.get("alg")) || header.containsKey("crit")) {
                return null;
            }
            Map<String, Object> claims = json.readValue(Base64.getUrlDecoder().decode(token.substring(first + 1, last)), CLAIMS);
            return claims == null ? null : caller(claims);
        } catch (IOException | RuntimeException e) {
            return null;           // not base64url, not JSON, not an object: a token of nobody
        }
    }

    private @Nullable Caller caller(Map<String, Object> claims) {
        Instant now = clock.instant();
        Instant expiry = instant(claims.get("exp"));
        if (expiry == null || !expiry.isAfter(now)) {
            return null;
        }
        Object notBeforeClaim = claims.get("nbf");
        Instant notBefore = instant(notBeforeClaim);
        if (notBeforeClaim != null && (notBefore == null || notBefore.isAfter(now.plus(SKEW)))) {
            return null;
        }
        UUID subject = uuid(claims.get("sub"));
        UUID jti = uuid(claims.get("jti"));
        return subject == null || jti == null || revoked.test(jti) ? null : new Caller(subject, jti, expiry);
    }

    private byte[] mac(String signed) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac.doFinal(signed.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("no " + ALGORITHM + " in this JDK", e);
        }
    }

    private static @Nullable UUID uuid(Object claim) {
        return claim instanceof String text && UUID_TEXT.matcher(text).matches() ? UUID.fromString(text) : null;
    }

    /** A NumericDate (RFC 7519 §2): seconds since the epoch, possibly with a fraction. */
    private static @Nullable Instant instant(Object claim) {
        if (claim instanceof Number number) {
            double seconds = number.doubleValue();
            return Double.isFinite(seconds) && Math.abs(seconds) < 1e15 ? Instant.ofEpochMilli(Math.round(seconds * 1000)) : null;
        }
        return null;
    }
}
