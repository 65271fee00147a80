package id.pantau.recorder.upload;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.function.LongSupplier;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How full the spool is against its configured bound. Measured by walking the spool (a few hundred files),
 * at most once per {@code refreshMs}, so callers on ingest threads stay cheap.
 */
public final class SpoolUsage {
  private static final Logger log = LoggerFactory.getLogger(SpoolUsage.class);

  /** How close the spool is to its bound. */
  public enum Level {
    OK,
    /** At or above the alarm fraction: the object store is probably unreachable and uploads are piling up. */
    NEAR_FULL,
    /** At the bound: new segments are refused, so the cameras report "spool disk full". */
    FULL
  }

  private final Path dir;
  private final long maxBytes;
  private final double alarmFraction;
  private final long refreshMs;
  private final LongSupplier nowMs;
  private long measuredAtMs = Long.MIN_VALUE;
  private long usedBytes;
  private Level level = Level.OK;

  public SpoolUsage(Path dir, long maxBytes, double alarmFraction, long refreshMs, LongSupplier nowMs) {
    this.dir = dir;
    this.maxBytes = maxBytes;
    this.alarmFraction = alarmFraction;
    this.refreshMs = refreshMs;
    this.nowMs = nowMs;
  }

  /** The level for a usage, as a pure decision. */
  public static Level levelFor(long usedBytes, long maxBytes, double alarmFraction) {
    if (maxBytes <= 0) {
      return Level.OK;
    }
    if (usedBytes >= maxBytes) {
      return Level.FULL;
    }
    return usedBytes >= (long) (maxBytes * alarmFraction) ? Level.NEAR_FULL : Level.OK;
  }

  public synchronized long usedBytes() {
    refresh();
    return usedBytes;
  }

  public long maxBytes() {
    return maxBytes;
  }

  public synchronized Level level() {
    refresh();
    return level;
  }

  private void refresh() {
    long now = nowMs.getAsLong();
    if (measuredAtMs != Long.MIN_VALUE && now - measuredAtMs < refreshMs) {
      return;
    }
    measuredAtMs = now;
    usedBytes = measure(dir);
    Level next = levelFor(usedBytes, maxBytes, alarmFraction);
    if (next != level) {
      if (next == Level.OK) {
        log.info("spool {} back to normal: {} of {} bytes used", dir, usedBytes, maxBytes);
      } else {
        log.warn("spool {} is {}: {} of {} bytes used; segments wait there until the object store takes them",
            dir, next == Level.FULL ? "FULL" : "nearly full", usedBytes, maxBytes);
      }
      level = next;
    }
  }

  static long measure(Path dir) {
    if (!Files.isDirectory(dir)) {
      return 0;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      return walk.mapToLong(SpoolUsage::sizeOrZero).sum();
    } catch (UncheckedIOException | IOException e) {
      // a file deleted mid-walk by the uploader: measure again next time
      return 0;
    }
  }

  private static long sizeOrZero(Path p) {
    try {
      BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
      return a.isRegularFile() ? a.size() : 0;
    } catch (NoSuchFileException e) {
      return 0;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
