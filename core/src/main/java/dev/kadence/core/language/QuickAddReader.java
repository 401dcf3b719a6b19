package dev.kadence.core.language;

import dev.kadence.core.user.Accounts;
import dev.kadence.core.user.User;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.util.UUID;

/** What a user says, read in that user's context: their zone, how they write dates (their locale) and now. */
@Singleton
public class QuickAddReader {
    private final Accounts accounts;
    private final Clock clock;

    QuickAddReader(Accounts accounts, Clock clock) {
        this.accounts = accounts;
        this.clock = clock;
    }

    /** The context {@code userId}'s text is read against, now. */
    public ReadingContext contextOf(UUID userId) {
        User user = accounts.get(userId);
        return new ReadingContext(user.zone(), user.dateOrder(), clock.instant());
    }

    /** One quick-add line of {@code userId}, read, with the context it was read in; nothing is stored. */
    public InContext<QuickAdd.Reading> quickAdd(UUID userId, String text) {
        ReadingContext context = contextOf(userId);
        return new InContext<>(QuickAdd.read(text, context), context);
    }

    /** A reading and what it was read against (a client shows its times in the context's zone). */
    public record InContext<R>(R reading, ReadingContext context) {
    }
}
