package id.pantau.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import id.pantau.web.HttpSession;
import id.pantau.web.PantauWebTest;
import id.pantau.web.audit.AuditAction;
import id.pantau.web.audit.AuditFilter;
import id.pantau.web.audit.AuditRecord;
import id.pantau.web.audit.AuditTrail;
import id.pantau.web.user.Role;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Repeated failed sign-ins lock the username for that address, with a clear message, and are audited. */
class SignInThrottleTest extends PantauWebTest {
  @Autowired AuditTrail audit;

  @Test
  void fiveFailuresLockTheAccountEvenForTheRightPassword() throws Exception {
    String name = unique("guessed");
    createUser(name, EnumSet.of(Role.OPERATOR), false, Set.of());
    HttpSession attacker = new HttpSession(baseUrl());
    for (int i = 1; i <= 4; i++) {
      HttpResponse<String> r = attacker.signIn(name, "wrong-password-" + i);
      assertThat(r.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login?error"));
    }
    HttpResponse<String> fifth = attacker.signIn(name, "wrong-password-5");
    assertThat(fifth.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login?locked"));

    HttpResponse<String> right = attacker.signIn(name, ADMIN_PASSWORD);
    assertThat(right.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login?locked"));
    assertThat(attacker.get("/cameras").statusCode()).as("still not signed in").isEqualTo(302);
    assertThat(attacker.get("/login?locked").body()).contains("Too many failed sign-ins. Try again in 15 minutes.");
    assertThat(attacker.get("/login?locked&lang=id").body())
        .contains("Terlalu banyak percobaan masuk yang gagal. Coba lagi dalam 15 menit.");

    List<AuditRecord> trail = audit.find(new AuditFilter(name, null, null, null, null), 0, 20);
    assertThat(trail).extracting(AuditRecord::action).containsExactly(AuditAction.SIGN_IN_LOCKED,
        AuditAction.SIGN_IN_LOCKED, AuditAction.SIGN_IN_FAILED, AuditAction.SIGN_IN_FAILED,
        AuditAction.SIGN_IN_FAILED, AuditAction.SIGN_IN_FAILED);
    assertThat(trail.get(0).details()).startsWith("refused while locked");
    assertThat(trail.get(1).details()).startsWith("wrong password; locked for 15 min");
    assertThat(trail).allSatisfy(r -> assertThat(r.sourceAddress()).isEqualTo("127.0.0.1"));

    // another user from the same address is not affected
    String other = unique("bystander");
    createUser(other, EnumSet.of(Role.OPERATOR), false, Set.of());
    HttpSession colleague = new HttpSession(baseUrl());
    assertThat(colleague.signIn(other, ADMIN_PASSWORD).headers().firstValue("Location"))
        .hasValueSatisfying(l -> assertThat(l).endsWith("/cameras"));
  }

  @Test
  void theLockExpiresAndSuccessResetsTheCount() {
    MutableClock clock = new MutableClock();
    SignInThrottle t = new SignInThrottle(clock, 3, Duration.ofMinutes(10), Duration.ofMinutes(15));
    assertThat(t.failed("ani", "10.1.1.1")).isFalse();
    assertThat(t.failed("ANI ", "10.1.1.1")).as("names compare lower-case").isFalse();
    assertThat(t.failed("ani", "10.1.1.1")).as("third failure locks").isTrue();
    assertThat(t.lockedFor("ani", "10.1.1.1")).hasValue(Duration.ofMinutes(15));
    assertThat(t.lockedFor("ani", "10.9.9.9")).as("per source address").isEmpty();
    clock.advance(Duration.ofMinutes(14));
    assertThat(t.lockedFor("ani", "10.1.1.1")).hasValue(Duration.ofMinutes(1));
    clock.advance(Duration.ofMinutes(1));
    assertThat(t.lockedFor("ani", "10.1.1.1")).isEmpty();

    t.failed("budi", "10.1.1.1");
    t.failed("budi", "10.1.1.1");
    t.succeeded("budi", "10.1.1.1");
    assertThat(t.failed("budi", "10.1.1.1")).as("count restarted after success").isFalse();
    assertThat(t.failed("budi", "10.1.1.1")).isFalse();
    // failures spread wider than the window do not add up
    clock.advance(Duration.ofMinutes(11));
    assertThat(t.failed("budi", "10.1.1.1")).isFalse();
    assertThat(t.lockedFor("budi", "10.1.1.1")).isEmpty();
  }

  /** A clock the test moves by hand. */
  static final class MutableClock extends Clock {
    private Instant now = Instant.parse("2026-03-01T00:00:00Z");

    void advance(Duration d) {
      now = now.plus(d);
    }

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
