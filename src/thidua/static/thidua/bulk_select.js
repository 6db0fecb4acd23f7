// Selecting many dossiers on a round's page (nominations/views/bulk.py):
//  * the "chọn tất cả" box ticks or clears every dossier of the list;
//  * an action button is enabled only when every ticked dossier offers that move
//    (each box's data-moves lists the keys of its own moves); the server checks again.
function refreshBulk(form) {
  const boxes = [...form.querySelectorAll("input[name=ho_so]")];
  const ticked = boxes.filter((box) => box.checked);
  const all = form.querySelector("[data-check-all]");
  if (all) {
    all.checked = ticked.length > 0 && ticked.length === boxes.length;
    all.indeterminate = ticked.length > 0 && ticked.length < boxes.length;
  }
  const count = form.querySelector("[data-bulk-count]");
  if (count) {
    count.textContent = String(ticked.length);
  }
  for (const button of form.querySelectorAll("[data-bulk-action]")) {
    const key = button.value;
    button.disabled =
      ticked.length === 0 ||
      !ticked.every((box) => (box.dataset.moves || "").split(" ").includes(key));
  }
}

document.addEventListener("change", (event) => {
  const form = event.target.closest("form[data-bulk]");
  if (!form) {
    return;
  }
  if (event.target.matches("[data-check-all]")) {
    for (const box of form.querySelectorAll("input[name=ho_so]")) {
      box.checked = event.target.checked;
    }
  }
  refreshBulk(form);
});

document.addEventListener("DOMContentLoaded", () => {
  for (const form of document.querySelectorAll("form[data-bulk]")) {
    refreshBulk(form);
  }
});
