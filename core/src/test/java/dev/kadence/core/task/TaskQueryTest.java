package dev.kadence.core.task;

import dev.kadence.core.api.QueryParameters;
import dev.kadence.core.error.FieldError;
import dev.kadence.core.error.KadenceException;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class TaskQueryTest {
    private static final java.util.function.Supplier<ZoneId> BERLIN = () -> ZoneId.of("Europe/Berlin");

    @Test
    void defaultsSortByDueDateAscendingFiftyAPage() {
        TaskQuery q = QueryParameters.taskQuery(Map.of(), BERLIN);
        assertThat(q.sortBy()).isEqualTo(TaskQuery.SortKey.DUE_AT);
        assertThat(q.ascending()).isTrue();
        assertThat(q.page().limit()).isEqualTo(50);
        assertThat(q.allTags()).isFalse();
    }

    @Test
    void eachSortHasTheNaturalDefaultDirection() {
        assertThat(QueryParameters.taskQuery(Map.of("sort_by", "priority"), BERLIN).ascending()).as("high first").isFalse();
        assertThat(QueryParameters.taskQuery(Map.of("sort_by", "created_at"), BERLIN).ascending()).as("newest first").isFalse();
        assertThat(QueryParameters.taskQuery(Map.of("sort_by", "title"), BERLIN).ascending()).isTrue();
        assertThat(QueryParameters.taskQuery(Map.of("sort_by", "priority", "order", "asc"), BERLIN).ascending()).isTrue();
    }

    @Test
    void listsAreTrimmedDeduplicatedAndNormalised() {
        TaskQuery q = QueryParameters.taskQuery(Map.of("status", "todo, in_progress,todo", "priority", "high", "tags", "Work, URGENT", "tag_mode", "all"), BERLIN);
        assertThat(q.statuses()).containsExactly(Status.TODO, Status.IN_PROGRESS);
        assertThat(q.priorities()).containsExactly(Priority.HIGH);
        assertThat(q.tags()).containsExactly("work", "urgent");
        assertThat(q.allTags()).isTrue();
    }

    @Test
    void aPlainDateIsADayInTheUsersZoneAndAnUpperDateIncludesThatDay() {
        TaskQuery q = QueryParameters.taskQuery(Map.of("due_from", "2026-03-29", "due_to", "2026-03-29"), BERLIN);
        assertThat(q.dueFrom()).isEqualTo(Instant.parse("2026-03-28T23:00:00Z"));
        assertThat(q.dueTo()).as("DST starts that night: the day is 23 hours long").isEqualTo(Instant.parse("2026-03-29T22:00:00Z"));
        TaskQuery exact = QueryParameters.taskQuery(Map.of("due_from", "2026-03-29T10:00:00+02:00"), BERLIN);
        assertThat(exact.dueFrom()).isEqualTo(Instant.parse("2026-03-29T08:00:00Z"));
    }

    @Test
    void theZoneIsLookedUpOnlyForPlainDates() {
        java.util.concurrent.atomic.AtomicInteger asked = new java.util.concurrent.atomic.AtomicInteger();
        java.util.function.Supplier<ZoneId> counting = () -> {
            asked.incrementAndGet();
            return ZoneId.of("UTC");
        };
        QueryParameters.taskQuery(Map.of("priority", "high", "due_from", "2026-03-29T10:00:00Z"), counting);
        assertThat(asked).hasValue(0);
        QueryParameters.taskQuery(Map.of("due_to", "2026-03-29"), counting);
        assertThat(asked).hasValue(1);
    }

    @Test
    void everyBadParameterIsReportedAtOnce() {
        KadenceException e = catchThrowableOfType(KadenceException.class, () -> QueryParameters.taskQuery(
            Map.of("sort_by", "colour", "order", "up", "limit", "500", "overdue", "yes"), BERLIN));
        assertThat(e.errors()).extracting(FieldError::field).containsExactlyInAnyOrder("sort_by", "order", "limit", "overdue");
    }

    @Test
    void theFingerprintIgnoresPagingButNotFilters() {
        String a = QueryParameters.taskQuery(Map.of("priority", "high", "limit", "10"), BERLIN).fingerprint();
        String b = QueryParameters.taskQuery(Map.of("priority", "high", "limit", "20", "cursor", "x"), BERLIN).fingerprint();
        String c = QueryParameters.taskQuery(Map.of("priority", "low"), BERLIN).fingerprint();
        assertThat(a).isEqualTo(b).isNotEqualTo(c);
    }

    @Test
    void searchWordsBecomePrefixTermsThatMustAllMatch() {
        assertThat(TaskListing.tsquery("Prep  présentation!")).isEqualTo("prep:* & présentation:*");
        assertThat(TaskListing.tsquery("a'b) | c")).isEqualTo("a:* & b:* & c:*");
        assertThat(TaskListing.tsquery("!!!")).isNull();
    }
}
