package id.pantau.recorder.health.probe;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a link probe talks to, written as an operator would:
 * {@code 10.20.0.1} or {@code icmp://10.20.0.1} (echo request), {@code 10.20.0.1:22} or {@code tcp://10.20.0.1:22}
 * (TCP connect), {@code rtsp://10.20.0.9:554/} (an RTSP OPTIONS round trip, so the delay across the link shows).
 * IPv6 hosts go in brackets when a port follows ({@code [fd00::1]:22}).
 */
public record ProbeTarget(Method method, String host, int port, String path) {

    /** How the target is probed. */
    public enum Method { ICMP, TCP, RTSP }

    public static final int RTSP_DEFAULT_PORT = 554;
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
            default -> throw new IllegalArgumentException("unknown probe scheme '" + scheme.group(1)
                    + "'; use icmp://, tcp:// or rtsp://");
        };
    }

    private static ProbeTarget hostPort(Method method, String s, int defaultPort) {
        Matcher m = HOST_PORT.matcher(s);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a host[:port]: '" + s + "'");
        }
        int port = m.group(2) == null ? defaultPort : Integer.parseInt(m.group(2));
        if (m.group(2) != null && (port < 1 || port > 65_535)) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        if (method != Method.RTSP && m.group(3) != null && !m.group(3).equals("/")) {
            throw new IllegalArgumentException("a path only goes with rtsp://");
        }
        String path = method != Method.RTSP ? null : m.group(3) == null ? "/" : m.group(3);
        return new ProbeTarget(method, unbracket(m.group(1)), port, path);
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
        };
    }
}
