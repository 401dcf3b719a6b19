package dev.kadence.taskcrud;

import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The address a request came from, for login throttling: the connection's peer, unless that peer is a trusted proxy
 * ({@code kadence.auth.trusted-proxies}, KADENCE_TRUSTED_PROXIES, exact addresses, none by default) — then the last
 * address of {@code X-Forwarded-For} that is not one: a client can prepend anything to that header, but not what the
 * proxies it passed through appended. A loopback address is no client's: it is a proxy on the same host or in the same
 * pod (the front door on a laptop, Knative's queue-proxy), so such a request has no known address (null) and only its
 * account is throttled — else every user behind that proxy would share one address's limit.
 */
@Singleton
class ClientAddress {
    private final Set<String> trustedProxies;

    ClientAddress(@Value("${kadence.auth.trusted-proxies:}") List<String> trustedProxies) {
        this.trustedProxies = trustedProxies.stream().map(String::strip).filter(s -> !s.isEmpty()).collect(Collectors.toUnmodifiableSet());
    }

    /** The client's address, or null when it is not known. */
    String of(HttpRequest<?> request) {
        String address = address(request);
        return address.startsWith("127.") || address.equals("::1") || address.equals("0:0:0:0:0:0:0:1") ? null : address;
    }

    private String address(HttpRequest<?> request) {
        InetSocketAddress remote = request.getRemoteAddress();
        String peer = remote.getAddress() == null ? remote.getHostString() : remote.getAddress().getHostAddress();
        if (!trustedProxies.contains(peer)) {
            return peer;
        }
        List<String> forwarded = request.getHeaders().getAll("X-Forwarded-For").stream()
            .flatMap(header -> java.util.Arrays.stream(header.split(",")))
            .map(String::strip)
            .filter(s -> !s.isEmpty())
            .toList();
        for (int i = forwarded.size() - 1; i >= 0; i--) {
            if (!trustedProxies.contains(forwarded.get(i))) {
                return forwarded.get(i);
            }
        }
        return peer;
    }
}
