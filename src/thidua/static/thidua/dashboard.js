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
    // Years not over yet: "2026 (chưa hết năm)", drawn pale (bars) or dashed (lines),
    // so a count so far is not read as a fall.
    var unfinished = table.unfinished || [];
    var isUnfinished = function (index) {
      return unfinished.indexOf(table.rows[index][0]) !== -1;
    };
    var labels = table.rows.map(function (row, index) {
      return String(row[0]) + (isUnfinished(index) ? " (chưa hết năm)" : "");
    });
    var columns = table.columns.slice(1);
    var pick = columns.map(function (_, i) { return i + 1; });
    if (kind === "line") {
      // Shares only (the columns that end in "(%)").
      pick = pick.filter(function (i) { return /%\)$/.test(table.columns[i]); });
    } else if (kind === "bar" && columns.length > 3) {
      pick = pick.filter(function (i) { return typeof table.rows[0][i] === "number"; }).slice(1);
    }
    var datasets = pick.map(function (i, n) {
      var colour = palette[n % palette.length];
      return {
        label: table.columns[i],
        data: table.rows.map(function (row) { return row[i]; }),
        backgroundColor: kind === "doughnut" ? palette : table.rows.map(function (_, index) {
          return isUnfinished(index) ? colour + "55" : colour;
        }),
        borderColor: kind === "doughnut" ? "#fff" : colour,
        segment: {
          borderDash: function (context) {
            return isUnfinished(context.p1DataIndex) ? [6, 4] : undefined;
          }
        },
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
