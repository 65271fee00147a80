// Evidence page: while a package is being built, poll its request and move the progress bar; reload the page
// when the status changes (ready, failed), so the download button appears without a manual refresh.
(function () {
  const rows = Array.from(document.querySelectorAll('tr[data-request-id]'))
    .filter(r => r.dataset.status === 'APPROVED' || r.dataset.status === 'BUILDING');
  if (rows.length === 0) {
    return;
  }
  async function poll() {
    for (const row of rows) {
      const response = await fetch('/api/evidence/requests/' + row.dataset.requestId,
        {headers: {Accept: 'application/json'}, credentials: 'same-origin'});
      if (!response.ok) {
        continue;
      }
      const request = await response.json();
      if (request.status !== row.dataset.status && !(row.dataset.status === 'APPROVED' && request.status === 'BUILDING')) {
        window.location.reload();
        return;
      }
      row.dataset.status = request.status;
      const bar = row.querySelector('.progress-bar');
      if (bar) {
        bar.style.width = request.progressPercent + '%';
        bar.textContent = request.progressPercent + ' %';
        bar.parentElement.setAttribute('aria-valuenow', request.progressPercent);
      }
    }
    setTimeout(poll, 1000);
  }
  setTimeout(poll, 1000);
})();
