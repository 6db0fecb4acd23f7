// A calendar beside every date box (inputs with data-datepicker, see
// common.forms.DateInput). The box stays a text box for dd/mm/yyyy: typing works
// without this script, and the browser's own date input is not used because it shows
// dates in the operating system's format (mm/dd/yyyy on an English Windows).
// Keyboard: arrows move a day or a week, Page Up/Down a month, Home/End the start or
// end of the week, Enter picks, Escape closes. No inline script or style (CSP).
(() => {
  const WEEKDAYS = ["T2", "T3", "T4", "T5", "T6", "T7", "CN"];
  const pad = (n) => String(n).padStart(2, "0");
  const shown = (d) => `${pad(d.getDate())}/${pad(d.getMonth() + 1)}/${d.getFullYear()}`;
  const sameDay = (a, b) =>
    a && b && a.getFullYear() === b.getFullYear() && a.getMonth() === b.getMonth() &&
    a.getDate() === b.getDate();

  // What the server reads too (formats/vi): dd/mm/yyyy, d/m/yyyy, dd-mm-yyyy,
  // dd.mm.yyyy and yyyy-mm-dd. Anything else: no date (the calendar opens on today).
  function parse(text) {
    const value = (text || "").trim();
    let m = value.match(/^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/);
    let day, month, year;
    if (m) {
      [day, month, year] = [+m[1], +m[2], +m[3]];
    } else if ((m = value.match(/^(\d{4})-(\d{1,2})-(\d{1,2})$/))) {
      [year, month, day] = [+m[1], +m[2], +m[3]];
    } else {
      return null;
    }
    const date = new Date(year, month - 1, day);
    return date.getMonth() === month - 1 && date.getDate() === day ? date : null;
  }

  function button(text, label, css) {
    const el = document.createElement("button");
    el.type = "button";
    el.className = css;
    el.textContent = text;
    if (label) el.setAttribute("aria-label", label);
    return el;
  }

  function enhance(input) {
    if (input.dataset.datepickerReady) return;
    input.dataset.datepickerReady = "1";
    const group = document.createElement("div");
    const small = input.classList.contains("form-control-sm");
    group.className = `input-group datepicker-group${small ? " input-group-sm" : ""}`;
    input.parentNode.insertBefore(group, input);
    group.appendChild(input);
    const toggle = button("", "Chọn ngày trên lịch", "btn btn-outline-secondary");
    toggle.dataset.testid = "datepicker-toggle";
    toggle.setAttribute("aria-haspopup", "dialog");
    toggle.setAttribute("aria-expanded", "false");
    const icon = document.createElement("i");
    icon.className = "bi bi-calendar3";
    icon.setAttribute("aria-hidden", "true");
    toggle.appendChild(icon);
    group.appendChild(toggle);

    let panel = null;
    let cursor = null; // the focused day

    function close(refocus) {
      if (!panel) return;
      panel.remove();
      panel = null;
      toggle.setAttribute("aria-expanded", "false");
      document.removeEventListener("mousedown", outside, true);
      if (refocus) refocus.focus();
    }

    function outside(event) {
      if (panel && !group.contains(event.target)) close(null);
    }

    function pick(date) {
      input.value = shown(date);
      input.dispatchEvent(new Event("input", { bubbles: true }));
      input.dispatchEvent(new Event("change", { bubbles: true }));
      close(input);
    }

    function draw() {
      const chosen = parse(input.value);
      const today = new Date();
      panel.replaceChildren();
      const head = document.createElement("div");
      head.className = "d-flex align-items-center justify-content-between mb-1";
      const previous = button("‹", "Tháng trước", "btn btn-sm btn-light");
      const next = button("›", "Tháng sau", "btn btn-sm btn-light");
      const title = document.createElement("strong");
      title.setAttribute("aria-live", "polite");
      title.dataset.testid = "datepicker-month";
      title.textContent = `Tháng ${cursor.getMonth() + 1}/${cursor.getFullYear()}`;
      previous.addEventListener("click", () => move(0, -1));
      next.addEventListener("click", () => move(0, 1));
      head.append(previous, title, next);

      const table = document.createElement("table");
      table.className = "table table-sm table-borderless mb-1 text-center datepicker-days";
      table.setAttribute("role", "grid");
      const header = table.createTHead().insertRow();
      for (const name of WEEKDAYS) {
        const th = document.createElement("th");
        th.scope = "col";
        th.textContent = name;
        header.appendChild(th);
      }
      const body = table.createTBody();
      const first = new Date(cursor.getFullYear(), cursor.getMonth(), 1);
      const day = new Date(first);
      day.setDate(1 - ((first.getDay() + 6) % 7)); // back to Monday
      let focusTarget = null;
      for (let week = 0; week < 6; week += 1) {
        const row = body.insertRow();
        for (let i = 0; i < 7; i += 1) {
          const cell = row.insertCell();
          const date = new Date(day);
          const inMonth = date.getMonth() === cursor.getMonth();
          const el = button(String(date.getDate()), shown(date), "btn btn-sm w-100");
          el.dataset.date = shown(date);
          el.tabIndex = sameDay(date, cursor) ? 0 : -1;
          if (!inMonth) el.classList.add("text-secondary");
          if (sameDay(date, today)) el.classList.add("fw-bold");
          if (sameDay(date, chosen)) {
            el.classList.add("btn-primary");
            el.setAttribute("aria-selected", "true");
          }
          el.addEventListener("click", () => pick(date));
          if (sameDay(date, cursor)) focusTarget = el;
          cell.appendChild(el);
          day.setDate(day.getDate() + 1);
        }
      }
      const foot = document.createElement("div");
      foot.className = "d-flex justify-content-between";
      const todayButton = button("Hôm nay", null, "btn btn-sm btn-link");
      todayButton.addEventListener("click", () => pick(new Date()));
      const closeButton = button("Đóng", null, "btn btn-sm btn-link");
      closeButton.addEventListener("click", () => close(toggle));
      foot.append(todayButton, closeButton);
      panel.append(head, table, foot);
      return focusTarget;
    }

    // The panel is redrawn, so focus goes to the day under the cursor (also after
    // a click on ‹ or ›, whose button is replaced).
    function move(days, months) {
      const next = new Date(cursor);
      if (months) {
        next.setDate(1);
        next.setMonth(next.getMonth() + months);
        const last = new Date(next.getFullYear(), next.getMonth() + 1, 0).getDate();
        next.setDate(Math.min(cursor.getDate(), last));
      }
      next.setDate(next.getDate() + days);
      cursor = next;
      const target = draw();
      if (target) target.focus();
    }

    function keydown(event) {
      const onDay = event.target.dataset && event.target.dataset.date;
      const steps = {
        ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [-7, 0], ArrowDown: [7, 0],
        PageUp: [0, -1], PageDown: [0, 1],
      };
      if (event.key === "Escape") {
        event.preventDefault();
        close(toggle);
      } else if (onDay && steps[event.key]) {
        event.preventDefault();
        move(...steps[event.key]);
      } else if (onDay && (event.key === "Home" || event.key === "End")) {
        event.preventDefault();
        const weekday = (cursor.getDay() + 6) % 7;
        move(event.key === "Home" ? -weekday : 6 - weekday, 0);
      }
    }

    function open() {
      cursor = parse(input.value) || new Date();
      panel = document.createElement("div");
      panel.className = "datepicker card card-body p-2 shadow";
      panel.setAttribute("role", "dialog");
      panel.setAttribute("aria-label", "Chọn ngày");
      panel.dataset.testid = "datepicker";
      panel.addEventListener("keydown", keydown);
      group.appendChild(panel);
      toggle.setAttribute("aria-expanded", "true");
      document.addEventListener("mousedown", outside, true);
      const target = draw();
      if (target) target.focus();
    }

    toggle.addEventListener("click", () => (panel ? close(input) : open()));
    input.addEventListener("keydown", (event) => {
      if (event.altKey && event.key === "ArrowDown") {
        event.preventDefault();
        open();
      }
    });
  }

  function scan(root) {
    if (root.matches && root.matches("input[data-datepicker]")) enhance(root);
    for (const input of root.querySelectorAll("input[data-datepicker]")) enhance(input);
  }

  document.addEventListener("DOMContentLoaded", () => scan(document));
  document.addEventListener("htmx:load", (event) => scan(event.detail.elt));
})();
