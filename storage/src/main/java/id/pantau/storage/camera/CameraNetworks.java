package id.pantau.storage.camera;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The address ranges cameras may live in. A camera URL pointing elsewhere (the internet, a cloud metadata
 * address such as 169.254.169.254, the unspecified address) is refused, so the recorder cannot be turned
 * into a tool for reaching hosts it has no business with.
 */
public final class CameraNetworks {
  /** RFC 1918 private IPv4 ranges, IPv4 and IPv6 loopback, and IPv6 unique local addresses. */
  public static final List<String> PRIVATE_AND_LOOPBACK =
      List.of("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "127.0.0.0/8", "::1/128", "fc00::/7");

  // What glibc's inet_aton also reads as an IPv4 address: hex (0x7f), octal (0177) and short forms
  // (127.1, 2130706433). Java would read some of them differently from FFmpeg, so they are refused.
  private static final Pattern LOOSE_IPV4 =
      Pattern.compile("(?i)(0x[0-9a-f]*|[0-9]+)(\\.(0x[0-9a-f]*|[0-9]+)){0,3}\\.?");
  private static final Pattern DOTTED_QUAD =
      Pattern.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
  private static final Pattern HOST_NAME =
      Pattern.compile("(?i)[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*\\.?");

  private final List<Cidr> ranges;
  private final HostResolver resolver;

  private CameraNetworks(List<Cidr> ranges, HostResolver resolver) {
    this.ranges = List.copyOf(ranges);
    this.resolver = resolver;
  }

  /** Parses CIDR strings such as {@code 10.20.0.0/16} or {@code fd00::/8}; a bare address means one host. */
  public static CameraNetworks of(List<String> cidrs) {
    return of(cidrs, InetAddress::getAllByName);
  }

  /** As {@link #of(List)} with another way of resolving host names (tests, or a recorder-side resolver). */
  public static CameraNetworks of(List<String> cidrs, HostResolver resolver) {
    List<Cidr> parsed = new ArrayList<>();
    for (String c : cidrs) {
      parsed.add(Cidr.parse(c.trim()));
    }
    return new CameraNetworks(parsed, resolver);
  }

  /** Private ranges and loopback only: the default when nothing is configured. */
  public static CameraNetworks privateAndLoopback() {
    return of(PRIVATE_AND_LOOPBACK);
  }

  /** True when the address falls inside one of the ranges. */
  public boolean contains(InetAddress address) {
    return ranges.stream().anyMatch(r -> r.contains(address));
  }

  /**
   * Checks the URL host: an IP literal must be inside the ranges; a name must resolve, and every address it
   * resolves to must be inside them.
   */
  public void requireInside(String field, String host) {
    String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    InetAddress[] addresses;
    if (h.contains(":")) {
      addresses = new InetAddress[] {literal(field, h)};
    } else if (DOTTED_QUAD.matcher(h).matches()) {
      addresses = new InetAddress[] {literal(field, h)};
    } else if (LOOSE_IPV4.matcher(h).matches()) {
      throw new InvalidCameraException(field,
          "write an IPv4 address as four decimal numbers (like 10.20.0.5), not '" + h + "'");
    } else if (!HOST_NAME.matcher(h).matches()) {
      throw new InvalidCameraException(field, "the host '" + h + "' is not a valid host name");
    } else {
      try {
        addresses = resolver.resolve(h);
      } catch (UnknownHostException e) {
        throw new InvalidCameraException(field, "the host '" + h + "' cannot be resolved");
      }
    }
    for (InetAddress a : addresses) {
      if (!contains(a)) {
        throw new InvalidCameraException(field, "the host " + h
            + (h.equals(a.getHostAddress()) ? "" : " (" + a.getHostAddress() + ")")
            + " is outside the camera networks " + this + "; ask an administrator to add its range to"
            + " vms.security.camera-networks");
      }
    }
  }

  @Override
  public String toString() {
    return ranges.toString();
  }

  private static InetAddress literal(String field, String h) {
    try {
      // an IP literal never triggers a DNS lookup
      return InetAddress.getByName(h);
    } catch (UnknownHostException e) {
      throw new InvalidCameraException(field, "the host '" + h + "' is not a valid IP address");
    }
  }

  /** Resolves a host name to its addresses. */
  @FunctionalInterface
  public interface HostResolver {
    InetAddress[] resolve(String host) throws UnknownHostException;
  }

  /** One address range: a network address and a prefix length. */
  record Cidr(byte[] network, int prefixBits, String text) {

    static Cidr parse(String text) {
      int slash = text.indexOf('/');
      String addr = slash < 0 ? text : text.substring(0, slash);
      if (!addr.contains(":") && !DOTTED_QUAD.matcher(addr).matches()) {
        throw new IllegalArgumentException("not a CIDR range: '" + text + "' (expected e.g. 10.20.0.0/16 or fd00::/8)");
      }
      byte[] bytes;
      try {
        bytes = InetAddress.getByName(addr).getAddress();
      } catch (UnknownHostException e) {
        throw new IllegalArgumentException("not a CIDR range: '" + text + "'", e);
      }
      int bits = bytes.length * 8;
      int prefix = slash < 0 ? bits : Integer.parseInt(text.substring(slash + 1));
      if (prefix < 0 || prefix > bits) {
        throw new IllegalArgumentException("prefix length out of range in '" + text + "'");
      }
      return new Cidr(bytes, prefix, text);
    }

    boolean contains(InetAddress address) {
      byte[] a = address.getAddress();
      if (a.length != network.length) {
        return false;
      }
      int shift = a.length * 8 - prefixBits;
      return new BigInteger(1, a).shiftRight(shift).equals(new BigInteger(1, network).shiftRight(shift));
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Cidr c && c.prefixBits == prefixBits && Arrays.equals(c.network, network);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(network) * 31 + prefixBits;
    }

    @Override
    public String toString() {
      return text;
    }
  }
}
