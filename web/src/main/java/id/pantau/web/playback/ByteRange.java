package id.pantau.web.playback;

import java.util.Locale;
import java.util.Optional;

/**
 * One byte range of an object as asked for in an HTTP {@code Range} header (RFC 9110 section 14.2), resolved
 * against the object's size. Headers this server does not act on (another unit, bad syntax, several ranges)
 * are ignored, which the RFC allows: the whole object is served.
 */
record ByteRange(long first, long last) {

  /** A syntactically valid range that lies wholly outside the object: answered with 416. */
  static final class Unsatisfiable extends RuntimeException {
    private final long size;

    Unsatisfiable(long size) {
      super("range not satisfiable for an object of " + size + " bytes");
      this.size = size;
    }

    long size() {
      return size;
    }
  }

  long length() {
    return last - first + 1;
  }

  String contentRange(long size) {
    return "bytes " + first + "-" + last + "/" + size;
  }

  /**
   * The range to serve, or empty for the whole object.
   *
   * @throws Unsatisfiable if the range starts at or after the end of the object, or asks for an empty suffix
   */
  static Optional<ByteRange> resolve(String header, long size) {
    if (header == null) {
      return Optional.empty();
    }
    String h = header.trim();
    if (!h.toLowerCase(Locale.ROOT).startsWith("bytes=") || h.indexOf(',') >= 0) {
      return Optional.empty();
    }
    String spec = h.substring(6).trim();
    int dash = spec.indexOf('-');
    if (dash < 0) {
      return Optional.empty();
    }
    String a = spec.substring(0, dash).trim();
    String b = spec.substring(dash + 1).trim();
    if (a.isEmpty()) {
      long suffix = digits(b);
      if (suffix < 0) {
        return Optional.empty();
      }
      if (suffix == 0 || size == 0) {
        throw new Unsatisfiable(size);
      }
      return Optional.of(new ByteRange(Math.max(0, size - suffix), size - 1));
    }
    long first = digits(a);
    long last = b.isEmpty() ? Long.MAX_VALUE : digits(b);
    if (first < 0 || last < 0 || last < first) {
      return Optional.empty();
    }
    if (first >= size) {
      throw new Unsatisfiable(size);
    }
    return Optional.of(new ByteRange(first, Math.min(last, size - 1)));
  }

  /** A non-negative decimal; too large for a long counts as Long.MAX_VALUE; -1 if not digits. */
  private static long digits(String s) {
    if (s.isEmpty() || !s.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return -1;
    }
    try {
      return Long.parseLong(s);
    } catch (NumberFormatException e) {
      return Long.MAX_VALUE;
    }
  }
}
