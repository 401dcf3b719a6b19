package dev.kadence.core.web;

import io.micronaut.json.JsonMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The bearer tokens of core/web: what is issued is taken, a token in the shape Micronaut Security issued before this
 * class replaced it is taken (nobody is signed out by the change), and every token that is wrong in one way names
 * nobody. The end-to-end table of the same refusals, through every function, is local's HostileInputTest.
 */
class BearerTokensTest {
    private static final String SECRET = "a-test-secret-that-is-long-enough-for-hs256";
    private static final Instant NOW = Instant.parse("2026-12-07T09:00:00Z");
    private static final long T = NOW.getEpochSecond();
    private static final UUID USER = UUID.fromString("b32695ce-7c82-45f8-b09a-99c6cd46409a");
    private static final UUID REVOKED = UUID.fromString("0d5c7f4e-8a1b-4f53-9a56-6f1e2c3d4b5a");
    private static final String HS256 = "{\"alg\":\"HS256\"}";

    private final BearerTokens tokens = new BearerTokens(SECRET, JsonMapper.createDefault(), Set.of(REVOKED)::contains,
        Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void anIssuedTokenNamesItsUserUntilItExpires() {
        BearerTokens.Issued issued = tokens.issue(USER, "ada@example.com", Duration.ofHours(24));

        Caller caller = tokens.caller(List.of("Bearer " + issued.value()));

        assertThat(caller).isNotNull();
        assertThat(caller.id()).isEqualTo(USER);
        assertThat(caller.expiresAt()).isEqualTo(NOW.plus(Duration.ofHours(24))).isEqualTo(issued.expiresAt());
        assertThat(tokens.issue(USER, null, Duration.ofHours(24)).value()).as("a fresh jti each time").isNotEqualTo(issued.value());
        BearerTokens later = new BearerTokens(SECRET, JsonMapper.createDefault(), jti -> false,
            Clock.fixed(NOW.plus(Duration.ofHours(24)), ZoneOffset.UTC));
        assertThat(later.caller(issued.value())).as("at its expiry").isNull();
    }

    @Test
    void aTokenMicronautSecurityIssuedBeforeTheChangeIsStillTaken() {
        // header and claims exactly as micronaut-security-jwt 4.15 with Nimbus wrote them (decoded from a real token)
        String claims = "{\"sub\":\"" + USER + "\",\"nbf\":" + T + ",\"roles\":[],\"iss\":\"task-crud\",\"exp\":" + (T + 86_400)
            + ",\"iat\":" + T + ",\"jti\":\"bffd559e-be7d-48c2-bc72-2bdcebfd9957\",\"email\":\"x1053@example.com\"}";

        Caller caller = tokens.caller(jwt(HS256, claims, SECRET));

        assertThat(caller).isNotNull();
        assertThat(caller.tokenId()).isEqualTo(UUID.fromString("bffd559e-be7d-48c2-bc72-2bdcebfd9957"));
    }

    @Test
    void theAuthorizationHeaderTakesOneBearerTokenInAnyCaseOfItsScheme() {
        String token = tokens.issue(USER, null, Duration.ofHours(1)).value();

        assertThat(tokens.caller(List.of("bearer " + token))).isNotNull();
        assertThat(tokens.caller(List.of())).isNull();
        assertThat(tokens.caller(List.of("Bearer " + token, "Bearer " + token))).as("two headers").isNull();
        assertThat(tokens.caller(List.of("Bearer " + token + ", Bearer " + token))).as("two tokens in one").isNull();
        assertThat(tokens.caller(List.of("Basic aGFja2VyOmhhY2tlcg=="))).isNull();
        assertThat(tokens.caller(List.of(token))).as("no scheme").isNull();
        assertThat(tokens.caller(List.of("Bearer " + "x".repeat(BearerTokens.MAX_LENGTH)))).isNull();
    }

    static Stream<Arguments> tokensOfNobody() {
        String user = USER.toString();
        String jti = UUID.randomUUID().toString();
        String good = "{\"sub\":\"" + user + "\",\"exp\":" + (T + 3600) + ",\"jti\":\"" + jti + "\"}";
        String valid = jwt(HS256, good, SECRET);
        return Stream.of(
            Arguments.of("empty", ""),
            Arguments.of("not a JWT", "not.a.jwt"),
            Arguments.of("two parts", valid.substring(0, valid.lastIndexOf('.'))),
            Arguments.of("four parts", valid + ".x"),
            Arguments.of("alg none, unsigned", jwt("{\"alg\":\"none\"}", good, null)),
            Arguments.of("alg none, signed anyway", jwt("{\"alg\":\"none\"}", good, SECRET)),
            Arguments.of("alg HS512 in the header", jwt("{\"alg\":\"HS512\"}", good, SECRET)),
            Arguments.of("a critical header extension", jwt("{\"alg\":\"HS256\",\"crit\":[\"exp\"]}", good, SECRET)),
            Arguments.of("a header that is not an object", jwt("[1]", good, SECRET)),
            Arguments.of("signed with another key", jwt(HS256, good, "another-secret-that-is-long-enough-for-hs256")),
            Arguments.of("a tampered payload", valid.replace(valid.split("\\.")[1],
                b64("{\"sub\":\"" + UUID.randomUUID() + "\",\"exp\":" + (T + 3600) + ",\"jti\":\"" + jti + "\"}"))),
            Arguments.of("a signature not in base64url", valid.substring(0, valid.lastIndexOf('.') + 1) + "*&^%"),
            Arguments.of("claims that are not JSON", jwt(HS256, "sub=" + user, SECRET)),
            Arguments.of("claims that are an array", jwt(HS256, "[\"" + user + "\"]", SECRET)),
            Arguments.of("expired", jwt(HS256, "{\"sub\":\"" + user + "\",\"exp\":" + (T - 1) + ",\"jti\":\"" + jti + "\"}", SECRET)),
            Arguments.of("expiring this second", jwt(HS256, "{\"sub\":\"" + user + "\",\"exp\":" + T + ",\"jti\":\"" + jti + "\"}", SECRET)),
            Arguments.of("no expiry", jwt(HS256, "{\"sub\":\"" + user + "\",\"jti\":\"" + jti + "\"}", SECRET)),
            Arguments.of("an expiry in words", jwt(HS256, "{\"sub\":\"" + user + "\",\"exp\":\"tomorrow\",\"jti\":\"" + jti + "\"}", SECRET)),
            Arguments.of("an expiry beyond any date", jwt(HS256, "{\"sub\":\"" + user + "\",\"exp\":1e300,\"jti\":\"" + jti + "\"}", SECRET)),
            Arguments.of("not valid for another minute", jwt(HS256, "{\"sub\":\"" + user + "\",\"exp\":" + (T + 3600) + ",\"nbf\":"
                + (T + 60) + ",\"jti\":\"" + jti + "\"}", SECRET)),
            Arguments.of("a not-before in words", jwt(HS256, "{\"sub\":\"" + user + "\",\"exp\":" + (T + 3600)
                + ",\"nbf\":\"now\",\"jti\":\"" + jti + "\"}", SECRET)),
            Arguments.of("a subject that is no UUID", jwt(HS256, "{\"sub\":\"admin\",\"exp\":" + (T + 3600) + ",\"jti\":\"" + jti + "\"}", SECRET)),
            Arguments.of("a subject that is a number", jwt(HS256, "{\"sub\":1,\"exp\":" + (T + 3600) + ",\"jti\":\"" + jti + "\"}", SECRET)),
            Arguments.of("no jti", jwt(HS256, "{\"sub\":\"" + user + "\",\"exp\":" + (T + 3600) + "}", SECRET)),
            Arguments.of("a revoked jti", jwt(HS256, "{\"sub\":\"" + user + "\",\"exp\":" + (T + 3600) + ",\"jti\":\"" + REVOKED + "\"}", SECRET)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tokensOfNobody")
    void aTokenThatIsWrongInOneWayNamesNobody(String what, String token) {
        assertThat(tokens.caller(token)).isNull();
        assertThat(tokens.caller(List.of("Bearer " + token))).isNull();
    }

    @Test
    void clocksMayDifferByThirtySecondsAndAnExpiryMayHaveAFraction() {
        String jti = UUID.randomUUID().toString();
        String skewed = jwt(HS256, "{\"sub\":\"" + USER + "\",\"exp\":" + (T + 3600) + ",\"nbf\":" + (T + 30) + ",\"jti\":\"" + jti + "\"}", SECRET);
        String fraction = jwt(HS256, "{\"sub\":\"" + USER + "\",\"exp\":" + T + ".5,\"jti\":\"" + jti + "\"}", SECRET);

        assertThat(tokens.caller(skewed)).isNotNull();
        assertThat(tokens.caller(fraction)).isNotNull();
        assertThat(tokens.caller(fraction).expiresAt()).isEqualTo(NOW.plusMillis(500));
    }

    @Test
    void aSecretShorterThanTheHashStopsTheStart() {
        assertThatThrownBy(() -> new BearerTokens("too-short-a-secret", JsonMapper.createDefault(), jti -> false, Clock.systemUTC()))
            .isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("at least 32 bytes");
    }

    /** A JWT signed HS256 with {@code secret} by the JDK directly, or unsigned when it is null. */
    private static String jwt(String header, String claims, String secret) {
        String unsigned = b64(header) + "." + b64(claims);
        if (secret == null) {
            return unsigned + ".";
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return unsigned + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(unsigned.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String b64(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
