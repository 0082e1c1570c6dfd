// Shared helpers. Values from records are only ever written with textContent (never innerHTML).
window.churn = {
  percent: (p) => (p * 100).toFixed(1) + " %",
  time: (iso) => new Date(iso).toLocaleTimeString(),
};
