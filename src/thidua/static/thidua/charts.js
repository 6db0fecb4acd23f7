// Progress charts: the data comes from data-* attributes, so no inline script is needed
// (the Content-Security-Policy allows only same-origin scripts).
document.addEventListener("DOMContentLoaded", function () {
  if (typeof Chart === "undefined") return;
  document.querySelectorAll("canvas.progress-chart").forEach(function (canvas) {
    var labels = canvas.dataset.labels ? canvas.dataset.labels.split(",") : [];
    var values = canvas.dataset.values ? canvas.dataset.values.split(",").map(Number) : [];
    var target = Number(canvas.dataset.target);
    new Chart(canvas, {
      type: "line",
      data: {
        labels: labels,
        datasets: [
          { label: "Thực hiện", data: values, borderColor: "#8b1a1a", tension: 0.2 },
          { label: "Chỉ tiêu", data: labels.map(function () { return target; }),
            borderColor: "#198754", borderDash: [6, 4], pointRadius: 0 }
        ]
      },
      // locale: ticks and tooltips read 93,5 whatever the browser's language.
      options: {
        locale: "vi-VN", animation: false, plugins: { legend: { position: "bottom" } }
      }
    });
  });
});
