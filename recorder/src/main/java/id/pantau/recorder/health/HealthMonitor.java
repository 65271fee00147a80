package id.pantau.recorder.health;

import id.pantau.recorder.health.alert.AlertDispatcher;
import id.pantau.recorder.health.alert.AlertPolicy;
import id.pantau.recorder.health.alert.HealthChange;
import id.pantau.recorder.health.history.HealthHistory;
import id.pantau.recorder.health.history.SubjectKind;
import id.pantau.recorder.health.history.Transition;
import id.pantau.recorder.health.probe.CameraAnswers;
import id.pantau.recorder.health.probe.LinkProbe;
import id.pantau.recorder.health.probe.ProbeTarget;
import id.pantau.recorder.health.state.CameraHealth;
import id.pantau.recorder.health.state.CameraHealthState;
import id.pantau.recorder.health.state.CameraInputs;
import id.pantau.recorder.health.state.Debounce;
import id.pantau.recorder.health.state.LinkHealth;
import id.pantau.recorder.health.state.LinkHealthState;
import id.pantau.recorder.health.state.ProbeResult;
import id.pantau.recorder.health.state.StreamSample;
import id.pantau.recorder.health.state.Verdict;
import id.pantau.recorder.ingest.RtspUrls;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches every link and camera: probes links on their own schedule, reads the recorder's stream figures, decides
 * states (with hysteresis), stores each change, and alerts once per root cause: a link outage is one alert naming
 * its cameras, which go LINK_DOWN without alerts of their own. Runs on one thread of its own; probes run on the
 * probe threads; nothing here runs on, or waits for, a recording thread.
 */
