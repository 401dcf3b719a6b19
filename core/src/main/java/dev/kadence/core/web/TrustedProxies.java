package dev.kadence.core.web;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The proxies whose {@code X-Forwarded-For} entries are believed (KADENCE_TRUSTED_PROXIES: CIDR blocks or single
 * addresses, IPv4 and IPv6), and who the client of a request is behind them.
 *
 * <p>Every proxy appends the address it was connected from to {@code X-Forwarded-For}; a client can put anything in
 * the header before that, but not after. So the client is found from the right: the connection's peer, then each
 * entry right to left, skipping trusted proxies; the first address that is not one is the client (the "right-most
 * untrusted" rule). An untrusted peer is the client itself, whatever it sent. When every hop is a trusted proxy
 * (the local front door with no proxy in front of it, a pod calling another) there is no client address to tell,
 * and when the walk meets an entry that is not an address (a name, {@code unknown}, garbage) nothing left of it can
 * be believed: both give empty.
 */
public final class TrustedProxies {
    /** What a function trusts when nothing is configured: its own host (the front door on a laptop, queue-proxy in a pod). */
    public static final String LOOPBACK = "127.0.0.0/8,::1/128";

    private final List<Block> blocks;

    private TrustedProxies(List<Block> blocks) {
        this.blocks = List.copyOf(blocks);
    }

    /**
     * The proxies of a comma-separated list, each a CIDR block ({@code 10.244.0.0/16}, {@code fd00::/8}) or an address.
     * A wrong entry is an error: a typo must not quietly trust nobody, or everybody.
     */
    public static TrustedProxies parse(List<String> entries) {
        List<Block> blocks = new ArrayList<>();
        for (String entry : entries) {
            for (String part : entry.split(",")) {
                if (!part.isBlank()) {
                    blocks.add(Block.parse(part.strip()));
                }
            }
        }
        return new TrustedProxies(blocks);
    }

    public static TrustedProxies parse(String entries) {
        return parse(List.of(entries));
    }

    public boolean trusts(InetAddress address) {
        return blocks.stream().anyMatch(block -> block.contains(address));
    }

    /**
     * The client of a request whose connection came from {@code peer} with these {@code X-Forwarded-For} header
     * values (each a comma-separated list; several headers read as one list), or empty when it cannot be told.
     */
    public Optional<InetAddress> client(InetAddress peer, List<String> forwardedFor) {
        Optional<InetAddress> from = IpLiteral.of(peer);
        if (from.isEmpty() || !trusts(from.get())) {
            return from;
        }
        List<String> hops = forwardedFor.stream()
            .flatMap(header -> Arrays.stream(header.split(",")))
            .map(String::strip)
            .filter(hop -> !hop.isEmpty())
            .toList();
        for (int i = hops.size() - 1; i >= 0; i--) {
            Optional<InetAddress> hop = IpLiteral.parse(hops.get(i));
            if (hop.isEmpty()) {
                return Optional.empty();
            }
            if (!trusts(hop.get())) {
                return hop;
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return blocks.toString();
    }

    private record Block(byte[] network, int prefix, String text) {
        static Block parse(String text) {
            int slash = text.indexOf('/');
            String address = slash < 0 ? text : text.substring(0, slash);
            InetAddress network = IpLiteral.parse(address).filter(a -> !address.contains("]") && !hasPort(address))
                .orElseThrow(() -> new IllegalArgumentException("not an address or CIDR block: '" + text + "'"));
            int bits = network.getAddress().length * 8;
            int prefix = bits;
            if (slash >= 0) {
                try {
                    prefix = Integer.parseInt(text.substring(slash + 1));
                } catch (NumberFormatException e) {
                    prefix = -1;
                }
                if (prefix < 0 || prefix > bits || (network instanceof Inet4Address) != !address.contains(":")) {
                    throw new IllegalArgumentException("not an address or CIDR block: '" + text + "'");
                }
            }
            return new Block(network.getAddress(), prefix, text);
        }

        private static boolean hasPort(String address) {
            return !address.contains(":") ? false : address.chars().filter(c -> c == ':').count() == 1;
        }

        boolean contains(InetAddress address) {
            byte[] bytes = address.getAddress();
            if (bytes.length != network.length) {
                return false;
            }
            int full = prefix / 8;
            for (int i = 0; i < full; i++) {
                if (bytes[i] != network[i]) {
                    return false;
                }
            }
            int rest = prefix % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xff << (8 - rest)) & 0xff;
            return (bytes[full] & mask) == (network[full] & mask);
        }

        @Override
        public String toString() {
            return text;
        }
    }
}
