package id.pantau.web.health;

import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

/** Checks of health request parameters. */
final class HealthValidation {
  private HealthValidation() {}

  static CameraExpectations.Expectation expectation(Double fps, Integer minBitrateKbps) {
    if (fps != null && (fps.isNaN() || fps < 1 || fps > 120)) {
      throw new InvalidHealthRequest("expectedFps", "between 1 and 120 frames per second");
    }
    if (minBitrateKbps != null && (minBitrateKbps < 0 || minBitrateKbps > 1_000_000)) {
      throw new InvalidHealthRequest("minBitrateKbps", "between 0 and 1000000 kbit/s");
    }
    return new CameraExpectations.Expectation(fps, minBitrateKbps);
  }

  /** {@code 2026-03}, or the current month in {@code zone} when absent. */
  static YearMonth month(String month, Clock clock, ZoneId zone) {
    if (month == null || month.isBlank()) {
      return YearMonth.now(clock.withZone(zone));
    }
    try {
      return YearMonth.parse(month.trim());
    } catch (DateTimeParseException e) {
      throw new InvalidHealthRequest("month", "a month such as 2026-03, not '" + month + "'");
    }
  }
}
