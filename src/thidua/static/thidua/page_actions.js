// Small page behaviours, without inline handlers (the CSP forbids them):
//  * a button or form with data-confirm asks before submitting (irreversible actions);
//  * a button with data-copy="#id" copies that element's text;
//  * a button with data-print prints the page.
document.addEventListener("submit", (event) => {
  const message =
    (event.submitter && event.submitter.dataset.confirm) || event.target.dataset.confirm;
  if (message && !window.confirm(message)) {
    event.preventDefault();
  }
});

document.addEventListener("click", (event) => {
  const copy = event.target.closest("[data-copy]");
  if (copy) {
    const source = document.querySelector(copy.dataset.copy);
    if (source && navigator.clipboard) {
      navigator.clipboard.writeText(source.textContent.trim()).then(() => {
        copy.textContent = copy.dataset.copied || copy.textContent;
      });
    }
  }
  if (event.target.closest("[data-print]")) {
    window.print();
  }
});
