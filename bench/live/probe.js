/*
 * Injected into the live wall by live_bench.py. For every tile it reads the send-time SEI that the virtual camera
 * put in each frame (parsed from the fMP4 fragments the tile receives: tfdt + composition offset give the frame's
 * presentation time, the mdat holds the SEI), then, on each requestVideoFrameCallback, looks up the frame shown by
 * its mediaTime. Latencies are wall-clock milliseconds on this machine: performance.timeOrigin + a DOMHighResTimeStamp
 * minus the camera's System.currentTimeMillis() at send.
 *   arrival: when the fragment reached the page (WebSocket message) - sent
 *   shown:   metadata.expectedDisplayTime of the frame (when the compositor puts it on screen) - sent
 */
(function () {
  const UUID = 'PantauSendTimeMs';
  const bench = window.pantauBench = {shown: [], arrival: [], unmatched: 0, tiles: []};
  const ascii = (b, o, n) => String.fromCharCode.apply(null, b.subarray(o, o + n));

  function boxes(b, start, end, visit) {
    const v = new DataView(b.buffer, b.byteOffset, b.byteLength);
    for (let p = start; p + 8 <= end;) {
      const size = v.getUint32(p);
      if (size < 8) {
        return;
      }
      visit(ascii(b, p + 4, 4), p + 8, p + size, v);
      p += size;
    }
  }

  /** {ptsTicks, sentMs} of a one-frame fragment, or null. */
  function parseFragment(b) {
    let dts = null, cto = 0, sentMs = null;
    boxes(b, 0, b.length, (type, s, e, v) => {
      if (type === 'moof') {
        boxes(b, s, e, (t2, s2, e2) => t2 === 'traf' && boxes(b, s2, e2, (t3, s3, e3) => {
          if (t3 === 'tfdt') {
            dts = b[s3] === 1 ? Number(v.getBigUint64(s3 + 4)) : v.getUint32(s3 + 4);
          } else if (t3 === 'trun') {
            const flags = v.getUint32(s3) & 0xffffff;
            let p = s3 + 8 + (flags & 1 ? 4 : 0) + (flags & 4 ? 4 : 0);
            p += (flags & 0x100 ? 4 : 0) + (flags & 0x200 ? 4 : 0) + (flags & 0x400 ? 4 : 0);
            if (flags & 0x800) {
              cto = v.getInt32(p);
            }
          }
        }));
      } else if (type === 'mdat') {
        for (let p = s; p + 4 <= e;) {
          const len = v.getUint32(p);
          const nalType = b[p + 4] & 0x1f;
          if (nalType === 6 && b[p + 5] === 5 && ascii(b, p + 7, 16) === UUID) {
            sentMs = Number(ascii(b, p + 23, b[p + 6] - 16));
          }
          p += 4 + len;
        }
      }
    });
    return dts === null || sentMs === null ? null : {pts: dts + cto, sentMs};
  }

  function watch(tile) {
    let timescale = 90000;
    const sentByPtsMs = new Map();
    const info = {camera: tile.cameraId, stream: tile.stream, frames: 0, matched: 0};
    bench.tiles.push(info);
    tile.el.addEventListener('live-data', (e) => {
      const now = performance.timeOrigin + performance.now();
      const b = new Uint8Array(e.detail);
      if (ascii(b, 4, 4) === 'ftyp') {
        const i = ascii(b, 0, b.length).indexOf('mdhd');
        if (i > 0) {
          timescale = new DataView(b.buffer).getUint32(i + 4 + 12);
        }
        return;
      }
      const f = parseFragment(b);
      if (f) {
        sentByPtsMs.set(Math.round(f.pts * 1000 / timescale), f.sentMs);
        bench.arrival.push(now - f.sentMs);
        if (sentByPtsMs.size > 500) {
          sentByPtsMs.delete(sentByPtsMs.keys().next().value);
        }
      }
    });
    const onFrame = (now, m) => {
      info.frames++;
      const key = Math.round(m.mediaTime * 1000);
      const sent = sentByPtsMs.get(key) ?? sentByPtsMs.get(key - 1) ?? sentByPtsMs.get(key + 1);
      if (sent === undefined) {
        bench.unmatched++;
      } else {
        info.matched++;
        bench.shown.push(performance.timeOrigin + m.expectedDisplayTime - sent);
      }
      tile.video.requestVideoFrameCallback(onFrame);
    };
    tile.video.requestVideoFrameCallback(onFrame);
  }

  window.pantauLive.tiles.forEach(watch);
  /** Clears the samples (after the warm-up) and returns how many there were. */
  bench.reset = () => {
    const n = bench.shown.length;
    bench.tiles.forEach((t) => {
      t.frames = 0;
      t.matched = 0;
    });
    bench.shown.length = 0;
    bench.arrival.length = 0;
    bench.unmatched = 0;
    return n;
  };
})();
