package dev.kadence.core.web;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The right-most untrusted X-Forwarded-For entry, as task-crud's login throttle counts addresses (issue #16). */
class TrustedProxiesTest {
    /** What the chart configures: loopback and a pod network (kindnet/minikube's default). */
    private static final TrustedProxies CLUSTER = TrustedProxies.parse(TrustedProxies.LOOPBACK + ",10.244.0.0/16,fd00:10:244::/56");

    @ParameterizedTest(name = "peer {0}, X-Forwarded-For \"{1}\" → {2}")
    @CsvSource(delimiter = '|', nullValues = "none", value = {
        // an untrusted peer is the client, whatever it claims
        "198.51.100.7 | 203.0.113.9                                   | 198.51.100.7",
        "198.51.100.7 | 10.244.0.5                                    | 198.51.100.7",
        "2001:db8::7  | 203.0.113.9                                   | 2001:db8:0:0:0:0:0:7",
        // a trusted peer: the right-most entry that is not a trusted proxy
        "127.0.0.1    | 203.0.113.9                                   | 203.0.113.9",
        "127.0.0.1    | 203.0.113.9, 127.0.0.1                        | 203.0.113.9",
        // the cluster's chain: ingress → Kourier → activator → queue-proxy → front door → … → queue-proxy → task-crud
        "127.0.0.1    | 203.0.113.9, 10.244.1.4, 10.244.2.8, 127.0.0.1, 10.244.0.31, 10.244.2.8 | 203.0.113.9",
        // a client's own header before that is not believed: only what trusted proxies appended counts
        "127.0.0.1    | 192.0.2.1, 198.51.100.23, 10.244.1.4          | 198.51.100.23",
        "127.0.0.1    | 10.244.9.9, 198.51.100.23, 10.244.1.4         | 198.51.100.23",
        // only trusted hops: nobody's address to count
        "127.0.0.1    | none                                          | none",
        "127.0.0.1    | ''                                            | none",
        "10.244.3.3   | 127.0.0.1, 10.244.0.1                         | none",
        "::1          | none                                          | none",
        // IPv6 and IPv4-mapped IPv6
        "::1          | 2001:db8:cafe::17, fd00:10:244::5             | 2001:db8:cafe:0:0:0:0:17",
        "::1          | [2001:db8:cafe::17]:4711                      | 2001:db8:cafe:0:0:0:0:17",
        "::ffff:127.0.0.1 | ::ffff:203.0.113.9                        | 203.0.113.9",
        "127.0.0.1    | 203.0.113.9:51234                             | 203.0.113.9",
        // malformed entries: nothing left of one is believed, and it is nobody's address
        "127.0.0.1    | 203.0.113.9, unknown                          | none",
        "127.0.0.1    | 203.0.113.9, example.com                      | none",
        "127.0.0.1    | 203.0.113.9, 300.1.1.1                        | none",
        "127.0.0.1    | 203.0.113.9, 1.2.3                            | none",
        "127.0.0.1    | 203.0.113.9, 01.2.3.4                         | none",
        "127.0.0.1    | 203.0.113.9, fe80::1%eth0                     | none",
        "127.0.0.1    | 203.0.113.9, _hidden                          | none",
        "127.0.0.1    | 203.0.113.9, \"[2001:db8::1]\"                | none",
        // a malformed entry left of the client does not matter; empty list elements are skipped
        "127.0.0.1    | garbage, 203.0.113.9                          | 203.0.113.9",
        "127.0.0.1    | 203.0.113.9,,  ,10.244.0.8                    | 203.0.113.9",
    })
    void theClientIsTheRightMostAddressThatIsNotATrustedProxy(String peer, String forwardedFor, String client) {
        List<String> headers = forwardedFor == null ? List.of() : List.of(forwardedFor);

        Optional<InetAddress> found = CLUSTER.client(address(peer), headers);

        assertThat(found.map(InetAddress::getHostAddress).orElse(null)).isEqualTo(client);
    }

    @Test
    void severalHeadersReadAsOneListInTheirOrder() {
        assertThat(CLUSTER.client(address("127.0.0.1"), List.of("192.0.2.1, 203.0.113.9", "10.244.0.4")))
            .map(InetAddress::getHostAddress).hasValue("203.0.113.9");
        assertThat(CLUSTER.client(address("127.0.0.1"), List.of("203.0.113.9", "198.51.100.1, 10.244.0.4")))
            .map(InetAddress::getHostAddress).hasValue("198.51.100.1");
    }

    @Test
    void aLongForgedHeaderCostsOneWalkAndFindsTheSameClient() {
        String forged = String.join(", ", java.util.Collections.nCopies(2000, "10.244.0.1"));
        assertThat(CLUSTER.client(address("127.0.0.1"), List.of(forged + ", 203.0.113.9, 10.244.0.2")))
            .map(InetAddress::getHostAddress).hasValue("203.0.113.9");
    }

    @Test
    void nothingTrustedMeansThePeerIsTheClient() {
        TrustedProxies none = TrustedProxies.parse("");
        assertThat(none.client(address("127.0.0.1"), List.of("203.0.113.9")))
            .map(InetAddress::getHostAddress).hasValue("127.0.0.1");
    }

    @ParameterizedTest
    @CsvSource({
        "10.244.0.0/16, 10.244.255.255, true",
        "10.244.0.0/16, 10.245.0.0, false",
        "10.0.0.0/8, 10.1.2.3, true",
        "100.64.0.0/10, 100.127.255.254, true",
        "100.64.0.0/10, 100.128.0.1, false",
        "192.0.2.10, 192.0.2.10, true",
        "192.0.2.10, 192.0.2.11, false",
        "0.0.0.0/0, 203.0.113.9, true",
        "0.0.0.0/0, 2001:db8::1, false",
        "fd00::/8, fd12:3456::1, true",
        "fd00::/8, fe80::1, false",
        "::1/128, ::1, true",
        "::1/128, 127.0.0.1, false",
        "2001:db8:abcd::/47, 2001:db8:abcd:1::1, true",
        "2001:db8:abcd::/47, 2001:db8:abce::1, false",
    })
    void blocksContainTheirAddressesOnly(String block, String address, boolean contained) {
        assertThat(TrustedProxies.parse(block).trusts(address(address))).isEqualTo(contained);
    }

    @ParameterizedTest
    @ValueSource(strings = {"10.244.0.0/33", "10.244.0.0/-1", "10.244.0.0/x", "10.244.0/16", "pods", "::1/129",
        "fd00::/8/8", "10.0.0.1:80", "localhost", "[::1]", "::ffff:10.0.0.0/104"})
    void aWrongEntryIsAnErrorNotSilentlyNoProxy(String entry) {
        assertThatThrownBy(() -> TrustedProxies.parse("127.0.0.0/8, " + entry))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(entry);
    }

    @Test
    void entriesMaySpreadOverSeveralValuesAndCarrySpaces() {
        TrustedProxies proxies = TrustedProxies.parse(Arrays.asList(" 127.0.0.0/8 ,::1/128", "10.244.0.0/16 "));
        assertThat(proxies.trusts(address("10.244.3.4"))).isTrue();
        assertThat(proxies.trusts(address("::1"))).isTrue();
        assertThat(proxies.trusts(address("10.245.3.4"))).isFalse();
    }

    private static InetAddress address(String literal) {
        try {
            return InetAddress.getByName(literal);     // literals only in this test: no look-up
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }
}
