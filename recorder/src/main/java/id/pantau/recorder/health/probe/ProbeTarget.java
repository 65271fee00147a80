package id.pantau.recorder.health.probe;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a link probe talks to, written as an operator would:
 * {@code 10.20.0.1} or {@code icmp://10.20.0.1} (echo request), {@code 10.20.0.1:22} or {@code tcp://10.20.0.1:22}
 * (TCP connect), {@code rtsp://10.20.0.9:554/} (an RTSP OPTIONS round trip, so the delay across the link shows),
 * {@code snmp://10.20.0.1/12} (the status of interface 12 of the switch at 10.20.0.1, by SNMP v2c; port 161 unless
 * given; the community is a node setting, never part of the target, so it shows nowhere).
 * IPv6 hosts go in brackets when a port follows ({@code [fd00::1]:22}).
 */
public record ProbeTarget(Method method, String host, int port, String path) {

    /** How the target is probed. */
    public enum Method { ICMP, TCP, RTSP, SNMP }

    public static final int RTSP_DEFAULT_PORT = 554;
    public static final int SNMP_DEFAULT_PORT = 161;
    private static final Pattern SCHEME = Pattern.compile("(?i)([a-z]+)://(.*)");
    private static final Pattern HOST_PORT = Pattern.compile("(\\[[^\\]]+\\]|[^:/\\[\\]]+)(?::(\\d{1,5}))?(/.*)?");

    /** @throws IllegalArgumentException naming what is wrong */
    public static ProbeTarget parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("a probe target is required");
        }
        String t = text.trim();
        Matcher scheme = SCHEME.matcher(t);
        if (!scheme.matches()) {
            if (t.indexOf(':') != t.lastIndexOf(':') && !t.startsWith("[")) {
                return new ProbeTarget(Method.ICMP, t, 0, null);
            }
            ProbeTarget p = hostPort(Method.TCP, t, 0);
            return p.port == 0 ? new ProbeTarget(Method.ICMP, p.host, 0, null) : p;
        }
        String rest = scheme.group(2);
        return switch (scheme.group(1).toLowerCase(Locale.ROOT)) {
            case "icmp" -> new ProbeTarget(Method.ICMP, unbracket(rest.replaceAll("/+$", "")), 0, null);
            case "tcp" -> requirePort(hostPort(Method.TCP, rest, 0));
            case "rtsp" -> hostPort(Method.RTSP, rest, RTSP_DEFAULT_PORT);
            case "snmp" -> requireInterface(hostPort(Method.SNMP, rest, SNMP_DEFAULT_PORT));
            default -> throw new IllegalArgumentException("unknown probe scheme '" + scheme.group(1)
                    + "'; use icmp://, tcp://, rtsp:// or snmp://");
        };
    }

    private static ProbeTarget hostPort(Method method, String s, int defaultPort) {
        if (s.contains("@")) {
            // a target is shown on the health pages and in the audit trail: no secret may ride in it
            throw new IllegalArgumentException("no credentials in a probe target: an SNMP community is set once per "
                    + "node (vms.health.snmp-community)");
        }
        Matcher m = HOST_PORT.matcher(s);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a host[:port]: '" + s + "'");
        }
        int port = m.group(2) == null ? defaultPort : Integer.parseInt(m.group(2));
        if (m.group(2) != null && (port < 1 || port > 65_535)) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        boolean pathAllowed = method == Method.RTSP || method == Method.SNMP;
        if (!pathAllowed && m.group(3) != null && !m.group(3).equals("/")) {
            throw new IllegalArgumentException("a path only goes with rtsp:// or snmp://");
        }
        String path = !pathAllowed ? null : m.group(3) == null ? "/" : m.group(3);
        return new ProbeTarget(method, unbracket(m.group(1)), port, path);
    }

    private static ProbeTarget requireInterface(ProbeTarget p) {
        String index = p.path.substring(1);
        if (!index.matches("[1-9][0-9]{0,8}")) {
            throw new IllegalArgumentException("snmp:// needs the switch port's interface index (ifIndex), e.g. "
                    + "snmp://10.20.0.1/12");
        }
        return p;
    }

    /** The interface index of an snmp:// target. */
    public int interfaceIndex() {
        if (method != Method.SNMP) {
            throw new IllegalStateException("only snmp:// targets have an interface index");
        }
        return Integer.parseInt(path.substring(1));
    }

    private static ProbeTarget requirePort(ProbeTarget p) {
        if (p.port == 0) {
            throw new IllegalArgumentException("tcp:// needs a port, e.g. tcp://10.20.0.1:22");
        }
        return p;
    }

    private static String unbracket(String h) {
        return h.startsWith("[") && h.endsWith("]") ? h.substring(1, h.length() - 1) : h;
    }

    /** The host as it goes into a URL: IPv6 in brackets. */
    public String urlHost() {
        return host.contains(":") ? "[" + host + "]" : host;
    }

    @Override
    public String toString() {
        return switch (method) {
            case ICMP -> "icmp://" + urlHost();
            case TCP -> "tcp://" + urlHost() + ":" + port;
            case RTSP -> "rtsp://" + urlHost() + ":" + port + path;
            case SNMP -> "snmp://" + urlHost() + ":" + port + path;
        };
    }
}
