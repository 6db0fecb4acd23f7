// Small DOM helpers of the document editor (draft_editor.js): elements, labelled
// fields, and dates as officers write them. No framework: the CSP allows only the
// scripts thidua serves, and these few functions are all the editor needs.
(() => {
  "use strict";

  // -- small DOM helpers ------------------------------------------------------------

  function el(tag, attrs = {}, children = []) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(attrs)) {
      if (value === undefined || value === null || value === false) continue;
      if (key === "class") node.className = value;
      else if (key === "text") node.textContent = value;
      else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
      else node.setAttribute(key, value === true ? "" : value);
    }
    for (const child of [].concat(children)) if (child) node.append(child);
    return node;
  }

  let uid = 0;
  function field(label, input, help) {
    const id = `f${++uid}`;
    input.id = id;
    const parts = [el("label", { class: "form-label small mb-1", for: id, text: label }), input];
    if (help) parts.push(el("div", { class: "form-text", text: help }));
    return el("div", { class: "mb-2" }, parts);
  }

  function textInput(value, onChange, attrs = {}) {
    return el("input", {
      class: "form-control form-control-sm",
      type: "text",
      value: value || "",
      oninput: (e) => onChange(e.target.value),
      ...attrs,
    });
  }

  function textArea(value, onChange, attrs = {}) {
    const area = el("textarea", {
      class: "form-control form-control-sm",
      rows: attrs.rows || Math.min(8, Math.max(2, (value || "").split("\n").length)),
      oninput: (e) => onChange(e.target.value),
      ...attrs,
    });
    area.value = value || "";
    return area;
  }

  function lines(list) {
    return (list || []).join("\n");
  }

  function fromLines(text) {
    return text.split("\n").map((s) => s.trim()).filter(Boolean);
  }

  function select(options, value, onChange, attrs = {}) {
    const node = el("select", {
      class: "form-select form-select-sm",
      onchange: (e) => onChange(e.target.value),
      ...attrs,
    });
    for (const [code, label] of options) {
      node.append(el("option", { value: code, text: label, selected: code === value }));
    }
    return node;
  }

  function iconButton(icon, label, onClick, extra = "") {
    return el(
      "button",
      {
        type: "button",
        class: `btn btn-sm btn-outline-secondary ${extra}`,
        title: label,
        "aria-label": label,
        onclick: onClick,
      },
      el("i", { class: `bi bi-${icon}`, "aria-hidden": "true" }),
    );
  }

  // -- dates as officers write them (dd/mm/yyyy, or mm/yyyy for a month) -------------

  function dateShown(iso) {
    if (!iso) return "";
    const full = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
    if (full) return `${full[3]}/${full[2]}/${full[1]}`;
    const month = /^(\d{4})-(\d{2})$/.exec(iso);
    return month ? `${month[2]}/${month[1]}` : iso;
  }

  function dateStored(text) {
    const value = text.trim();
    if (!value) return null;
    const full = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(value);
    if (full) return `${full[3]}-${full[2].padStart(2, "0")}-${full[1].padStart(2, "0")}`;
    const month = /^(\d{1,2})\/(\d{4})$/.exec(value);
    if (month) return `${month[2]}-${month[1].padStart(2, "0")}`;
    return value; // the server names what is wrong with it
  }

  window.thiduaDraftDom = {
    el, field, textInput, textArea, lines, fromLines, select, iconButton, dateShown, dateStored,
  };
})();