public final class HealthMonitor implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(HealthMonitor.class);

    private final HealthSettings settings;
    private final Supplier<Topology> topologySource;
    private final StreamHealthSource streams;
    private final LinkProbe linkProbe;
    private final CameraAnswers cameraAnswers;
    private final HealthHistory history;
    private final AlertPolicy policy;
    private final AlertDispatcher alerts;
    private final Clock clock;
    private final List<Consumer<HealthSnapshot>> listeners = new CopyOnWriteArrayList<>();

    private final Map<String, ArrayDeque<ProbeResult>> probeWindows = new ConcurrentHashMap<>();
    private final Set<String> probing = ConcurrentHashMap.newKeySet();
    private final Map<String, Boolean> cameraAnswered = new ConcurrentHashMap<>();
    private final Map<String, Long> cameraAnsweredAt = new ConcurrentHashMap<>();
    // decided on the monitor thread only
    private final Map<String, Debounce<LinkHealthState>> linkStates = new HashMap<>();
    private final Map<String, Debounce<CameraHealthState>> cameraStates = new HashMap<>();
    private final Map<String, Long> lastTransitionAt = new HashMap<>();
    private final Map<String, Boolean> linkInferred = new HashMap<>();

    private volatile Topology topology = Topology.EMPTY;
    private volatile long topologyReadAt = Long.MIN_VALUE;
    private volatile boolean topologyStale = true;
    private volatile HealthSnapshot snapshot = HealthSnapshot.EMPTY;
    private ScheduledExecutorService thread;

    public HealthMonitor(HealthSettings settings, Supplier<Topology> topology, StreamHealthSource streams,
                         LinkProbe linkProbe, CameraAnswers cameraAnswers, HealthHistory history, AlertPolicy policy,
                         AlertDispatcher alerts, Clock clock) {
        this.settings = settings;
        this.topologySource = topology;
        this.streams = streams;
        this.linkProbe = linkProbe;
        this.cameraAnswers = cameraAnswers;
        this.history = history;
        this.policy = policy;
        this.alerts = alerts;
        this.clock = clock;
    }

    /** Called with every snapshot, about once per evaluation interval, on the monitor thread. */
    public void addListener(Consumer<HealthSnapshot> listener) {
        listeners.add(listener);
    }

    public HealthSnapshot snapshot() {
        return snapshot;
    }

    /** Re-reads links and cameras at the next evaluation (after an edit or an import). */
    public void topologyChanged() {
        topologyStale = true;
    }

    public void start() {
        start(true, true);
    }

    /**
     * @param linkProbes   false: links are judged by their cameras only, for a node that must not send probes of
     *                     its own to the camera networks
     * @param cameraProbes false: cameras this node does not record are not asked over RTSP
     */
    public synchronized void start(boolean linkProbes, boolean cameraProbes) {
        if (thread != null) {
            return;
        }
        closeStaleHistory();
        thread = Executors.newSingleThreadScheduledExecutor(new DefaultThreadFactory("health-monitor", true));
        if (linkProbes) {
            thread.scheduleWithFixedDelay(guarded("link probes", this::probeLinks), 0,
                    settings.linkProbeInterval().toMillis(), TimeUnit.MILLISECONDS);
        }
        if (cameraProbes) {
            thread.scheduleWithFixedDelay(guarded("camera probes", this::probeCameras), 0,
                    settings.cameraProbeInterval().toMillis(), TimeUnit.MILLISECONDS);
        }
        thread.scheduleWithFixedDelay(guarded("evaluation", this::evaluate), settings.evaluateInterval().toMillis(),
                settings.evaluateInterval().toMillis(), TimeUnit.MILLISECONDS);
        log.info("health monitor started: links probed every {}, states decided every {}",
                settings.linkProbeInterval(), settings.evaluateInterval());
    }

    private Runnable guarded(String what, Runnable r) {
        return () -> {
            try {
                r.run();
            } catch (RuntimeException e) {
                log.warn("health {} failed: {}", what, e.toString());
            }
        };
    }

    /** States left from a run that ended without closing must not stretch over the time nobody watched. */
    private void closeStaleHistory() {
        long now = clock.millis();
        for (SubjectKind kind : SubjectKind.values()) {
            history.lastBefore(kind, now + 1).values().stream()
                    .filter(t -> !SubjectKind.UNKNOWN.equals(t.state()))
                    .forEach(t -> history.append(new Transition(kind, t.subjectId(), Math.max(now, t.atWallMs()),
                            SubjectKind.UNKNOWN, t.state(), "monitor restarted")));
        }
    }

    private Topology topology(long now) {
        if (topologyStale || now - topologyReadAt >= settings.topologyRefresh().toMillis()) {
            topologyStale = false;
            topologyReadAt = now;
            topology = topologySource.get();
        }
        return topology;
    }

    /** Starts a probe of every link with a target that is not still being probed. */
    void probeLinks() {
        for (Topology.LinkSpec l : topology(clock.millis()).links()) {
            if (l.probeTarget() == null || !probing.add(l.id())) {
                continue;
            }
            ProbeTarget target;
            try {
                target = ProbeTarget.parse(l.probeTarget());
            } catch (IllegalArgumentException e) {
                probing.remove(l.id());
                record(l.id(), ProbeResult.failed("bad probe target: " + e.getMessage(), clock.millis()));
                continue;
            }
            linkProbe.probe(target, settings.probeTimeout().toMillis()).whenComplete((r, e) -> {
                record(l.id(), r != null ? r : ProbeResult.failed(String.valueOf(e), clock.millis()));
                probing.remove(l.id());
            });
        }
    }

    private void record(String linkId, ProbeResult r) {
        ArrayDeque<ProbeResult> w = probeWindows.computeIfAbsent(linkId, k -> new ArrayDeque<>());
        synchronized (w) {
            w.addLast(r);
            while (w.size() > settings.probeWindow()) {
                w.removeFirst();
            }
        }
    }

    private List<ProbeResult> window(String linkId) {
        ArrayDeque<ProbeResult> w = probeWindows.get(linkId);
        if (w == null) {
            return List.of();
        }
        synchronized (w) {
            return List.copyOf(w);
        }
    }

    /** Probes over RTSP the enabled cameras this node does not record. */
    void probeCameras() {
        long now = clock.millis();
        Map<String, StreamSample> recorded = streams.samples(now);
        for (Topology.CameraSpec c : topology(now).cameras()) {
            if (!c.enabled() || recorded.containsKey(c.id()) || c.url() == null) {
                continue;
            }
            cameraAnswers.answers(c.id(), RtspUrls.withoutCredentials(c.url()), settings.probeTimeout().toMillis())
                    .whenComplete((answered, e) -> {
                        cameraAnswered.put(c.id(), answered != null && answered);
                        cameraAnsweredAt.put(c.id(), clock.millis());
                    });
        }
    }

    /** Decides every state from the latest observations, stores changes, sends alerts, publishes a snapshot. */
    void evaluate() {
        long now = clock.millis();
        Topology topo = topology(now);
        Map<String, StreamSample> samples = streams.samples(now);
        Map<String, List<Topology.CameraSpec>> byLink = new HashMap<>();
        topo.cameras().forEach(c -> {
            if (c.linkId() != null) {
                byLink.computeIfAbsent(c.linkId(), k -> new ArrayList<>()).add(c);
            }
        });
        List<HealthChange> changes = new ArrayList<>();
        List<HealthSnapshot.LinkStatus> links = new ArrayList<>();
        for (Topology.LinkSpec l : topo.links()) {
            List<Topology.CameraSpec> cams = byLink.getOrDefault(l.id(), List.of());
            links.add(evaluateLink(l, cams, samples, now, changes));
        }
        List<HealthSnapshot.CameraStatus> cameras = new ArrayList<>();
        for (Topology.CameraSpec c : topo.cameras()) {
            cameras.add(evaluateCamera(c, samples.get(c.id()), now, changes));
        }
        forget(topo);
        for (HealthChange change : changes) {
            policy.offer(change, now).forEach(alerts::dispatch);
        }
        policy.due(now).forEach(alerts::dispatch);
        HealthSnapshot s = new HealthSnapshot(now, links, cameras);
        snapshot = s;
        for (Consumer<HealthSnapshot> l : listeners) {
            l.accept(s);
        }
    }

    private HealthSnapshot.LinkStatus evaluateLink(Topology.LinkSpec l, List<Topology.CameraSpec> cams,
                                                   Map<String, StreamSample> samples, long now,
                                                   List<HealthChange> changes) {
        Debounce<LinkHealthState> before = linkStates.getOrDefault(l.id(), Debounce.initial());
        List<ProbeResult> window = window(l.id());
        Verdict<LinkHealthState> v;
        boolean inferred = l.probeTarget() == null;
        if (inferred) {
            int observed = 0;
            int dark = 0;
            for (Topology.CameraSpec c : cams) {
                Verdict<CameraHealthState> own = ownVerdict(c, null, samples.get(c.id()));
                if (c.enabled() && own != null) {
                    observed++;
                    dark += own.state().delivers() ? 0 : 1;
                }
            }
            v = LinkHealth.inferFromCameras(observed, dark, settings.inferenceMinCameras());
        } else {
            v = LinkHealth.decide(before.state(), window, settings.link());
        }
        Debounce<LinkHealthState> after = before.step(v, now,
                s -> s == LinkHealthState.DEGRADED ? settings.degradedHold().toMillis() : 0);
        linkStates.put(l.id(), after);
        if (after.changedFrom(before)) {
            long at = transition(SubjectKind.LINK, l.id(), after.sinceWallMs(), after.state().name(),
                    name(before.state()), after.reason());
            List<String> cameraIds = cams.stream().filter(Topology.CameraSpec::enabled).map(Topology.CameraSpec::id)
                    .toList();
            changes.add(new HealthChange(SubjectKind.LINK, l.id(), l.name(), after.state().name(), name(before.state()),
                    at, after.reason(), cameraIds));
        }
        long used = cams.stream().map(c -> samples.get(c.id())).filter(s -> s != null && s.recording())
                .mapToLong(StreamSample::bitrateBps).sum();
        return new HealthSnapshot.LinkStatus(l.id(), l.name(), l.kind(), l.vendor(), l.capacityMbps(), l.probeTarget(),
                after.state(), after.reason(), after.sinceWallMs(), inferred, LinkHealth.medianLatencyMs(window),
                LinkHealth.lossRatio(window), Bandwidth.of(used, l.capacityMbps(), settings.bandwidthWarnRatio()),
                cams.stream().map(Topology.CameraSpec::id).toList());
    }

    private HealthSnapshot.CameraStatus evaluateCamera(Topology.CameraSpec c, StreamSample sample, long now,
                                                       List<HealthChange> changes) {
        Debounce<LinkHealthState> link = c.linkId() == null ? null : linkStates.get(c.linkId());
        LinkHealthState linkState = link == null ? null : link.state();
        Verdict<CameraHealthState> v = ownVerdict(c, linkState, sample);
        if (v != null && v.state() == CameraHealthState.LINK_DOWN) {
            // dark since its link went down, not since the monitor noticed
            Debounce<CameraHealthState> cur = cameraStates.get(c.id());
            long since = Math.max(link.sinceWallMs(), cur == null ? 0 : cur.sinceWallMs());
            v = Verdict.since(v.state(), v.reason(), since);
        }
        Debounce<CameraHealthState> before = cameraStates.getOrDefault(c.id(), Debounce.initial());
        Debounce<CameraHealthState> after = before.step(v, now, cameraHolds(before.state()));
        cameraStates.put(c.id(), after);
        if (after.changedFrom(before)) {
            long at = transition(SubjectKind.CAMERA, c.id(), after.sinceWallMs(), after.state().name(),
                    name(before.state()), after.reason());
            // a camera darkened by its link is the link's alert; its own changes are its own
            if (after.state() != CameraHealthState.LINK_DOWN) {
                changes.add(new HealthChange(SubjectKind.CAMERA, c.id(), c.name(), after.state().name(),
                        name(before.state()), at, after.reason(), List.of()));
            }
        }
        double expected = c.expectedFps() > 0 ? c.expectedFps() : settings.defaultExpectedFps();
        return new HealthSnapshot.CameraStatus(c.id(), c.name(), c.siteId(), c.linkId(), c.enabled(), after.state(),
                after.reason(), after.sinceWallMs(), sample != null, sample == null ? 0 : sample.fps(), expected,
                sample == null ? 0 : sample.bitrateBps(), sample == null ? -1 : sample.lastPacketAgeMs());
    }

    private Verdict<CameraHealthState> ownVerdict(Topology.CameraSpec c, LinkHealthState link, StreamSample sample) {
        Long answeredAt = cameraAnsweredAt.get(c.id());
        boolean fresh = answeredAt != null
                && clock.millis() - answeredAt <= 3 * settings.cameraProbeInterval().toMillis();
        CameraInputs in = new CameraInputs(c.enabled(), link, sample, fresh ? cameraAnswered.get(c.id()) : null,
                c.expectedFps() > 0 ? c.expectedFps() : settings.defaultExpectedFps(),
                c.minBitrateBps() > 0 ? c.minBitrateBps() : settings.defaultMinBitrateBps());
        return CameraHealth.decide(in, settings.camera());
    }

    /** Hold times by target state; a camera whose link just came back gets time to reconnect before blame. */
    private ToLongFunction<CameraHealthState> cameraHolds(CameraHealthState current) {
        return s -> switch (s) {
            case CAMERA_FAULT -> current == CameraHealthState.LINK_DOWN
                    ? Math.max(settings.cameraFaultHold().toMillis(), settings.reconnectGrace().toMillis())
                    : settings.cameraFaultHold().toMillis();
            case DEGRADED -> settings.degradedHold().toMillis();
            case ONLINE -> current == null ? 0 : settings.recoveryHold().toMillis();
            case LINK_DOWN, DISABLED -> 0;
        };
    }

    /** Stores a transition no earlier than the subject's previous one; returns its time. */
    private long transition(SubjectKind kind, String id, long atMs, String state, String previous, String reason) {
        String key = kind + ":" + id;
        long at = Math.max(atMs, lastTransitionAt.getOrDefault(key, Long.MIN_VALUE));
        lastTransitionAt.put(key, at);
        history.append(new Transition(kind, id, at, state, previous, reason));
        log.info("{} {}: {} -> {} ({})", kind.name().toLowerCase(), id, previous, state, reason);
        return at;
    }

    /** Subjects no longer in the topology: their last state ends now. */
    private void forget(Topology topo) {
        Set<String> linkIds = new HashSet<>();
        topo.links().forEach(l -> linkIds.add(l.id()));
        Set<String> cameraIds = new HashSet<>();
        topo.cameras().forEach(c -> cameraIds.add(c.id()));
        long now = clock.millis();
        for (String id : Set.copyOf(linkStates.keySet())) {
            if (!linkIds.contains(id)) {
                endWatch(SubjectKind.LINK, id, linkStates.remove(id), now, "link removed");
                probeWindows.remove(id);
            }
        }
        for (String id : Set.copyOf(cameraStates.keySet())) {
            if (!cameraIds.contains(id)) {
                endWatch(SubjectKind.CAMERA, id, cameraStates.remove(id), now, "camera removed");
            }
        }
    }

    private void endWatch(SubjectKind kind, String id, Debounce<?> d, long now, String why) {
        if (d != null && d.state() != null) {
            transition(kind, id, now, SubjectKind.UNKNOWN, d.state().name(), why);
        }
    }

    private static String name(Enum<?> e) {
        return e == null ? null : e.name();
    }

    /** Stops watching; every known state ends now, so the time the monitor is off counts as unknown. */
    @Override
    public synchronized void close() {
        if (thread != null) {
            thread.shutdownNow();
            try {
                thread.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            thread = null;
        }
        long now = clock.millis();
        linkStates.forEach((id, d) -> endWatch(SubjectKind.LINK, id, d, now, "monitor stopped"));
        cameraStates.forEach((id, d) -> endWatch(SubjectKind.CAMERA, id, d, now, "monitor stopped"));
        linkStates.clear();
        cameraStates.clear();
    }
}
