// Playback page: up to four cameras on one wall clock. Each camera plays an HLS window (fMP4 byte ranges) through
// hls.js; the clock follows the first camera that has a recording at the current time, the others follow the
// clock (nudging their rate for small drift, seeking for large), and the clock jumps gaps nobody recorded.
(function () {
  'use strict';

  const root = document.getElementById('playback');
  const form = document.getElementById('playback-form');
  if (!root || !form) {
    return;
  }
  const HOUR_MS = 3600000;
  // a playlist window: a whole UTC hour (so reloads ask for the same windows, audited once) plus a few minutes
  // of overlap, so the next window is loaded while the clock is still inside this one
  const WINDOW_MS = HOUR_MS + 5 * 60000;
  const HANDOVER_MS = 60000;
  const DRAW_INTERVAL_MS = 200;
  const SEEK_DRIFT_S = 1.0;
  const EXPORT_AROUND_MS = 60000;
  const MAX_RETRIES = 3;
  const RETRY_MS = 1000;
  const text = root.dataset;
  const maxCameras = parseInt(text.maxCameras, 10);
  const el = (id) => document.getElementById(id);

  const state = {
    day: null, // {fromMs, toMs, zone}
    players: [],
    clockMs: null,
    playing: false,
    rate: 1,
    zoomMs: 0,
    lastDraw: 0,
    seekStartedAt: null,
    heldView: null
  };

  // ---- motion markers: the one place to swap in the events API ----

  /**
   * Motion ranges to mark on a camera's timeline, as [{startMs, endMs}]. Today they come from the segments'
   * motion flag in the timeline response; when GET /api/cameras/{id}/events?from=&to= is available, fetch it
   * here and map its events to the same shape.
   */
  async function loadMotionRanges(cameraId, timeline) {
    return timeline.motion.map((m) => ({ startMs: m.startMs, endMs: m.endMs }));
  }

  // ---- API ----

  async function getJson(url) {
    const r = await fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
    if (!r.ok) {
      throw new Error(url + ': HTTP ' + r.status);
    }
    return r.json();
  }

  const iso = (ms) => new Date(ms).toISOString();
  const cameraApi = (id) => '/api/playback/cameras/' + encodeURIComponent(id);

  // ---- one camera ----

  class Player {
    constructor(id, name) {
      const node = el('player-template').content.firstElementChild.cloneNode(true);
      node.dataset.cameraId = id;
      node.querySelector('.player-name').textContent = name;
      this.id = id;
      this.node = node;
      this.video = node.querySelector('video');
      this.gap = node.querySelector('.player-gap');
      this.status = node.querySelector('.player-status');
      this.exportLink = node.querySelector('.player-export');
      this.canvas = node.querySelector('canvas');
      this.recorded = [];
      this.motion = [];
      this.frags = [];
      this.windowFrom = 0;
      this.windowTo = 0;
      this.hls = null;
      this.loading = null;
      this.retries = 0;
      this.retryAfter = 0;
      this.video.playbackRate = state.rate;
      this.gap.textContent = text.noRecording;
      this.video.addEventListener('seeked', () => this.seeked());
      new TimelineCanvas(this);
    }

    /** Records how long the last seek took until its first frame was shown (for the page's tests). */
    seeked() {
      if (state.seekStartedAt === null || this.node.dataset.seekPending !== 'true') {
        return;
      }
      const done = () => {
        this.node.dataset.seekPending = 'false';
        this.node.dataset.seekMs = String(Math.round(performance.now() - state.seekStartedAt));
      };
      if (this.video.requestVideoFrameCallback) {
        // a paused video may present the seeked frame without a callback; then 'seeked' is as close as it gets
        const fallback = setTimeout(done, 500);
        this.video.requestVideoFrameCallback(() => {
          clearTimeout(fallback);
          done();
        });
      } else {
        done();
      }
    }

    async loadTimeline(day) {
      const t = await getJson(cameraApi(this.id) + '/timeline?from=' + iso(day.fromMs) + '&to=' + iso(day.toMs));
      this.recorded = t.recorded;
      this.motion = await loadMotionRanges(this.id, t);
    }

    spanAt(ms) {
      return this.recorded.find((r) => r.startMs <= ms && ms < r.endMs) || null;
    }

    nextRecordingAfter(ms) {
      const r = this.recorded.find((s) => s.startMs > ms);
      return r ? r.startMs : null;
    }

    fps() {
      const span = this.spanAt(state.clockMs) || this.recorded[0];
      return span && span.fps > 0 ? span.fps : 25;
    }

    covers(ms) {
      const end = this.windowTo >= state.day.toMs ? this.windowTo : this.windowTo - HANDOVER_MS;
      return this.hls !== null && ms >= this.windowFrom && ms < end;
    }

    /** Position in the video element of a wall time, or null if the loaded window has no frame then. */
    timeFor(ms) {
      const f = this.frags.find((x) => x.wall <= ms && ms < x.wall + x.dur * 1000);
      return f ? f.start + (ms - f.wall) / 1000 : null;
    }

    /** Wall time of the video element's current position. */
    wallNow() {
      const t = this.video.currentTime;
      const f = this.frags.find((x) => x.start <= t && t < x.start + x.dur) || this.frags[this.frags.length - 1];
      return f ? f.wall + (t - f.start) * 1000 : null;
    }

    ready() {
      return this.loading === null && this.hls !== null && this.video.readyState >= 2;
    }

    /** Loads the playlist window holding ms and positions the video there. */
    loadWindow(ms) {
      const from = Math.max(state.day.fromMs, Math.floor(ms / HOUR_MS) * HOUR_MS);
      const to = Math.min(state.day.toMs, from + WINDOW_MS);
      if (this.hls) {
        this.hls.destroy();
      }
      this.frags = [];
      this.windowFrom = from;
      this.windowTo = to;
      this.status.textContent = text.loading;
      const hls = new Hls({ enableWorker: false, autoStartLoad: false, maxBufferLength: 20, backBufferLength: 30 });
      this.hls = hls;
      this.loading = new Promise((resolve) => {
        hls.on(Hls.Events.LEVEL_LOADED, (event, data) => {
          this.frags = data.details.fragments.map((f) => ({ start: f.start, dur: f.duration, wall: f.programDateTime }));
          const target = state.clockMs !== null ? state.clockMs : ms;
          const t = this.timeFor(target);
          hls.startLoad(t === null ? 0 : t);
          if (t !== null) {
            this.video.currentTime = t;
          }
          this.loading = null;
          this.status.textContent = '';
          resolve();
        });
        hls.on(Hls.Events.ERROR, (event, data) => {
          if (!data.fatal) {
            return;
          }
          this.node.dataset.error = data.type + '/' + data.details + (data.response ? ' HTTP ' + data.response.code
              : '') + (data.error ? ' ' + data.error.message : '');
          if (data.type === Hls.ErrorTypes.MEDIA_ERROR) {
            hls.recoverMediaError();
          } else if (data.type === Hls.ErrorTypes.NETWORK_ERROR && this.retries < MAX_RETRIES) {
            // a slow or busy server: try again from where the player is, as hls.js suggests
            this.retries += 1;
            setTimeout(() => { if (this.hls === hls) { hls.startLoad(this.video.currentTime); } }, RETRY_MS);
          } else {
            // give the window up; following the clock loads it afresh after a pause
            this.status.textContent = text.error;
            hls.destroy();
            this.hls = null;
            this.retryAfter = performance.now() + RETRY_MS;
            this.loading = null;
            resolve();
          }
        });
        hls.on(Hls.Events.FRAG_BUFFERED, () => { this.retries = 0; });
      });
      hls.loadSource(cameraApi(this.id) + '/playlist.m3u8?from=' + iso(from) + '&to=' + iso(to));
      hls.attachMedia(this.video);
      return this.loading;
    }

    /** Shows the frame at ms (paused) or keeps playing in step with it. */
    follow(ms, playing) {
      const span = this.spanAt(ms);
      this.gap.classList.toggle('d-none', span !== null);
      if (span === null) {
        if (!this.video.paused) {
          this.video.pause();
        }
        return;
      }
      if (!this.covers(ms)) {
        if (this.loading === null && performance.now() >= this.retryAfter) {
          this.loadWindow(ms);
        }
        return;
      }
      if (this.loading !== null) {
        return;
      }
      const target = this.timeFor(ms);
      if (target === null) {
        return;
      }
      const drift = this.video.currentTime - target;
      if (!playing) {
        if (!this.video.paused) {
          this.video.pause();
        }
        if (Math.abs(drift) > 0.001) {
          this.video.currentTime = target;
        }
        return;
      }
      if (Math.abs(drift) > SEEK_DRIFT_S) {
        this.video.currentTime = target;
      } else if (Math.abs(drift) > 2 / this.fps()) {
        // behind: speed up a little, ahead: slow down, until within two frames again
        this.video.playbackRate = state.rate * (1 - Math.max(-0.5, Math.min(0.5, drift)));
      } else if (this.video.playbackRate !== state.rate) {
        this.video.playbackRate = state.rate;
      }
      if (this.video.paused) {
        this.video.play().catch(() => {});
      }
    }
  }

  // ---- timeline drawing and scrubbing ----

  class TimelineCanvas {
    constructor(player) {
      this.player = player;
      const c = player.canvas;
      let dragging = false;
      const at = (e) => {
        const r = c.getBoundingClientRect();
        const v = viewRange();
        return v.from + (v.to - v.from) * Math.min(1, Math.max(0, (e.clientX - r.left) / r.width));
      };
      c.addEventListener('pointerdown', (e) => {
        dragging = true;
        c.setPointerCapture(e.pointerId);
        // a zoomed view follows the clock; while the pointer is down it holds still under it
        state.heldView = viewRange();
        seekAll(at(e));
      });
      c.addEventListener('pointermove', (e) => {
        c.title = formatWall(at(e));
        if (dragging) {
          state.clockMs = at(e); // scrub: the players follow the clock on the next tick
        }
      });
      c.addEventListener('pointerup', (e) => {
        if (dragging) {
          dragging = false;
          seekAll(at(e));
          state.heldView = null;
        }
      });
      c.addEventListener('pointercancel', () => {
        dragging = false;
        state.heldView = null;
      });
      player.timeline = this;
    }

    draw() {
      const c = this.player.canvas;
      const w = c.clientWidth;
      if (c.width !== w) {
        c.width = w;
      }
      const h = c.height;
      const g = c.getContext('2d');
      const v = viewRange();
      const x = (ms) => ((ms - v.from) / (v.to - v.from)) * w;
      c.dataset.fromMs = String(Math.round(v.from)); // what a pixel means, for the page's tests
      c.dataset.toMs = String(Math.round(v.to));
      g.fillStyle = '#dee2e6'; // gaps: nothing recorded
      g.fillRect(0, 0, w, h);
      g.fillStyle = '#198754';
      for (const r of this.player.recorded) {
        g.fillRect(x(r.startMs), 10, Math.max(1, x(r.endMs) - x(r.startMs)), h - 10);
      }
      g.fillStyle = '#fd7e14';
      for (const m of this.player.motion) {
        g.fillRect(x(m.startMs), 0, Math.max(2, x(m.endMs) - x(m.startMs)), 8);
      }
      g.fillStyle = '#212529';
      g.font = '10px sans-serif';
      const step = tickStep(v.to - v.from);
      for (let t = Math.ceil(v.from / step) * step; t < v.to; t += step) {
        g.fillRect(x(t), h - 6, 1, 6);
        g.fillText(formatWall(t, true), x(t) + 2, h - 8);
      }
      if (state.clockMs !== null) {
        g.fillStyle = '#dc3545';
        g.fillRect(x(state.clockMs) - 1, 0, 2, h);
      }
    }
  }

  /**
   * The evidence request form for a camera, prefilled with the zoomed timeline's range, or with a minute either
   * side of the clock when the whole day is shown (a day is rarely what an investigator means to export).
   */
  function exportHref(cameraId) {
    const v = viewRange();
    const range = state.zoomMs ? v : { from: Math.max(v.from, state.clockMs - EXPORT_AROUND_MS),
      to: Math.min(v.to, state.clockMs + EXPORT_AROUND_MS) };
    // whole seconds, widened: a request form has no use for milliseconds
    return '/evidence?camera=' + encodeURIComponent(cameraId) + '&from=' + iso(Math.floor(range.from / 1000) * 1000)
        + '&to=' + iso(Math.ceil(range.to / 1000) * 1000);
  }

  function tickStep(spanMs) {
    for (const s of [60000, 300000, 600000, 1800000, HOUR_MS, 3 * HOUR_MS]) {
      if (spanMs / s <= 8) {
        return s;
      }
    }
    return 6 * HOUR_MS;
  }

  function viewRange() {
    if (state.heldView) {
      return state.heldView;
    }
    const d = state.day;
    if (!state.zoomMs || state.clockMs === null) {
      return { from: d.fromMs, to: d.toMs };
    }
    const from = Math.max(d.fromMs, Math.min(d.toMs - state.zoomMs, state.clockMs - state.zoomMs / 2));
    return { from: from, to: from + state.zoomMs };
  }

  // ---- wall time in the chosen zone ----

  let formatter = null;
  let shortFormatter = null;

  function makeFormatters(zone) {
    const locale = text.lang === 'id' ? 'id-ID' : 'en-GB';
    formatter = new Intl.DateTimeFormat(locale, { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit',
      hour: '2-digit', minute: '2-digit', second: '2-digit', fractionalSecondDigits: 3, hourCycle: 'h23',
      timeZoneName: 'short' });
    shortFormatter = new Intl.DateTimeFormat(locale, { timeZone: zone, hour: '2-digit', minute: '2-digit',
      hourCycle: 'h23' });
  }

  function formatWall(ms, short) {
    return (short ? shortFormatter : formatter).format(new Date(ms));
  }

  // ---- the clock ----

  function seekAll(ms) {
    const d = state.day;
    state.clockMs = Math.max(d.fromMs, Math.min(d.toMs - 1, ms));
    state.seekStartedAt = performance.now();
    for (const p of state.players) {
      p.node.dataset.seekPending = String(p.spanAt(state.clockMs) !== null);
      if (p.spanAt(state.clockMs) !== null && !p.covers(state.clockMs) && p.loading === null) {
        p.loadWindow(state.clockMs);
      }
    }
  }

  function advanceClock() {
    const lead = state.players.find((p) => p.spanAt(state.clockMs) !== null && p.covers(state.clockMs));
    if (lead) {
      if (!lead.ready() || lead.video.paused) {
        return; // buffering or starting: the clock waits for it
      }
      const span = lead.spanAt(state.clockMs);
      const w = lead.wallNow();
      // within its recording the lead's frames are the clock; past its end it has run into its next run, which
      // is not yet the clock's time
      if (w !== null && Math.abs(w - state.clockMs) < SEEK_DRIFT_S * 1000 * Math.max(1, state.rate)) {
        state.clockMs = Math.min(Math.max(w, state.clockMs), span.endMs);
      }
      return;
    }
    if (state.players.some((p) => p.spanAt(state.clockMs) !== null)) {
      return; // a window is loading
    }
    const next = state.players.map((p) => p.nextRecordingAfter(state.clockMs)).filter((n) => n !== null);
    if (next.length) {
      seekAll(Math.min.apply(null, next)); // nobody recorded this stretch: skip it
    } else {
      setPlaying(false);
    }
  }

  function tick(now) {
    if (state.day && state.clockMs !== null) {
      if (state.playing) {
        advanceClock();
      }
      for (const p of state.players) {
        p.follow(state.clockMs, state.playing);
      }
      if (now - state.lastDraw >= DRAW_INTERVAL_MS) {
        state.lastDraw = now;
        for (const p of state.players) {
          p.timeline.draw();
          const w = p.loading === null && p.hls !== null ? p.wallNow() : null;
          p.node.dataset.frameWallMs = w === null ? '' : String(Math.round(w));
          p.exportLink.href = exportHref(p.id);
        }
        const wall = el('wall-time');
        wall.textContent = formatWall(state.clockMs);
        wall.dataset.wallMs = String(Math.round(state.clockMs));
      }
    }
    requestAnimationFrame(tick);
  }

  function setPlaying(playing) {
    state.playing = playing;
    const b = el('play');
    b.textContent = playing ? b.dataset.pause : b.dataset.play;
    if (!playing) {
      for (const p of state.players) {
        p.video.pause();
      }
    }
  }

  function stepFrame(direction) {
    setPlaying(false);
    const lead = state.players.find((p) => p.spanAt(state.clockMs) !== null) || state.players[0];
    seekAll(state.clockMs + direction * (1000 / lead.fps()));
  }

  // ---- the form ----

  function zoneChoices() {
    const browser = Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
    const zones = [browser, text.defaultZone, 'Asia/Jakarta', 'Asia/Makassar', 'Asia/Jayapura', 'UTC'];
    const select = el('zone');
    for (const z of zones.filter((z, i) => zones.indexOf(z) === i)) {
      select.add(new Option(z, z));
    }
  }

  function selectedCameras() {
    return Array.from(document.querySelectorAll('.camera-choice:checked'));
  }

  async function show(atMs) {
    const chosen = selectedCameras();
    const error = el('form-error');
    error.classList.add('d-none');
    if (chosen.length === 0 || chosen.length > maxCameras) {
      error.textContent = text.tooMany;
      error.classList.remove('d-none');
      return;
    }
    setPlaying(false);
    for (const p of state.players) {
      if (p.hls) {
        p.hls.destroy();
      }
    }
    const zone = el('zone').value;
    makeFormatters(zone);
    state.day = await getJson('/api/playback/day?date=' + encodeURIComponent(el('day').value) + '&zone='
        + encodeURIComponent(zone));
    const container = el('players');
    container.replaceChildren();
    state.players = chosen.map((c) => new Player(c.value, c.dataset.name));
    state.players.forEach((p) => container.appendChild(p.node));
    await Promise.all(state.players.map((p) => p.loadTimeline(state.day)));
    el('controls').classList.remove('d-none');
    const first = state.players.map((p) => (p.recorded.length ? p.recorded[0].startMs : null))
        .filter((m) => m !== null);
    const start = atMs !== undefined && atMs !== null ? atMs : (first.length ? Math.min.apply(null, first)
        : state.day.fromMs);
    seekAll(start);
  }

  function gotoTime(hhmmss) {
    // the chosen day's midnight in the zone, plus the time of day (a DST day's repeated hour takes the first)
    const [h, m, s] = hhmmss.split(':').map((n) => parseInt(n || '0', 10));
    seekAll(state.day.fromMs + ((h * 60 + m) * 60 + (s || 0)) * 1000 - offsetShiftMs(h));
  }

  /** On a day when the zone's offset changes, times after the change are shifted by the change. */
  function offsetShiftMs(hour) {
    const at = state.day.fromMs + hour * HOUR_MS;
    return zoneOffsetMs(at) - zoneOffsetMs(state.day.fromMs);
  }

  function zoneOffsetMs(ms) {
    const parts = new Intl.DateTimeFormat('en-US', { timeZone: el('zone').value, hourCycle: 'h23', year: 'numeric',
      month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' }).formatToParts(new Date(ms));
    const v = Object.fromEntries(parts.map((p) => [p.type, p.value]));
    return Date.UTC(+v.year, +v.month - 1, +v.day, +v.hour, +v.minute, +v.second) - Math.floor(ms / 1000) * 1000;
  }

  function init() {
    zoneChoices();
    const params = new URLSearchParams(location.search);
    el('day').value = params.get('date') || text.today;
    if (params.get('zone')) {
      el('zone').value = params.get('zone');
    }
    const wanted = (params.get('cameras') || '').split(',').filter((c) => c);
    const boxes = Array.from(document.querySelectorAll('.camera-choice'));
    boxes.forEach((b, i) => { b.checked = wanted.length ? wanted.includes(b.value) : i === 0; });
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      show(null);
    });
    el('play').addEventListener('click', () => setPlaying(!state.playing));
    el('frame-back').addEventListener('click', () => stepFrame(-1));
    el('frame-forward').addEventListener('click', () => stepFrame(1));
    el('speed').addEventListener('change', (e) => {
      state.rate = parseFloat(e.target.value);
      state.players.forEach((p) => { p.video.playbackRate = state.rate; });
    });
    el('zoom').addEventListener('change', (e) => { state.zoomMs = parseInt(e.target.value, 10); });
    el('goto-form').addEventListener('submit', (e) => {
      e.preventDefault();
      gotoTime(el('goto-time').value);
    });
    requestAnimationFrame(tick);
    if (wanted.length) {
      show(params.get('at') ? Date.parse(params.get('at')) : null);
    }
  }

  init();
}());
