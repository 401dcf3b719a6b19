package dev.kadence.taskcrud;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.netty.util.internal.PlatformDependent;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A JSON body's buffer is released once it is read (core/web/JsonBodies): kept, every body stayed in the function's
 * direct memory (16 MiB in the images) until Netty could allocate no more and the function stopped answering — the
 * hostile-input table (local/…/HostileInputTest) found it when sent five times over.
 */
@MicronautTest(transactional = false)
class RequestBodyMemoryTest extends ApiTest {
    private static final int BODY = 500_000;

    @Test
    void bodiesReadAndRefusedLeaveNoDirectMemoryBehind() {
        User user = signup();
        String refusedAfterReading = "{\"title\": \"t\", \"due_at\": \"" + "9".repeat(BODY) + "\"}";
        String malformed = "{\"title\": \"" + "x".repeat(BODY) + "\", ";
        for (int i = 0; i < 10; i++) {      // the allocator takes what it keeps for bodies of this size
            send("POST", "/api/v1/tasks", user.token(), refusedAfterReading, "application/json");
            send("POST", "/api/v1/tasks", user.token(), malformed, "application/json");
        }
        long before = PlatformDependent.usedDirectMemory();

        for (int i = 0; i < 20; i++) {
            assertThat(send("POST", "/api/v1/tasks", user.token(), refusedAfterReading, "application/json").status()).isEqualTo(400);
            assertThat(send("POST", "/api/v1/tasks", user.token(), malformed, "application/json").status()).isEqualTo(400);
        }

        assertThat(PlatformDependent.usedDirectMemory() - before).as("direct memory kept by 40 bodies of %d bytes", BODY)
            .isLessThan(4L * 1024 * 1024);
    }
}
