package com.edutrack.web;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The peers whose {@code X-Forwarded-*} headers are believed ({@code EDUTRACK_TRUSTED_PROXIES}): IPv4
 * and IPv6 addresses and CIDR ranges. Addresses are read as literals only, never looked up in DNS.
 */
public final class TrustedProxies {

    private static final Pattern IPV4 = Pattern.compile(
            "((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");
    private static final Pattern IPV4_WITH_PORT = Pattern.compile("([\\d.]+):\\d{1,5}");
    /** Starts as InetAddress expects a literal to (a hex digit or a colon), and has a colon. */
    private static final Pattern IPV6 = Pattern.compile("(?=.*:)[0-9A-Fa-f:][0-9A-Fa-f:.]*");

    private record Range(byte[] network, int prefix) {

        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            int whole = prefix / 8;
            for (int i = 0; i < whole; i++) {
                if (address[i] != network[i]) {
                    return false;
                }
            }
            int rest = prefix % 8;
            int mask = (0xFF << (8 - rest)) & 0xFF;
            return rest == 0 || (address[whole] & mask) == (network[whole] & mask);
        }
    }

    private final List<Range> ranges;

    private TrustedProxies(List<Range> ranges) {
        this.ranges = List.copyOf(ranges);
    }

    /** Parses the setting's entries; a blank entry is skipped, anything else that is not an address or CIDR stops start-up. */
    public static TrustedProxies of(List<String> entries) {
        List<Range> ranges = new ArrayList<>();
        for (String entry : entries) {
            String text = entry.strip();
            if (text.isEmpty()) {
                continue;
            }
            int slash = text.indexOf('/');
            Optional<InetAddress> address = literal(slash < 0 ? text : text.substring(0, slash));
            if (address.isEmpty()) {
                throw new IllegalStateException("EDUTRACK_TRUSTED_PROXIES: \"" + text + "\" is not an IP address or CIDR range");
            }
            byte[] network = address.get().getAddress();
            int prefix = network.length * 8;
            if (slash >= 0) {
                String bits = text.substring(slash + 1);
                if (!bits.matches("\\d{1,3}") || Integer.parseInt(bits) > prefix) {
                    throw new IllegalStateException("EDUTRACK_TRUSTED_PROXIES: \"" + text + "\" has an invalid prefix length");
                }
                prefix = Integer.parseInt(bits);
            }
            ranges.add(new Range(network, prefix));
        }
        return new TrustedProxies(ranges);
    }

    public boolean isEmpty() {
        return ranges.isEmpty();
    }

    public boolean contains(InetAddress address) {
        byte[] bytes = address.getAddress();
        return ranges.stream().anyMatch(range -> range.contains(bytes));
    }

    /**
     * The IP address an {@code X-Forwarded-For} entry or a socket peer names: an IPv4 or IPv6 literal,
     * optionally with a port ({@code 203.0.113.7:51000}, {@code [2001:db8::1]:443}); empty for anything else.
     */
    public static Optional<InetAddress> literal(String text) {
        String address = text.strip();
        if (address.startsWith("[")) {
            int end = address.indexOf(']');
            if (end < 0) {
                return Optional.empty();
            }
            address = address.substring(1, end);
        } else if (IPV4_WITH_PORT.matcher(address).matches()) {
            address = address.substring(0, address.indexOf(':'));
        }
        // Only strings that are literals reach InetAddress, which then never asks DNS.
        if (!IPV4.matcher(address).matches() && !IPV6.matcher(address).matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(address));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }
}
