// Dashboard charts. Each canvas names the <script type="application/json"> holding its
// table ({columns, rows}); the first column labels the x axis, the others are series.
// No inline script: the Content-Security-Policy allows same-origin scripts only.
document.addEventListener("DOMContentLoaded", function () {
  if (typeof Chart === "undefined") return;
  var palette = ["#8b1a1a", "#198754", "#0d6efd", "#fd7e14", "#6f42c1", "#20c997",
                 "#d63384", "#6c757d", "#ffc107", "#0dcaf0"];
  document.querySelectorAll("canvas.dashboard-chart").forEach(function (canvas) {
    var source = document.getElementById(canvas.dataset.source);
    if (!source) return;
    var table = JSON.parse(source.textContent);
    var kind = canvas.dataset.kind;
    var labels = table.rows.map(function (row) { return String(row[0]); });
    var columns = table.columns.slice(1);
    var pick = columns.map(function (_, i) { return i + 1; });
    if (kind === "line") {
      // Shares only (the columns that end in "(%)").
      pick = pick.filter(function (i) { return /%\)$/.test(table.columns[i]); });
    } else if (kind === "bar" && columns.length > 3) {
      pick = pick.filter(function (i) { return typeof table.rows[0][i] === "number"; }).slice(1);
    }
    var datasets = pick.map(function (i, n) {
      return {
        label: table.columns[i],
        data: table.rows.map(function (row) { return row[i]; }),
        backgroundColor: kind === "doughnut" ? palette : palette[n % palette.length],
        borderColor: kind === "doughnut" ? "#fff" : palette[n % palette.length],
        tension: 0.2
      };
    });
    var stacked = kind === "stacked";
    new Chart(canvas, {
      type: stacked ? "bar" : kind,
      data: { labels: labels, datasets: datasets },
      options: {
        // Ticks and tooltips as Vietnamese write numbers (2.530.000; 93,5), whatever
        // the language of the browser.
        locale: "vi-VN",
        animation: false,
        aspectRatio: kind === "doughnut" ? 2 : 1.6,
        spanGaps: false,
        plugins: { legend: { position: "bottom" } },
        scales: kind === "doughnut" ? {} : {
          x: { stacked: stacked },
          y: { stacked: stacked, beginAtZero: true }
        }
      }
    });
  });
});
