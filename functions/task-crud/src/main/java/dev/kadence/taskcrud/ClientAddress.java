package dev.kadence.taskcrud;

import dev.kadence.core.web.TrustedProxies;
import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.List;

/**
 * Where a login came from, for throttling per address: the client that core's {@link TrustedProxies} finds behind
 * the trusted proxies ({@code kadence.auth.trusted-proxies}, KADENCE_TRUSTED_PROXIES; loopback by default, the
 * chart adds the cluster's pod network) in {@code X-Forwarded-For}. Null when it cannot be told (every hop a trusted
 * proxy, or an entry that is no address): then only the account is throttled. An IPv6 client counts as its /64, the
 * block one subscriber gets, so that one cannot try 20 passwords from each of its 2^64 addresses.
 */
@Singleton
class ClientAddress {
    private final TrustedProxies trustedProxies;

    ClientAddress(@Value("${kadence.auth.trusted-proxies}") List<String> trustedProxies) {
        this.trustedProxies = TrustedProxies.parse(trustedProxies);
    }

    /** The client's address as the throttle counts it, or null when it is not known. */
    String of(HttpRequest<?> request) {
        return trustedProxies.client(request.getRemoteAddress().getAddress(), request.getHeaders().getAll("X-Forwarded-For"))
            .map(ClientAddress::key)
            .orElse(null);
    }

    static String key(InetAddress address) {
        if (address instanceof Inet6Address) {
            byte[] b = address.getAddress();
            return String.format("%x:%x:%x:%x::/64", (b[0] & 0xff) << 8 | b[1] & 0xff, (b[2] & 0xff) << 8 | b[3] & 0xff,
                (b[4] & 0xff) << 8 | b[5] & 0xff, (b[6] & 0xff) << 8 | b[7] & 0xff);
        }
        return address.getHostAddress();
    }
}
