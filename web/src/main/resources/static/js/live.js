/*
 * Pantau live wall: each tile plays one camera stream from the live socket (/live/socket/{id}?stream=sub|main)
 * through Media Source Extensions. The socket sends a JSON text message per state and per format, the init segment
 * after each format, then one fMP4 fragment per frame. The player keeps 0.15 to 0.3 s buffered: it plays at 1.25x
 * above 0.3 s and jumps to the live edge above 1 s; fragments the page could not append within a second are dropped
 * and playback resumes at the next keyframe. A codec the browser cannot
 * decode (H.265 in Chromium) is said so, and a snapshot refreshed every few seconds is shown instead.
 */
'use strict';
(function () {
  const wall = document.getElementById('live-wall');
  if (!wall) {
    return;
  }
  const grid = document.getElementById('live-grid');
  const focus = document.getElementById('live-focus');
  const options = document.getElementById('live-camera-options');
  const STORE = 'pantau.live';
  const SIZES = [1, 4, 9, 16];
  // the buffer ahead of what is shown settles between these two: each 40 ms frame buffered adds as much latency
  const MAX_BUFFER_S = 0.3;     // more than this buffered ahead: play faster
  const MIN_BUFFER_S = 0.15;    // less than this: back to normal speed
  const JUMP_BUFFER_S = 1.0;    // more than this: jump to the live edge
  const EDGE_S = 0.1;           // where a jump lands, behind the newest frame
  const KEEP_BEHIND_S = 10;     // decoded history kept in the source buffer
  const SNAPSHOT_MS = 3000;
  const STALE_QUEUE_MS = 1000;  // a fragment waiting this long to be appended: skip to the newest keyframe

  const msg = (name) => wall.dataset['msg' + name] || name;

  /** One camera stream in one place of the wall. */
  class Tile {
    constructor(cameraId, stream, index) {
      this.cameraId = cameraId;
      this.stream = stream;
      this.index = index;
      this.frames = 0;
      this.firstFrameMs = null;
      this.retryMs = 1000;
      this.stopped = false;
      this.el = document.createElement('div');
      this.el.className = 'live-tile';
      this.el.dataset.index = String(index);
      this.video = document.createElement('video');
      this.video.muted = true;
      this.video.autoplay = true;
      this.video.playsInline = true;
      this.img = document.createElement('img');
      this.img.className = 'd-none';
      this.img.alt = '';
      const overlay = document.createElement('div');
      overlay.className = 'live-overlay';
      this.badge = document.createElement('span');
      this.badge.className = 'live-badge';
      this.name = document.createElement('span');
      this.name.className = 'live-name';
      overlay.append(this.badge, this.name);
      this.message = document.createElement('div');
      this.message.className = 'live-message d-none';
      this.el.append(this.video, this.img, overlay, this.message);
      this.video.requestVideoFrameCallback && this.video.requestVideoFrameCallback(this.onFrame.bind(this));
    }

    start() {
      this.el.dataset.cameraId = this.cameraId || '';
      this.name.textContent = this.cameraId ? optionName(this.cameraId) : '';
      if (!this.cameraId) {
        this.setBadge(msg('Choose'), 'wait');
        return;
      }
      this.connect();
    }

    connect() {
      if (this.stopped) {
        return;
      }
      this.setBadge(msg('Connecting'), 'wait');
      const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
      const ws = new WebSocket(scheme + '://' + location.host + '/live/socket/' + encodeURIComponent(this.cameraId)
          + '?stream=' + this.stream);
      ws.binaryType = 'arraybuffer';
      this.ws = ws;
      this.resetMedia(null);
      ws.onmessage = (e) => typeof e.data === 'string' ? this.onText(JSON.parse(e.data)) : this.append(e.data);
      ws.onclose = () => {
        if (this.ws !== ws || this.stopped || this.snapshotTimer) {
          return;
        }
        this.setBadge(msg('SocketClosed'), 'down');
        setTimeout(() => this.connect(), this.retryMs);
        this.retryMs = Math.min(this.retryMs * 2, 10000);
      };
    }

    onText(m) {
      if (m.type === 'status') {
        this.el.dataset.state = m.state;
        if (m.state === 'LIVE') {
          this.retryMs = 1000;
          this.setBadge(msg('Live'), 'live');
        } else if (m.linkDown) {
          this.setBadge(msg('LinkDown'), 'down');
        } else if (m.state === 'UNAVAILABLE') {
          this.setBadge(msg('Unavailable'), 'down');
        } else {
          this.setBadge(msg(m.state === 'RECONNECTING' ? 'Reconnecting' : m.state === 'IDLE' ? 'Idle' : 'Connecting'),
              'wait');
        }
        this.badge.title = m.cameraDetail || m.detail || '';
      } else if (m.type === 'init') {
        this.el.dataset.mime = m.mime;
        if (!window.MediaSource || !MediaSource.isTypeSupported(m.mime)) {
          this.unsupported(m.mime);
        } else if (this.mime !== m.mime) {
          this.resetMedia(m.mime);
        }
      }
    }

    /** A new MediaSource for {@code mime} (null: none yet); fragments queue until its buffer exists. */
    resetMedia(mime) {
      this.mime = mime;
      this.queue = [];
      this.buffer = null;
      if (!mime) {
        return;
      }
      const source = new MediaSource();
      this.video.src = URL.createObjectURL(source);
      source.addEventListener('sourceopen', () => {
        URL.revokeObjectURL(this.video.src);
        this.buffer = source.addSourceBuffer(mime);
        this.buffer.mode = 'segments';
        this.buffer.addEventListener('updateend', () => {
          this.catchUp();
          this.trim();
          this.pump();
        });
        this.pump();
      }, {once: true});
    }

    append(data) {
      if (this.mime) {
        const fragment = isFragment(data);
        const key = !fragment || startsWithSyncSample(data);
        if (fragment && this.awaitKey && !key) {
          this.countDropped(1);
        } else {
          this.awaitKey = false;
          this.queue.push({data, fragment, key, atMs: performance.now()});
          this.skipStale();
          this.pump();
        }
      }
      // observers (bench/live reads the cameras' send-time stamps) see every init segment and fragment
      this.el.dispatchEvent(new CustomEvent('live-data', {detail: data}));
    }

    pump() {
      if (!this.buffer || this.buffer.updating || this.queue.length === 0) {
        return;
      }
      try {
        this.buffer.appendBuffer(this.queue.shift().data);
      } catch (e) {
        // a buffer in error, or full: start over from the next connection's keyframe
        this.ws && this.ws.close();
      }
    }

    /**
     * A page that cannot append as fast as the socket delivers (a starved or busy tab) lets fragments wait here, out
     * of reach of the playback-rate catch-up: past STALE_QUEUE_MS it drops them and resumes at the newest keyframe.
     */
    skipStale() {
      if (this.queue.length === 0 || performance.now() - this.queue[0].atMs < STALE_QUEUE_MS) {
        return;
      }
      let k = -1;
      for (let i = this.queue.length - 1; i > 0 && k < 0; i--) {
        k = this.queue[i].fragment && this.queue[i].key ? i : -1;
      }
      const keep = this.queue.filter((e, i) => !e.fragment || (k > 0 && i >= k));
      this.countDropped(this.queue.length - keep.length);
      this.queue = keep;
      this.awaitKey = k < 0;
    }

    countDropped(n) {
      this.dropped = (this.dropped || 0) + n;
      this.el.dataset.dropped = String(this.dropped);
    }

    /** Keeps the newest frame within about half a second of what is shown. */
    catchUp() {
      const b = this.video.buffered;
      if (b.length === 0) {
        return;
      }
      const end = b.end(b.length - 1);
      const start = b.start(b.length - 1);
      const lag = end - this.video.currentTime;
      if (this.video.currentTime < start || lag > JUMP_BUFFER_S) {
        this.video.currentTime = Math.max(start, end - EDGE_S);
        this.video.playbackRate = 1;
      } else if (lag > MAX_BUFFER_S) {
        this.video.playbackRate = 1.25;
      } else if (lag < MIN_BUFFER_S) {
        this.video.playbackRate = 1;
      }
      this.el.dataset.lagMs = String(Math.round(lag * 1000));
      if (this.video.paused) {
        this.video.play().catch(() => {});
      }
    }

    /** Drops what was shown long ago, so a wall left open for days does not fill the browser's memory. */
    trim() {
      const b = this.video.buffered;
      if (this.queue.length === 0 && b.length > 0 && this.video.currentTime - b.start(0) > 2 * KEEP_BEHIND_S) {
        this.buffer.remove(0, this.video.currentTime - KEEP_BEHIND_S);
      }
    }

    onFrame(now, metadata) {
      this.frames++;
      if (this.firstFrameMs === null) {
        this.firstFrameMs = Math.round(performance.now() - this.startedMs);
        this.el.dataset.firstFrameMs = String(this.firstFrameMs);
      }
      this.el.dataset.frames = String(this.frames);
      this.el.dataset.mediaTime = String(metadata.mediaTime);
      if (!this.stopped) {
        this.video.requestVideoFrameCallback(this.onFrame.bind(this));
      }
    }

    unsupported(mime) {
      const codec = mime.includes('hvc1') || mime.includes('hev1') ? 'H.265' : mime;
      this.message.textContent = msg('Unsupported').replace('{0}', codec);
      this.message.classList.remove('d-none');
      this.el.dataset.unsupported = 'true';
      this.setBadge('JPEG', 'wait');
      this.video.classList.add('d-none');
      this.img.classList.remove('d-none');
      const ws = this.ws;
      this.ws = null;
      ws.close();
      const refresh = () => {
        const url = '/api/cameras/' + encodeURIComponent(this.cameraId) + '/live/snapshot?stream=' + this.stream
            + '&width=' + Math.min(1920, Math.round(this.el.clientWidth * (window.devicePixelRatio || 1)))
            + '&t=' + Date.now();
        const next = new Image();
        next.onload = () => {
          this.img.src = next.src;
          this.el.dataset.snapshots = String(Number(this.el.dataset.snapshots || 0) + 1);
        };
        next.onerror = () => this.setBadge(msg('SnapshotFailed'), 'down');
        next.src = url;
      };
      refresh();
      this.snapshotTimer = setInterval(refresh, SNAPSHOT_MS);
    }

    setBadge(text, kind) {
      this.badge.textContent = text;
      this.badge.className = 'live-badge state-' + kind;
    }

    stop() {
      this.stopped = true;
      clearInterval(this.snapshotTimer);
      if (this.ws) {
        const ws = this.ws;
        this.ws = null;
        ws.close();
      }
      this.video.removeAttribute('src');
      this.video.load();
      this.el.remove();
    }
  }

  function isFragment(data) {
    const b = new Uint8Array(data, 0, Math.min(8, data.byteLength));
    return b.length === 8 && String.fromCharCode(b[4], b[5], b[6], b[7]) === 'moof';
  }

  /** Whether a fragment's first sample is a sync sample (ISO/IEC 14496-12 trun sample flags). */
  function startsWithSyncSample(data) {
    const b = new Uint8Array(data, 0, Math.min(256, data.byteLength));
    for (let i = 4; i + 16 <= b.length; i++) {
      if (b[i] === 0x74 && b[i + 1] === 0x72 && b[i + 2] === 0x75 && b[i + 3] === 0x6e) { // 'trun'
        const v = new DataView(data, i + 4);
        const f = v.getUint32(0) & 0xffffff;
        const afterOffset = 8 + (f & 0x1 ? 4 : 0);
        const perSample = afterOffset + (f & 0x4 ? 4 : 0) + (f & 0x100 ? 4 : 0) + (f & 0x200 ? 4 : 0);
        const flags = f & 0x400 ? v.getUint32(perSample) : f & 0x4 ? v.getUint32(afterOffset) : 0;
        return (flags & 0x10000) === 0; // sample_is_non_sync_sample
      }
    }
    return true;
  }

  function optionName(id) {
    const o = Array.from(options.options).find((opt) => opt.value === id);
    return o ? o.textContent : id;
  }

  function cameraIds() {
    return Array.from(options.options).map((o) => o.value).filter((v) => v);
  }

  function load() {
    try {
      const saved = JSON.parse(localStorage.getItem(STORE) || '{}');
      const known = new Set(cameraIds());
      return {
        size: SIZES.includes(saved.size) ? saved.size : 4,
        cameras: Array.isArray(saved.cameras) ? saved.cameras.map((c) => known.has(c) ? c : '') : null,
      };
    } catch (e) {
      return {size: 4, cameras: null};
    }
  }

  const layout = load();
  if (!layout.cameras) {
    layout.cameras = cameraIds().slice(0, 16);
  }
  const tiles = [];
  let focused = null;

  function save() {
    localStorage.setItem(STORE, JSON.stringify(layout));
  }

  function render() {
    tiles.splice(0).forEach((t) => t.stop());
    grid.style.setProperty('--live-columns', String(Math.sqrt(layout.size)));
    document.querySelectorAll('#grid-size button').forEach((b) => {
      b.classList.toggle('active', Number(b.dataset.size) === layout.size);
    });
    for (let i = 0; i < layout.size; i++) {
      const tile = new Tile(layout.cameras[i] || '', 'sub', i);
      tile.startedMs = performance.now();
      tile.el.append(picker(i));
      tile.el.addEventListener('dblclick', () => tile.cameraId && openFocus(tile.cameraId));
      grid.append(tile.el);
      tiles.push(tile);
      tile.start();
    }
  }

  function picker(index) {
    const select = options.cloneNode(true);
    select.removeAttribute('id');
    select.className = 'form-select form-select-sm live-picker';
    select.value = layout.cameras[index] || '';
    select.addEventListener('dblclick', (e) => e.stopPropagation());
    select.addEventListener('change', () => {
      layout.cameras[index] = select.value;
      save();
      render();
    });
    return select;
  }

  /** The camera's main stream over the whole view; the grid keeps playing underneath. */
  function openFocus(cameraId) {
    closeFocus();
    focused = new Tile(cameraId, 'main', -1);
    focused.startedMs = performance.now();
    focused.el.addEventListener('dblclick', closeFocus);
    focus.append(focused.el);
    focus.classList.remove('d-none');
    focused.start();
    if (focus.requestFullscreen) {
      focus.requestFullscreen().catch(() => {});
    }
  }

  function closeFocus() {
    if (focused) {
      focused.stop();
      focused = null;
    }
    focus.classList.add('d-none');
    if (document.fullscreenElement) {
      document.exitFullscreen().catch(() => {});
    }
  }

  document.addEventListener('keydown', (e) => e.key === 'Escape' && closeFocus());
  document.addEventListener('fullscreenchange', () => !document.fullscreenElement && focused && closeFocus());
  document.querySelectorAll('#grid-size button').forEach((b) => b.addEventListener('click', () => {
    layout.size = Number(b.dataset.size);
    save();
    render();
  }));
  // a tab in the background decodes nothing; on return, jump to the live edge at once
  document.addEventListener('visibilitychange', () => !document.hidden && tiles.forEach((t) => t.catchUp()));
  window.pantauLive = {tiles, focused: () => focused};
  render();
})();
