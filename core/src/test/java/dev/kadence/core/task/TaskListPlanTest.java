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
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every sort of the task list, in both directions, is read from an index in order, never sorted: a sort over all of a
 * user's tasks costs ~100 ms at 100,000 tasks (docs/benchmarks.md). Asked of the real planner with sorting disabled,
 * so that a plan that needs a sort shows one whatever the table holds.
 */
class TaskListPlanTest {
    private final TaskListing listing = new TaskListing(null, null, Clock.systemUTC(), "plan-test");

    @Test
    void everySortKeyInEitherDirectionWalksAnIndex() throws Exception {
        try (Connection c = DriverManager.getConnection(TestInfra.jdbcUrl()); Statement s = c.createStatement()) {
            s.execute("set enable_sort = off");
            for (TaskQuery.SortKey key : TaskQuery.SortKey.values()) {
                for (boolean ascending : List.of(true, false)) {
                    String plan = plan(c, listing.select(UUID.randomUUID(), query(key, ascending)));
                    assertThat(plan).as(key + (ascending ? " asc" : " desc")).doesNotContain("Sort").contains("Index Scan");
                }
            }
        }
    }

    private static TaskQuery query(TaskQuery.SortKey key, boolean ascending) {
        return new TaskQuery(null, List.of(), List.of(), List.of(), false, null, null, null, null, null, key, ascending,
            new PageRequest(TaskQuery.DEFAULT_LIMIT, null));
    }

    private static String plan(Connection c, TaskListing.Select select) throws Exception {
        try (PreparedStatement ps = c.prepareStatement("explain " + select.sql())) {
            for (int i = 0; i < select.args().size(); i++) {
                ps.setObject(i + 1, select.args().get(i));
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
