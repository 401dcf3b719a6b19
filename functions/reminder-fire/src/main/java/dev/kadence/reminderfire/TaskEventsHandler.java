package dev.kadence.reminderfire;

import dev.kadence.core.inbox.EventData;
import dev.kadence.core.inbox.EventHandler;
import dev.kadence.core.inbox.TopicTypes;
import dev.kadence.core.reminder.ReminderFiring;
import dev.kadence.core.task.TaskView;
import io.cloudevents.CloudEvent;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;

import java.util.Set;
import java.util.UUID;

import static dev.kadence.core.inbox.EventData.field;

/**
 * What reminder-fire does with the task events its KafkaSource delivers (POST /events): after any change to a task,
 * its Dapr jobs are brought in step with the stored task — one per pending reminder, one at its due time while it is
 * an open series instance — and jobs it no longer needs are deleted. A Dapr failure answers 503, so the event comes again.
 */
@Singleton
class TaskEventsHandler implements EventHandler {
    private final EventData data;
    private final ReminderFiring firing;
    private final DaprJobs jobs;

    TaskEventsHandler(EventData data, ReminderFiring firing, DaprJobs jobs) {
        this.data = data;
        this.firing = firing;
        this.jobs = jobs;
    }

    /** The part of a task event's data this function needs; the last snapshot names the jobs of a deleted task. */
    @Serdeable
    record TaskRef(UUID taskId, @Nullable TaskView task) {
    }

    @Override
    public String consumer() {
        return "reminder-fire";
    }

    @Override
    public Set<String> accepts() {
        return TopicTypes.TASK_EVENTS;
    }

    @Override
    public void apply(CloudEvent event) {
        TaskRef ref = data.read(event, TaskRef.class, field("task_id", TaskRef::taskId));
        ReminderFiring.JobPlan plan = firing.plan(ref.taskId(), ref.task());
        plan.schedule().forEach(job -> jobs.schedule(job.name(), job.dueTime(), job.data()));
        plan.delete().forEach(jobs::delete);
    }
}
