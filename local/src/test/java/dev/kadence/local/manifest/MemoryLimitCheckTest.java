package dev.kadence.local.manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MemoryLimitCheckTest {

    @ParameterizedTest
    @CsvSource({
        "128Mi, 134217728",
        "134217728, 134217728",
        "0.125Gi, 134217728",
        "131072Ki, 134217728",
        "128M, 128000000",
        "129Mi, 135266304",
        "1e3, 1000"
    })
    void readsKubernetesQuantitiesAsBytes(String quantity, long bytes) {
        assertEquals(0, BigDecimal.valueOf(bytes).compareTo(MemoryLimitCheck.bytes(quantity)), quantity);
    }

    @ParameterizedTest
    @CsvSource({"128 Mi", "lots", "128MB"})
    void refusesWhatIsNotAQuantity(String quantity) {
        assertThrows(IllegalArgumentException.class, () -> MemoryLimitCheck.bytes(quantity));
    }
}
