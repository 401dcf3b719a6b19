package dev.kadence.core.task;

import dev.kadence.core.event.EventTypes;
import dev.kadence.core.tag.Tags;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;

/** Keeps tasks in step when a tag is renamed or deleted; each affected task is updated and published. */
@Singleton
class TaggedTasks implements Tags.TagChanges {
    private final TaskStore store;
    private final TaskViews views;
    private final TaskEvents events;

    TaggedTasks(TaskStore store, TaskViews views, TaskEvents events) {
        this.store = store;
        this.views = views;
        this.events = events;
    }

    @Override
    public void renamed(UUID userId, String from, String to, Instant now) {
        rewrite(userId, from, now, tags -> {
            List<String> out = new ArrayList<>();
            for (String t : tags) {
                String name = t.equals(from) ? to : t;
                if (!out.contains(name)) {
                    out.add(name);
                }
            }
            return out;
        });
    }

    @Override
    public void deleted(UUID userId, String name, Instant now) {
        rewrite(userId, name, now, tags -> tags.stream().filter(t -> !t.equals(name)).toList());
    }

    private void rewrite(UUID userId, String tag, Instant now, UnaryOperator<List<String>> change) {
        List<Task> changed = store.lockTagged(userId, tag).stream().map(t -> t.withTags(change.apply(t.tags()), now)).toList();
        changed.forEach(store::update);
        views.of(changed).forEach(view -> events.emit(EventTypes.TASK_UPDATED, view));
    }
}
