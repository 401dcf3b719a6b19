package dev.kadence.core.channel;

import io.micronaut.context.event.ApplicationEventPublisher;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The deliveries of notifications to channels, as the relay sees them. Each is written in its notification's
 * transaction (one per active channel: at most one per channel), claimed before it is sent and settled after, each
 * step its own transaction. A relay that stops between sending and settling leaves its claim to run out, and the
 * delivery goes again with the same id: receivers drop the repeat by {@code Kadence-Delivery}. Nothing is lost, and
 * nothing is sent twice at the same time.
 */
@Singleton
public class Deliveries {
    private final DeliveryStore deliveries;
    private final ChannelStore channels;
    private final ApplicationEventPublisher<DeliveriesWritten> written;

    Deliveries(DeliveryStore deliveries, ChannelStore channels, ApplicationEventPublisher<DeliveriesWritten> written) {
        this.deliveries = deliveries;
        this.channels = channels;
        this.written = written;
    }

    /** Published inside the writing transaction; the relay hears it after commit. */
    public record DeliveriesWritten() {
    }

    /** Inside the caller's transaction: one delivery of the notification to each of the user's active channels. */
    public void enqueue(UUID userId, UUID notificationId, String title, String message, String link, Instant now) {
        if (deliveries.enqueue(userId, notificationId, title, message, link, now) > 0) {
            written.publishEvent(new DeliveriesWritten());
        }
    }

    /** Deliveries became due inside this transaction (a channel resumed): the relay runs after commit. */
    void becameDue() {
        written.publishEvent(new DeliveriesWritten());
    }

    Delivery enqueueTest(Channel channel, String title, String message, Instant now) {
        Delivery d = deliveries.enqueueTest(channel, title, message, now);
        written.publishEvent(new DeliveriesWritten());
        return d;
    }

    /** A claimed delivery with the channel it goes to. */
    public record Claimed(Delivery delivery, Channel channel) {
    }

    /** Claims what is due at {@code now}, each for {@code lease}; committed before anything is sent. */
    @Transactional
    public List<Claimed> claim(Instant now, Duration lease, int limit) {
        return deliveries.claim(now, now.plus(lease), limit).stream()
            .flatMap(d -> channels.byId(d.channelId()).map(c -> new Claimed(d, c)).stream())
            .toList();
    }

    @Transactional
    public void succeeded(Delivery d, Instant now) {
        deliveries.delivered(d.id(), now);
        channels.succeeded(d.channelId(), now);
    }

    /** Retried on the schedule, or failed for good; the channel paused when it failed too often in a row. */
    @Transactional
    public void failed(Delivery d, String error, Instant now) {
        deliveries.failed(d.id(), error, RetrySchedule.next(d.attempts(), now));
        channels.failed(d.channelId(), error, now);
    }

    @Transactional
    public Optional<Instant> nextDue() {
        return deliveries.nextDue();
    }
}
