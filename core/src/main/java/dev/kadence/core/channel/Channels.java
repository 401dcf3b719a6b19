package dev.kadence.core.channel;

import dev.kadence.core.error.ErrorCode;
import dev.kadence.core.error.KadenceException;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/**
 * A user's notification channels: made (a webhook's target checked, its signing secret made and shown once), listed
 * with their state, paused and resumed, deleted, and sent a test message. Another user's channel is not found.
 */
@Singleton
public class Channels {
    public static final int RECENT_DELIVERIES = 50;
    /** Each reminder fans out to every channel, so a user has a few, not thousands. */
    public static final int MAX_CHANNELS = 20;
    static final String TEST_TITLE = "Kadence test message";
    static final String TEST_MESSAGE = "This channel works: Kadence will send your reminders here.";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ChannelStore channels;
    private final DeliveryStore deliveryStore;
    private final Deliveries deliveries;
    private final WebhookTargets targets;
    private final boolean emailConfigured;
    private final Clock clock;

    Channels(ChannelStore channels, DeliveryStore deliveryStore, Deliveries deliveries, WebhookTargets targets,
             @Value("${kadence.smtp.host:}") String smtpHost, Clock clock) {
        this.channels = channels;
        this.deliveryStore = deliveryStore;
        this.deliveries = deliveries;
        this.targets = targets;
        this.emailConfigured = !smtpHost.isBlank();
        this.clock = clock;
    }

    @Transactional
    public ChannelView create(UUID userId, ChannelDraft draft) {
        if (draft.type() == ChannelType.WEBHOOK) {
            targets.refusal(draft.url()).ifPresent(r -> {
                throw KadenceException.invalid("url", r.code(), r.message());
            });
        } else if (!emailConfigured) {
            throw KadenceException.invalid("type", "email_unavailable", "this deployment has no SMTP server configured for email");
        }
        if (channels.count(userId) >= MAX_CHANNELS) {
            throw new KadenceException(ErrorCode.CONFLICT, "at most " + MAX_CHANNELS + " channels: delete one first");
        }
        String secret = draft.type() == ChannelType.WEBHOOK ? secret() : null;
        Channel c = new Channel(UUID.randomUUID(), userId, draft.type(), draft.url(), draft.format(), secret,
            draft.address(), null, null, 0, null, null, now());
        channels.insert(c);
        return ChannelView.of(c, null).withSecret(secret);
    }

    @Transactional
    public List<ChannelView> list(UUID userId) {
        return channels.list(userId).stream().map(l -> ChannelView.of(l.channel(), l.nextAttemptAt())).toList();
    }

    /** Pauses ({@code paused}) or resumes the channel; resuming clears its failures and sends what waited. */
    @Transactional
    public ChannelView setPaused(UUID userId, UUID id, boolean paused) {
        boolean found = paused ? channels.pause(userId, id, now(), "paused by you") : channels.resume(userId, id, now());
        if (!found) {
            throw KadenceException.notFound("channel");
        }
        if (!paused) {
            deliveries.becameDue();
        }
        return view(userId, id);
    }

    @Transactional
    public void delete(UUID userId, UUID id) {
        if (!channels.delete(userId, id)) {
            throw KadenceException.notFound("channel");
        }
    }

    /** Queues a test message to the channel; its outcome shows in the channel's deliveries. */
    @Transactional
    public DeliveryView test(UUID userId, UUID id) {
        Channel c = find(userId, id);
        if (c.paused()) {
            throw new KadenceException(ErrorCode.CONFLICT, "the channel is paused: resume it first");
        }
        return DeliveryView.of(deliveries.enqueueTest(c, TEST_TITLE, TEST_MESSAGE, now()));
    }

    @Transactional
    public List<DeliveryView> deliveries(UUID userId, UUID id) {
        find(userId, id);
        return deliveryStore.recent(id, RECENT_DELIVERIES).stream().map(DeliveryView::of).toList();
    }

    private Channel find(UUID userId, UUID id) {
        return channels.find(userId, id).orElseThrow(() -> KadenceException.notFound("channel")).channel();
    }

    private ChannelView view(UUID userId, UUID id) {
        ChannelStore.Listed l = channels.find(userId, id).orElseThrow(() -> KadenceException.notFound("channel"));
        return ChannelView.of(l.channel(), l.nextAttemptAt());
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static String secret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return "whsec_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
