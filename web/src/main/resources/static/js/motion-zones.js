// Zones editor: polygons in picture coordinates 0..1 drawn over a snapshot, saved with PUT /api/cameras/{id}/motion.
(function () {
  const root = document.getElementById('zones-editor');
  const cameraId = root.dataset.cameraId;
  const api = '/api/cameras/' + encodeURIComponent(cameraId) + '/motion';
  const canvas = document.getElementById('zone-canvas');
  const picture = document.getElementById('zone-picture');
  const list = document.getElementById('zone-list');
  const result = document.getElementById('motion-result');
  const strings = {};
  document.getElementById('zone-strings').content.querySelectorAll('[data-key]')
    .forEach(s => { strings[s.dataset.key] = s.textContent; });
  const csrfHeader = document.querySelector('meta[name="_csrf_header"]');
  const csrfToken = document.querySelector('meta[name="_csrf"]');
  const colours = { include: 'rgba(25, 135, 84, 0.35)', exclude: 'rgba(220, 53, 69, 0.35)' };

  let zones = [];
  let drawing = [];

  function kind() {
    return document.querySelector('input[name="kind"]:checked').value;
  }

  function draw() {
    const w = canvas.clientWidth, h = canvas.clientHeight;
    canvas.width = w;
    canvas.height = h;
    const g = canvas.getContext('2d');
    g.clearRect(0, 0, w, h);
    const path = (points) => {
      g.beginPath();
      points.forEach(([x, y], i) => (i ? g.lineTo(x * w, y * h) : g.moveTo(x * w, y * h)));
    };
    zones.forEach(z => {
      path(z.points);
      g.closePath();
      g.fillStyle = colours[z.kind];
      g.fill();
      g.strokeStyle = z.kind === 'include' ? '#198754' : '#dc3545';
      g.lineWidth = 2;
      g.stroke();
    });
    if (drawing.length) {
      path(drawing);
      g.strokeStyle = '#ffc107';
      g.lineWidth = 2;
      g.stroke();
      drawing.forEach(([x, y]) => g.fillRect(x * w - 3, y * h - 3, 6, 6));
    }
  }

  function renderList() {
    list.replaceChildren();
    zones.forEach((z, i) => {
      const li = document.createElement('li');
      li.className = 'list-group-item d-flex justify-content-between align-items-center zone-item';
      li.dataset.kind = z.kind;
      li.textContent = (i + 1) + '. ' + strings[z.kind] + ' (' + z.points.length + ' ' + strings.points + ')';
      const remove = document.createElement('button');
      remove.type = 'button';
      remove.className = 'btn btn-sm btn-outline-danger';
      remove.textContent = strings.remove;
      remove.addEventListener('click', () => { zones.splice(i, 1); renderList(); draw(); });
      li.appendChild(remove);
      list.appendChild(li);
    });
  }

  function show(settings) {
    zones = settings.zones.map(z => ({ kind: z.kind, points: z.points }));
    document.getElementById('motion-enabled').checked = settings.enabled;
    document.getElementById('sensitivity').value = settings.sensitivity;
    document.getElementById('min-area').value = settings.minAreaPercent;
    document.getElementById('keep-days').value = settings.keepMotionExtraDays;
    renderList();
    draw();
  }

  canvas.addEventListener('click', e => {
    const x = Math.min(1, Math.max(0, e.offsetX / canvas.clientWidth));
    const y = Math.min(1, Math.max(0, e.offsetY / canvas.clientHeight));
    drawing.push([Math.round(x * 10000) / 10000, Math.round(y * 10000) / 10000]);
    draw();
  });
  document.getElementById('undo-point').addEventListener('click', () => { drawing.pop(); draw(); });
  document.getElementById('finish-zone').addEventListener('click', () => {
    if (drawing.length >= 3) {
      zones.push({ kind: kind(), points: drawing });
      renderList();
    }
    drawing = [];
    draw();
  });
  function noPicture() {
    picture.classList.add('d-none');
    document.getElementById('no-picture').classList.remove('d-none');
  }
  picture.addEventListener('error', noPicture);
  // the request may have failed before this script ran
  if (picture.complete && picture.naturalWidth === 0) {
    noPicture();
  }
  window.addEventListener('resize', draw);

  document.getElementById('save-motion').addEventListener('click', async () => {
    const headers = { 'Content-Type': 'application/json' };
    if (csrfHeader && csrfToken) {
      headers[csrfHeader.content] = csrfToken.content;
    }
    const body = {
      enabled: document.getElementById('motion-enabled').checked,
      sensitivity: Number(document.getElementById('sensitivity').value),
      minAreaPercent: Number(document.getElementById('min-area').value),
      keepMotionExtraDays: Number(document.getElementById('keep-days').value),
      zones: zones
    };
    const response = await fetch(api, { method: 'PUT', headers: headers, body: JSON.stringify(body) });
    const answer = await response.json();
    result.className = 'mt-3 alert ' + (response.ok ? 'alert-success' : 'alert-danger');
    result.textContent = response.ok ? strings.saved : (answer.detail || response.status);
    if (response.ok) {
      show(answer);
    }
  });

  fetch(api).then(r => r.json()).then(show);
})();
