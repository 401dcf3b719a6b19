package dev.kadence.reminderfire;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;

/**
 * How the system's clock treats time: a reminder found due later than {@code gracePeriod} after its time (the system
 * was down) is marked missed rather than fired; each sweep schedules again the jobs due within {@code renewAhead}, in
 * case one was lost.
 */
@ConfigurationProperties("kadence.reminders")
record ReminderSettings(
    @Bindable(defaultValue = "15m") Duration gracePeriod,
    @Bindable(defaultValue = "2m") Duration renewAhead,
    @Bindable(defaultValue = "500") int batch) {
}
