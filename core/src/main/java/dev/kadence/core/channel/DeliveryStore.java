package dev.kadence.core.channel;

import dev.kadence.core.db.Sql;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The channel_deliveries table: written with their notification, claimed and settled by the relay. */
@Singleton
class DeliveryStore {
    private final Sql sql;

    DeliveryStore(Sql sql) {
        this.sql = sql;
    }

    /** One delivery of the notification to each of the user's active channels; how many were written. */
    int enqueue(UUID userId, UUID notificationId, String title, String message, String link, Instant now) {
        return sql.update("""
            insert into channel_deliveries (id, channel_id, user_id, notification_id, title, message, link, status,
                                            next_attempt_at, created_at)
            select gen_random_uuid(), c.id, c.user_id, ?, ?, ?, ?, 'pending', ?, ?
            from channels c where c.user_id = ? and c.paused_at is null
            on conflict do nothing""",
            List.of(notificationId, title, message, Sql.text(link), now, now, userId));
    }

    Delivery enqueueTest(Channel channel, String title, String message, Instant now) {
        return sql.one("""
            insert into channel_deliveries (id, channel_id, user_id, title, message, status, next_attempt_at, created_at)
            values (gen_random_uuid(), ?, ?, ?, ?, 'pending', ?, ?) returning *""",
            List.of(channel.id(), channel.userId(), title, message, now, now), DeliveryStore::read).orElseThrow();
    }

    /**
     * Claims up to {@code limit} deliveries of active channels that are due, or whose claim ran out (the relay that
     * held it stopped between sending and recording): each is counted as an attempt and held until {@code leaseUntil}.
     * Other relays skip what this one locked, so no two send the same delivery at the same time.
     */
    List<Delivery> claim(Instant now, Instant leaseUntil, int limit) {
        return sql.list("""
            update channel_deliveries d set status = 'sending', attempts = d.attempts + 1, lease_until = ?,
                                            next_attempt_at = ?
            where d.id in (select due.id from channel_deliveries due join channels c on c.id = due.channel_id
                           where c.paused_at is null
                             and (due.status = 'pending' and due.next_attempt_at <= ?
                                  or due.status = 'sending' and due.lease_until <= ?)
                           order by due.next_attempt_at limit ? for update of due skip locked)
            returning d.*""", List.of(leaseUntil, leaseUntil, now, now, limit), DeliveryStore::read);
    }

    void delivered(UUID id, Instant now) {
        sql.update("update channel_deliveries set status = 'delivered', delivered_at = ?, lease_until = null, last_error = null "
            + "where id = ? and status = 'sending'", List.of(now, id));
    }

    /** Back to pending until {@code next}, or failed for good when there is no next attempt. */
    void failed(UUID id, String error, Optional<Instant> next) {
        if (next.isPresent()) {
            sql.update("update channel_deliveries set status = 'pending', next_attempt_at = ?, lease_until = null, last_error = ? "
                + "where id = ? and status = 'sending'", List.of(next.get(), error, id));
        } else {
            sql.update("update channel_deliveries set status = 'failed', lease_until = null, last_error = ? "
                + "where id = ? and status = 'sending'", List.of(error, id));
        }
    }

    /** When the relay should next look: the earliest due attempt or running-out claim of an active channel. */
    Optional<Instant> nextDue() {
        // The earliest row, not min(): an aggregate answers one row even when nothing is due, with a null in it.
        return sql.one("""
            select d.next_attempt_at from channel_deliveries d join channels c on c.id = d.channel_id
            where c.paused_at is null and d.status in ('pending', 'sending')
            order by d.next_attempt_at limit 1""", List.of(), rs -> Sql.instant(rs, "next_attempt_at"));
    }

    List<Delivery> recent(UUID channelId, int limit) {
        return sql.list("select * from channel_deliveries where channel_id = ? order by created_at desc, id desc limit ?",
            List.of(channelId, limit), DeliveryStore::read);
    }

    private static Delivery read(ResultSet rs) throws SQLException {
        return new Delivery(rs.getObject("id", UUID.class), rs.getObject("channel_id", UUID.class),
            rs.getObject("user_id", UUID.class), rs.getObject("notification_id", UUID.class), rs.getString("title"),
            rs.getString("message"), rs.getString("link"), DeliveryStatus.of(rs.getString("status")), rs.getInt("attempts"),
            Sql.instant(rs, "next_attempt_at"), Sql.instant(rs, "lease_until"), rs.getString("last_error"),
            Sql.instant(rs, "delivered_at"), Sql.instant(rs, "created_at"));
    }
}
