package dev.kadence.core.task;

import dev.kadence.core.paging.PageRequest;
import dev.kadence.testing.TestInfra;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every sort of the task list, in both directions, is read from an index in order, never sorted: a sort over all of a
 * user's tasks costs ~100 ms at 100,000 tasks (docs/benchmarks.md). Asked of the real planner with sorting disabled,
 * so that a plan that needs a sort shows one whatever the table holds; a completed range is the exception, read from
 * its own index first (V12). And searches do not read a pending list of GIN entries (V12).
 */
class TaskListPlanTest {
    private final TaskListing listing = new TaskListing(null, null, Clock.systemUTC(), new CursorKey("plan-test"), 1000);

    @Test
    void everySortKeyInEitherDirectionWalksAnIndex() throws Exception {
        try (Connection c = DriverManager.getConnection(TestInfra.jdbcUrl()); Statement s = c.createStatement()) {
            s.execute("set enable_sort = off");
            for (TaskQuery.SortKey key : TaskQuery.SortKey.values()) {
                for (boolean ascending : List.of(true, false)) {
                    String plan = plan(c, listing.selects(UUID.randomUUID(), query(key, ascending)).getFirst());
                    assertThat(plan).as(key + (ascending ? " asc" : " desc")).doesNotContain("Sort").contains("Index Scan");
                }
            }
        }
    }

    @Test
    void aCompletedRangeIsReadFromItsIndexBeforeItIsSorted() throws Exception {
        Instant to = Instant.parse("2026-06-01T00:00:00Z");
        TaskQuery completed = new TaskQuery(null, List.of(), List.of(), List.of(), false, null, null,
            to.minus(Duration.ofDays(120)), to, null, TaskQuery.SortKey.UPDATED_AT, false, new PageRequest(TaskQuery.DEFAULT_LIMIT, null));
        try (Connection c = DriverManager.getConnection(TestInfra.jdbcUrl()); Statement s = c.createStatement()) {
            s.execute("set enable_sort = off");
            s.execute("set enable_seqscan = off");
            String plan = plan(c, listing.selects(UUID.randomUUID(), completed).getLast());
            assertThat(plan).as("a walk along updated_at passes every task changed since").doesNotContain("tasks_by_updated")
                .contains("Index Only Scan using tasks_done_for_lists");
        }
    }

    @Test
    void theSearchAndTagIndexesKeepNoPendingList() throws Exception {
        try (Connection c = DriverManager.getConnection(TestInfra.jdbcUrl()); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select relname, reloptions from pg_class where relname in ('tasks_search', 'tasks_tags')")) {
            int indexes = 0;
            while (rs.next()) {
                indexes++;
                assertThat(rs.getString("reloptions")).as(rs.getString("relname")).contains("fastupdate=off");
            }
            assertThat(indexes).isEqualTo(2);
        }
    }

    private static TaskQuery query(TaskQuery.SortKey key, boolean ascending) {
        return new TaskQuery(null, List.of(), List.of(), List.of(), false, null, null, null, null, null, key, ascending,
            new PageRequest(TaskQuery.DEFAULT_LIMIT, null));
    }

    private static String plan(Connection c, TaskListing.Select select) throws Exception {
        try (PreparedStatement ps = c.prepareStatement("explain " + select.sql())) {
            for (int i = 0; i < select.args().size(); i++) {
                Object arg = select.args().get(i);
                ps.setObject(i + 1, arg instanceof Instant instant ? instant.atOffset(ZoneOffset.UTC) : arg);
            }
            StringBuilder plan = new StringBuilder();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    plan.append(rs.getString(1)).append('\n');
                }
            }
            return plan.toString();
        }
    }
}
