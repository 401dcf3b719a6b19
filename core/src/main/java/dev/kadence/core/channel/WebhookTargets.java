package dev.kadence.core.channel;

import jakarta.inject.Singleton;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Collections;
import java.util.Optional;

/**
 * Whether a webhook URL may be called: http or https, no user info, and a host whose every address is public, unless
 * the operator allows loopback or private targets ({@link ChannelSettings}). Checked when the channel is made and
 * again before every request, since what a name resolves to can change (DNS rebinding).
 */
@Singleton
public class WebhookTargets {
    private final ChannelSettings settings;

    public WebhookTargets(ChannelSettings settings) {
        this.settings = settings;
    }

    /** Why {@code url} may not be called (a code and a message), or empty when it may. */
    public Optional<Refusal> refusal(URI url) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(java.util.Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || url.getRawAuthority() == null || url.getHost() == null) {
            return Optional.of(new Refusal("invalid_url", "must be an http or https URL with a host"));
        }
        if (url.getRawUserInfo() != null) {
            return Optional.of(new Refusal("invalid_url", "must not carry a user name or password"));
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(url.getHost());
        } catch (UnknownHostException | SecurityException e) {
            return Optional.of(new Refusal("unresolvable_host", "the host " + url.getHost() + " does not resolve"));
        }
        for (InetAddress address : addresses) {
            Optional<Refusal> refused = refusal(address);
            if (refused.isPresent()) {
                return refused;
            }
        }
        return Optional.empty();
    }

    /** A refused target: a stable code and what to tell the user. */
    public record Refusal(String code, String message) {
    }

    /** Java reads an IPv4-mapped IPv6 address ({@code ::ffff:10.0.0.1}) as the IPv4 address it maps. */
    private Optional<Refusal> refusal(InetAddress a) {
        if (a.isMulticastAddress()) {
            return Optional.of(new Refusal("forbidden_target", "must not be a multicast address"));
        }
        if (a.isLoopbackAddress() || a.isAnyLocalAddress() || isThisHost(a)) {
            return settings.allowLoopback() || settings.allowPrivate() ? Optional.empty()
                : Optional.of(new Refusal("forbidden_target", "must not point at this server (" + a.getHostAddress() + ")"));
        }
        if (isPrivate(a)) {
            return settings.allowPrivate() ? Optional.empty()
                : Optional.of(new Refusal("forbidden_target", "must not point at a private network address (" + a.getHostAddress() + ")"));
        }
        return Optional.empty();
    }

    /** Private (RFC 1918), shared (100.64/10), link-local, unique-local (fc00::/7) and the "this network" block. */
    static boolean isPrivate(InetAddress a) {
        byte[] b = a.getAddress();
        if (a instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            return a.isSiteLocalAddress() || a.isLinkLocalAddress() || first == 0 || first == 100 && second >= 64 && second < 128;
        }
        return a.isSiteLocalAddress() || a.isLinkLocalAddress() || (b[0] & 0xfe) == 0xfc;
    }

    private static boolean isThisHost(InetAddress a) {
        try {
            return Collections.list(NetworkInterface.getNetworkInterfaces()).stream()
                .flatMap(i -> Collections.list(i.getInetAddresses()).stream())
                .anyMatch(own -> own.equals(a));
        } catch (SocketException e) {
            return false;
        }
    }
}
