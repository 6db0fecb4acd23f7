// Small page behaviours, without inline handlers (the CSP forbids them):
//  * a button or form with data-confirm asks before submitting (irreversible actions)
//    in a Bootstrap dialog that names what will happen; "Quay lại" (or Esc) leaves the
//    page as it was, "Đồng ý" submits with the button that was pressed;
//  * a button with data-copy="#id" copies that element's text;
//  * a button with data-print prints the page.

// The one dialog of the page, built on first use (no markup in every template).
let confirmDialog = null;

function buildConfirmDialog() {
  const modal = document.createElement("div");
  modal.className = "modal fade";
  modal.id = "confirm-dialog";
  modal.tabIndex = -1;
  modal.setAttribute("role", "dialog");
  modal.setAttribute("aria-modal", "true");
  modal.setAttribute("aria-labelledby", "confirm-dialog-title");
  modal.setAttribute("aria-describedby", "confirm-dialog-message");
  modal.dataset.testid = "confirm-dialog";
  const dialog = document.createElement("div");
  dialog.className = "modal-dialog modal-dialog-centered";
  const content = document.createElement("div");
  content.className = "modal-content";
  const header = document.createElement("div");
  header.className = "modal-header";
  const title = document.createElement("h2");
  title.className = "modal-title h5";
  title.id = "confirm-dialog-title";
  title.textContent = "Xác nhận thao tác";
  header.append(title);
  const body = document.createElement("div");
  body.className = "modal-body";
  body.id = "confirm-dialog-message";
  const footer = document.createElement("div");
  footer.className = "modal-footer";
  const cancel = document.createElement("button");
  cancel.type = "button";
  cancel.className = "btn btn-outline-secondary";
  cancel.dataset.bsDismiss = "modal";
  cancel.textContent = "Quay lại";
  const accept = document.createElement("button");
  accept.type = "button";
  accept.className = "btn btn-primary";
  accept.dataset.confirmAccept = "";
  accept.textContent = "Đồng ý";
  footer.append(cancel, accept);
  content.append(header, body, footer);
  dialog.append(content);
  modal.append(dialog);
  document.body.append(modal);
  // The focus goes to the safe choice first, and back to the pressed button after.
  modal.addEventListener("shown.bs.modal", () => cancel.focus());
  modal.addEventListener("hidden.bs.modal", () => {
    const pending = confirmDialog.pending;
    confirmDialog.pending = null;
    if (pending && pending.opener && document.contains(pending.opener)) {
      pending.opener.focus();
    }
  });
  accept.addEventListener("click", () => {
    const pending = confirmDialog.pending;
    confirmDialog.pending = null;
    confirmDialog.instance.hide();
    if (pending) {
      pending.form.dataset.confirmed = "1";
      if (pending.submitter) {
        pending.form.requestSubmit(pending.submitter);
      } else {
        pending.form.requestSubmit();
      }
    }
  });
  return { element: modal, body, instance: new bootstrap.Modal(modal), pending: null };
}

function askFirst(message, form, submitter) {
  if (!window.bootstrap) {
    // Without Bootstrap's script (a failed load) the browser's own question still asks.
    return window.confirm(message);
  }
  confirmDialog = confirmDialog || buildConfirmDialog();
  confirmDialog.body.textContent = message;
  confirmDialog.pending = { form, submitter, opener: submitter || document.activeElement };
  confirmDialog.instance.show();
  return false;
}

document.addEventListener("submit", (event) => {
  const form = event.target;
  const message = (event.submitter && event.submitter.dataset.confirm) || form.dataset.confirm;
  if (!message) {
    return;
  }
  if (form.dataset.confirmed) {
    delete form.dataset.confirmed; // asked once for this submission
    return;
  }
  if (!askFirst(message, form, event.submitter)) {
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
