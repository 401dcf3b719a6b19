package dev.kadence.core.web;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An IP address written as text, as proxies write them in {@code X-Forwarded-For}: {@code 203.0.113.7},
 * {@code 2001:db8::1}, also with a port ({@code 203.0.113.7:41234}, {@code [2001:db8::1]:443}). Never a host name:
 * nothing here asks DNS. An IPv4-mapped IPv6 address ({@code ::ffff:203.0.113.7}) is the IPv4 address.
 */
public final class IpLiteral {
    private static final String OCTET = "(0|[1-9][0-9]{0,2})";
    private static final Pattern V4 = Pattern.compile(OCTET + "\\." + OCTET + "\\." + OCTET + "\\." + OCTET + "(?::[0-9]{1,5})?");
    private static final Pattern V6_BRACKETED = Pattern.compile("\\[([0-9A-Fa-f:.]+)](?::[0-9]{1,5})?");
    private static final Pattern V6 = Pattern.compile("[0-9A-Fa-f:.]+");

    private IpLiteral() {
    }

    /** The address {@code text} writes, or empty when it is not an IP literal (a name, {@code unknown}, garbage). */
    public static Optional<InetAddress> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String s = text.strip();
        if (s.length() > 64) {
            return Optional.empty();
        }
        Matcher v4 = V4.matcher(s);
        if (v4.matches()) {
            byte[] bytes = new byte[4];
            for (int i = 0; i < 4; i++) {
                int octet = Integer.parseInt(v4.group(i + 1));
                if (octet > 255) {
                    return Optional.empty();
                }
                bytes[i] = (byte) octet;
            }
            return Optional.of(address(bytes));
        }
        Matcher bracketed = V6_BRACKETED.matcher(s);
        String v6 = bracketed.matches() ? bracketed.group(1) : V6.matcher(s).matches() ? s : null;
        if (v6 == null || v6.indexOf(':') < 0) {
            return Optional.empty();
        }
        try {
            // In brackets the JDK reads it as an IPv6 literal or refuses it: never a look-up.
            InetAddress address = InetAddress.getByName("[" + v6 + "]");
            return Optional.of(address instanceof Inet6Address mapped && isV4Mapped(mapped) ? v4Of(mapped) : address);
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    /** The address a peer's socket address names (always a literal), as {@link #parse} reads it. */
    public static Optional<InetAddress> of(InetAddress address) {
        return Optional.ofNullable(address)
            .map(a -> a instanceof Inet6Address v6 && isV4Mapped(v6) ? v4Of(v6) : a);
    }

    private static boolean isV4Mapped(Inet6Address address) {
        byte[] b = address.getAddress();
        for (int i = 0; i < 10; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return b[10] == (byte) 0xff && b[11] == (byte) 0xff;
    }

    private static InetAddress v4Of(Inet6Address mapped) {
        byte[] b = mapped.getAddress();
        return address(new byte[] {b[12], b[13], b[14], b[15]});
    }

    private static Inet4Address address(byte[] bytes) {
        try {
            return (Inet4Address) InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);     // four bytes are always an address
        }
    }
}
