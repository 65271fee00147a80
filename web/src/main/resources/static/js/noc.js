// The NOC dashboard: draws links with their cameras from the health event stream (SSE), outages first.
// Built with DOM calls and textContent only: names come from users and must never become markup.
(function () {
  'use strict';
  const root = document.getElementById('noc');
  const words = {};
  document.getElementById('noc-strings').content.querySelectorAll('[data-k]')
    .forEach(el => { words[el.dataset.k] = el.textContent.trim(); });
  const COLOUR = {
    UP: 'success', ONLINE: 'success', DEGRADED: 'warning', DOWN: 'danger', CAMERA_FAULT: 'danger',
    LINK_DOWN: 'dark', DISABLED: 'secondary', UNKNOWN: 'light'
  };
  // lower sorts first: what is broken now heads the page
  const RANK = { DOWN: 0, DEGRADED: 1, UNKNOWN: 2, UP: 3 };
  let uptime = { links: {}, cameras: {} };
  let last = null;
  let lastStates = '';

  function el(tag, cls, text) {
    const e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = text;
    return e;
  }

  function badge(state) {
    const s = state || 'UNKNOWN';
    const b = el('span', 'badge state text-bg-' + COLOUR[s], words[s] || s);
    b.dataset.state = s;
    return b;
  }

  function time(ms) {
    return new Date(ms).toLocaleString(document.documentElement.lang || undefined);
  }

  function bar(ratio, cls, label) {
    const wrap = el('div', 'progress noc-bar');
    wrap.setAttribute('role', 'progressbar');
    wrap.title = label;
    const pct = ratio === null || ratio === undefined ? 0 : Math.max(0, Math.min(100, ratio * 100));
    wrap.setAttribute('aria-valuenow', pct.toFixed(1));
    const inner = el('div', 'progress-bar ' + cls, label);
    inner.style.width = pct + '%';
    wrap.appendChild(inner);
    return wrap;
  }

  function uptimeBar(r, kind) {
    const ratio = r ? r.last24h : null;
    const text = words.uptime24h + ': ' + (ratio === null || ratio === undefined ? '—' : (ratio * 100).toFixed(2) + ' %')
      + (r && r.last30d !== null ? ' · ' + words.uptime30d + ': ' + (r.last30d * 100).toFixed(2) + ' %' : '');
    const cls = ratio === null || ratio === undefined ? 'bg-secondary' : ratio >= 0.995 ? 'bg-success'
      : ratio >= 0.95 ? 'bg-warning' : 'bg-danger';
    const b = bar(ratio === null || ratio === undefined ? 1 : ratio, cls + ' uptime-' + kind, text);
    b.classList.add('noc-uptime');
    return b;
  }

  function bandwidthBar(bw) {
    if (!bw || bw.ratio === null || bw.ratio === undefined) {
      return el('div', 'small text-muted noc-bandwidth', words.bandwidth + ': '
        + ((bw ? bw.usedBps : 0) / 1e6).toFixed(1) + ' Mbit/s, ' + words.capacityUnknown);
    }
    const text = words.bandwidth + ': ' + (bw.usedBps / 1e6).toFixed(1) + ' / ' + (bw.capacityBps / 1e6).toFixed(0)
      + ' Mbit/s (' + (bw.ratio * 100).toFixed(0) + ' %)';
    const b = bar(bw.ratio, bw.ratio > 1 ? 'bg-danger' : bw.warning ? 'bg-warning' : 'bg-info', text);
    b.classList.add('noc-bandwidth');
    b.dataset.warning = String(bw.warning);
    return b;
  }

  function cameraRow(c) {
    const li = el('li', 'list-group-item d-flex flex-wrap align-items-center gap-2 noc-camera');
    li.dataset.cameraId = c.id;
    li.dataset.state = c.state || 'UNKNOWN';
    li.appendChild(badge(c.state));
    li.appendChild(el('span', 'fw-semibold', c.name || c.id));
    li.appendChild(el('span', 'mono text-muted', c.id));
    if (c.recordedHere) {
      li.appendChild(el('span', 'small', c.fps.toFixed(1) + ' / ' + c.expectedFps.toFixed(0) + ' ' + words.fps
        + ' · ' + (c.bitrateBps / 1000).toFixed(0) + ' kbit/s'));
    }
    if (c.reason) li.appendChild(el('span', 'small text-muted noc-reason', c.reason));
    const u = uptimeBar(uptime.cameras[c.id], 'camera');
    u.classList.add('ms-auto');
    li.appendChild(u);
    return li;
  }

  function linkCard(l, cams) {
    const card = el('div', 'card mb-3 noc-link border-' + COLOUR[l.state || 'UNKNOWN']);
    card.dataset.linkId = l.id;
    card.dataset.state = l.state || 'UNKNOWN';
    const head = el('div', 'card-header d-flex flex-wrap align-items-center gap-2');
    head.appendChild(badge(l.state));
    head.appendChild(el('span', 'fw-semibold', l.name || l.id));
    head.appendChild(el('span', 'mono text-muted', l.id));
    head.appendChild(el('span', 'small text-muted', [l.kind, l.vendor].filter(Boolean).join(' · ')));
    if (l.state) head.appendChild(el('span', 'small text-muted', words.since + ' ' + time(l.sinceWallMs)));
    head.appendChild(el('span', 'small ms-auto', l.inferred ? words.inferred
      : words.latency + ' ' + l.latencyMs + ' ms · ' + words.loss + ' ' + (l.lossRatio * 100).toFixed(0) + ' %'));
    card.appendChild(head);
    const body = el('div', 'card-body py-2');
    if (l.reason) body.appendChild(el('div', 'small text-muted noc-reason', l.reason));
    body.appendChild(uptimeBar(uptime.links[l.id], 'link'));
    body.appendChild(bandwidthBar(l.bandwidth));
    card.appendChild(body);
    const list = el('ul', 'list-group list-group-flush');
    cams.forEach(c => list.appendChild(cameraRow(c)));
    card.appendChild(list);
    return card;
  }

  function outages(s) {
    const list = document.getElementById('noc-outage-list');
    list.replaceChildren();
    const down = s.links.filter(l => l.state === 'DOWN' || l.state === 'DEGRADED')
      .map(l => ({ id: l.id, name: l.name, state: l.state, since: l.sinceWallMs, reason: l.reason, link: true }))
      .concat(s.cameras.filter(c => c.state === 'CAMERA_FAULT' || c.state === 'DEGRADED')
        .map(c => ({ id: c.id, name: c.name, state: c.state, since: c.sinceWallMs, reason: c.reason })));
    down.sort((a, b) => a.since - b.since);
    down.forEach(o => {
      const li = el('li', 'list-group-item d-flex flex-wrap gap-2 align-items-center noc-outage');
      li.dataset.subjectId = o.id;
      li.appendChild(badge(o.state));
      li.appendChild(el('span', 'fw-semibold', (o.link ? '' : words.camera + ' ') + (o.name || o.id)));
      li.appendChild(el('span', 'small text-muted', words.since + ' ' + time(o.since)));
      if (o.reason) li.appendChild(el('span', 'small', o.reason));
      list.appendChild(li);
    });
    document.getElementById('noc-no-outages').hidden = down.length > 0;
  }

  function draw(s) {
    last = s;
    outages(s);
    const byLink = {};
    s.cameras.forEach(c => { (byLink[c.linkId || ''] = byLink[c.linkId || ''] || []).push(c); });
    const links = s.links.slice().sort((a, b) => (RANK[a.state || 'UNKNOWN'] - RANK[b.state || 'UNKNOWN'])
      || (a.name || a.id).localeCompare(b.name || b.id));
    const cards = links.map(l => linkCard(l, byLink[l.id] || []));
    const orphans = byLink[''] || [];
    if (orphans.length) {
      cards.push(linkCard({ id: '', name: words.noLink, state: null, inferred: true, bandwidth: null }, orphans));
      cards[cards.length - 1].classList.add('noc-no-link');
    }
    document.getElementById('noc-links').replaceChildren(...cards);
  }

  function alertItem(a) {
    const li = el('li', 'list-group-item noc-alert');
    li.dataset.alertId = a.id;
    li.dataset.subjectId = a.subjectId;
    const head = el('div', 'd-flex gap-2 align-items-center');
    head.appendChild(el('span', 'badge text-bg-' + (a.kind === 'RECOVERED' ? 'success' : 'danger'),
      words[a.kind] || a.kind));
    head.appendChild(el('span', 'text-muted', time(a.atWallMs)));
    li.appendChild(head);
    li.appendChild(el('div', '', a.message));
    return li;
  }

  function addAlert(a, first) {
    const list = document.getElementById('noc-alerts');
    if (list.querySelector('[data-alert-id="' + a.id + '"]')) return;
    if (first) list.prepend(alertItem(a)); else list.appendChild(alertItem(a));
    while (list.children.length > 50) list.lastChild.remove();
    document.getElementById('noc-no-alerts').hidden = true;
  }

  function live(on) {
    const b = document.getElementById('noc-live');
    b.textContent = on ? words.live : words.reconnecting;
    b.className = 'badge text-bg-' + (on ? 'success' : 'warning');
    b.dataset.live = String(on);
  }

  function json(url) {
    return fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/json' } })
      .then(r => r.ok ? r.json() : Promise.reject(new Error(url + ': ' + r.status)));
  }

  function refreshUptime() {
    json(root.dataset.uptime).then(u => { uptime = u; if (last) draw(last); }).catch(() => {});
  }

  json(root.dataset.alerts + '?limit=20').then(list => list.forEach(a => addAlert(a, false))).catch(() => {});
  refreshUptime();
  setInterval(refreshUptime, 60000);
  const events = new EventSource(root.dataset.events);
  events.onopen = () => live(true);
  events.onerror = () => live(false);
  events.addEventListener('health', e => {
    live(true);
    const s = JSON.parse(e.data);
    const states = s.links.map(l => l.id + l.state).concat(s.cameras.map(c => c.id + c.state)).join();
    draw(s);
    // a state changed: the uptime bars are out of date too
    if (states !== lastStates) {
      lastStates = states;
      refreshUptime();
    }
  });
  events.addEventListener('alert', e => addAlert(JSON.parse(e.data), true));
})();
