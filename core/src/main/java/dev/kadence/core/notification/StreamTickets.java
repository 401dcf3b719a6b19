package dev.kadence.core.notification;

import dev.kadence.core.db.Sql;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Tickets that open one stream: issued to a signed-in user (bearer token), valid for {@link #TTL}, and used up by the
 * first stream that presents one. Browsers' {@code EventSource} cannot send headers; a ticket in the URL is worthless
 * to anyone who reads it later in a log. Only its SHA-256 is stored, so the table cannot be replayed either.
 */
@Singleton
public class StreamTickets {
    public static final Duration TTL = Duration.ofSeconds(30);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Sql sql;
    private final Clock clock;

    StreamTickets(Sql sql, Clock clock) {
        this.sql = sql;
        this.clock = clock;
    }

    @Serdeable
    public record Ticket(String ticket, Instant expiresAt) {
    }

    @Transactional
    public Ticket issue(UUID userId) {
        Instant now = clock.instant();
        sql.update("delete from stream_tickets where expires_at <= ?", List.of(now));
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String ticket = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        Instant expiresAt = now.plus(TTL);
        sql.update("insert into stream_tickets (ticket_hash, user_id, expires_at) values (?, ?, ?)",
            List.of(hash(ticket), userId, expiresAt));
        return new Ticket(ticket, expiresAt);
    }

    /** The user a ticket was issued to, if it is unused and unexpired; using it ends it either way. */
    @Transactional
    public Optional<UUID> redeem(String ticket) {
        if (ticket == null || ticket.isBlank() || ticket.length() > 100) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        return sql.one("delete from stream_tickets where ticket_hash = ? returning user_id, expires_at", List.of(hash(ticket)),
                rs -> new Issued(rs.getObject("user_id", UUID.class), Sql.instant(rs, "expires_at")))
            .filter(issued -> issued.expiresAt().isAfter(now))
            .map(Issued::userId);
    }

    private record Issued(UUID userId, Instant expiresAt) {
    }

    private static String hash(String ticket) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(ticket.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
