// Dashboard: live feed of high-risk predictions (server-sent events relayed by this site at /live/predictions)
// and a periodic refresh of the tiles and charts (server-rendered HTML from ?handler=Summary).
(() => {
  const maxRows = 25;
  const summary = document.getElementById("summary");
  const body = document.querySelector("#feed tbody");
  const template = document.getElementById("feed-row");
  const status = document.getElementById("feed-status");
  let refreshTimer = null;

  async function refreshSummary() {
    refreshTimer = null;
    try {
      const response = await fetch(summary.dataset.refreshUrl, { headers: { "Accept": "text/html" } });
      if (response.ok) summary.innerHTML = await response.text(); // server-rendered, HTML-encoded by Razor
    } catch { /* next tick retries */ }
  }

  function scheduleRefresh(delay) {
    if (refreshTimer === null) refreshTimer = setTimeout(refreshSummary, delay);
  }

  function addRow(p) {
    const row = template.content.firstElementChild.cloneNode(true);
    row.querySelector('[data-f="scoredAt"]').textContent = churn.time(p.scoredAt);
    const link = row.querySelector('[data-f="customerId"]');
    link.textContent = p.customerId;
    link.href = "/customers/" + encodeURIComponent(p.customerId);
    row.querySelector('[data-f="state"]').textContent = p.customer.state;
    row.querySelector('[data-f="probability"]').textContent = churn.percent(p.churnProbability);
    row.querySelector('[data-f="modelVersion"]').textContent = p.modelVersion;
    body.prepend(row);
    while (body.rows.length > maxRows) body.deleteRow(body.rows.length - 1);
  }

  const source = new EventSource("/live/predictions?riskBand=High");
  source.addEventListener("open", () => { status.textContent = "Live: waiting for new high-risk predictions."; });
  source.addEventListener("error", () => { status.textContent = "Connection lost; reconnecting…"; });
  source.addEventListener("prediction", (e) => {
    addRow(JSON.parse(e.data));
    status.textContent = "Live.";
    scheduleRefresh(1000);
  });

  setInterval(() => scheduleRefresh(0), 5000);
})();
