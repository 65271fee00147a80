package id.pantau.web.health;

import id.pantau.recorder.health.HealthMonitor;
import id.pantau.recorder.health.HealthSnapshot;
import id.pantau.recorder.health.alert.Alert;
import id.pantau.recorder.health.alert.AlertDispatcher;
import id.pantau.web.security.CameraAccess;
import io.netty.util.concurrent.DefaultThreadFactory;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Server-sent events for the NOC dashboard: a {@code health} event with the viewer's snapshot whenever a state
 * changes (and every few seconds for the figures), an {@code alert} event with each new alert. Sent from a
 * thread of its own, so a slow browser never holds up the monitor.
 */
@Component
class HealthEvents {
  static final long FIGURES_EVERY_MS = 5_000;
  static final long VISIBILITY_REFRESH_MS = 30_000;
  static final long EMITTER_TIMEOUT_MS = 10 * 60_000;

  private final CameraAccess access;
  private final HealthMonitor monitor;
  private final List<Viewer> viewers = new CopyOnWriteArrayList<>();
  private final ExecutorService sender = Executors.newSingleThreadExecutor(new DefaultThreadFactory("health-sse",
      true));

  /** One open stream: who watches, what they see, and what they were sent last. */
  private final class Viewer {
    final SseEmitter emitter = new SseEmitter(EMITTER_TIMEOUT_MS);
    final Authentication auth;
    HealthVisibility visibility;
    long visibilityAt;
    String lastStates;
    long lastSentAt;

    Viewer(Authentication auth) {
      this.auth = auth;
    }

    HealthVisibility visibility(long now) {
      if (visibility == null || now - visibilityAt > VISIBILITY_REFRESH_MS) {
        visibility = HealthVisibility.of(access, auth);
        visibilityAt = now;
      }
      return visibility;
    }
  }

  HealthEvents(CameraAccess access, HealthMonitor monitor, AlertDispatcher alerts) {
    this.access = access;
    this.monitor = monitor;
    monitor.addListener(s -> sender.execute(() -> publish(s)));
    alerts.addListener(a -> sender.execute(() -> publish(a)));
  }

  SseEmitter subscribe(Authentication auth) {
    Viewer v = new Viewer(auth);
    v.emitter.onCompletion(() -> viewers.remove(v));
    v.emitter.onTimeout(() -> viewers.remove(v));
    v.emitter.onError(e -> viewers.remove(v));
    viewers.add(v);
    // the current state at once, so the page needs no second request
    sender.execute(() -> send(v, monitor.snapshot(), true));
    return v.emitter;
  }

  private void publish(HealthSnapshot s) {
    for (Viewer v : viewers) {
      send(v, s, false);
    }
  }

  private void send(Viewer v, HealthSnapshot s, boolean always) {
    HealthSnapshot mine = v.visibility(s.atWallMs()).filter(s);
    String states = states(mine);
    if (!always && Objects.equals(states, v.lastStates) && s.atWallMs() - v.lastSentAt < FIGURES_EVERY_MS) {
      return;
    }
    v.lastStates = states;
    v.lastSentAt = s.atWallMs();
    emit(v, SseEmitter.event().name("health").data(mine, MediaType.APPLICATION_JSON));
  }

  private void publish(Alert a) {
    for (Viewer v : viewers) {
      HealthVisibility vis = v.visibility(a.atWallMs());
      Set<String> links = monitor.snapshot().links().stream().filter(vis::seesLink)
          .map(HealthSnapshot.LinkStatus::id).collect(Collectors.toSet());
      if (vis.sees(a, links)) {
        emit(v, SseEmitter.event().name("alert").data(a, MediaType.APPLICATION_JSON));
      }
    }
  }

  private void emit(Viewer v, SseEmitter.SseEventBuilder event) {
    try {
      v.emitter.send(event);
    } catch (IOException | IllegalStateException e) {
      viewers.remove(v);
      v.emitter.completeWithError(e);
    }
  }

  /** What changes a dashboard's colours: every state and reason. */
  private static String states(HealthSnapshot s) {
    StringBuilder b = new StringBuilder();
    s.links().forEach(l -> b.append(l.id()).append('=').append(l.state()).append(l.reason()).append(';'));
    s.cameras().forEach(c -> b.append(c.id()).append('=').append(c.state()).append(c.reason()).append(';'));
    return b.toString();
  }

  int viewers() {
    return viewers.size();
  }

  @PreDestroy
  void close() {
    viewers.forEach(v -> v.emitter.complete());
    sender.shutdownNow();
  }
}
