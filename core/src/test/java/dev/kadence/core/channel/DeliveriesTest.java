package dev.kadence.core.channel;

import dev.kadence.core.db.Sql;
import dev.kadence.testing.TestInfra;
import io.micronaut.context.ApplicationContext;
import io.micronaut.transaction.TransactionOperations;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** What the relay asks of the deliveries between its runs. */
class DeliveriesTest {

    @Test
    @SuppressWarnings("unchecked")
    void nothingIsDueWhenNoDeliveryIsWaiting() {
        try (ApplicationContext context = ApplicationContext.run(new HashMap<>(TestInfra.properties()))) {
            TransactionOperations<Connection> tx = context.getBean(TransactionOperations.class);
            Deliveries deliveries = context.getBean(Deliveries.class);
            Sql sql = context.getBean(Sql.class);
            // in a transaction that is rolled back: the shared database keeps whatever other tests left in it
            Optional<?> due = tx.executeWrite(status -> {
                sql.update("delete from channel_deliveries", List.of());
                status.setRollbackOnly();
                return deliveries.nextDue();
            });
            assertThat(due).isEmpty();
        }
    }
}
