// The person picker (organizations/forms/widgets.py PersonSelect): the search box above
// a list of people keeps the entries whose name, unit or CCCD holds every typed word,
// diacritics and case ignored; a single match is chosen. Loaded on every page (no inline
// script under the CSP); does nothing where there is no picker.
(function () {
  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "")
      .replace(/đ/g, "d").replace(/Đ/g, "d").toLowerCase()
      .replace(/[^a-z0-9]+/g, " ").trim();
  }
  document.addEventListener("input", function (event) {
    var box = event.target;
    if (!box.classList || !box.classList.contains("person-picker-search")) return;
    var select = document.getElementById(box.dataset.pickerFor);
    if (!select) return;
    var words = fold(box.value).split(" ").filter(Boolean);
    var shown = 0, last = null;
    Array.prototype.forEach.call(select.options, function (option) {
      if (!option.value) return;
      var text = option.dataset.search || fold(option.text);
      var match = words.every(function (word) { return text.indexOf(word) !== -1; });
      option.hidden = !match;
      if (match) { shown += 1; last = option; }
    });
    // While searching, the list shows the matches open (up to eight lines).
    select.size = words.length ? Math.max(2, Math.min(8, shown + 1)) : 0;
    if (shown === 1) select.value = last.value;
    var found = document.getElementById(box.dataset.pickerFor + "-found");
    if (found) found.textContent = words.length ? shown + " người phù hợp" : "";
  });
})();
