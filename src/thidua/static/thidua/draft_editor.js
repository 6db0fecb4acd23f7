// The document editor (docs/document-model.md): one JSON content, edited in place.
//
// The page holds the content in <script type="application/json" id="draft-content">
// and the URLs in data- attributes of #draft-editor. Every change is saved after a
// short pause (POST JSON with the version read; a newer version on the server answers
// 409 and the officer is told), then the preview (the PDF's pages, drawn by the
// server from the same content) is redrawn. Nothing here renders the document: the
// numbering the officer sees in the preview is the one the PDF prints.
//
// Keyboard: Enter in a heading's title adds the next item of the same numbering;
// Enter in a text box starts a new paragraph (each line of a text box is one);
// Ctrl+B / Ctrl+I wrap the selection in bold / italic; Ctrl+Shift+F adds a footnote;
// Alt+↑ / Alt+↓ move the item, Alt+→ / Alt+← nest it under the item above / take it
// out one level.
(() => {
  "use strict";

  const root = document.getElementById("draft-editor");
  if (!root) return;
  const state = {
    content: JSON.parse(document.getElementById("draft-content").textContent),
    version: Number(root.dataset.version),
    people: JSON.parse(document.getElementById("draft-people").textContent),
    timer: null,
    saving: null,
    dirty: false,
    previewRequest: 0,
  };
  const NUMBERINGS = [
    ["roman", "I."],
    ["arabic", "1."],
    ["decimal", "1.1."],
    ["letter", "a)"],
    ["letter_dot", "a."],
    ["upper_letter", "A."],
    ["arabic_paren", "1)"],
    ["dash", "–"],
    ["plus", "+"],
    ["star", "*"],
    ["article", "Điều"],
    ["part", "Phần"],
    ["chapter", "Chương"],
    ["none", "(không số)"],
  ];
  const CHILD_OF = {
    part: "chapter",
    chapter: "article",
    upper_letter: "roman",
    roman: "arabic",
    arabic: "decimal",
    decimal: "letter",
    article: "arabic",
    letter: "dash",
    letter_dot: "dash",
    dash: "plus",
    plus: "plus",
    star: "dash",
    arabic_paren: "dash",
    none: "dash",
  };
  const AUTHORITIES = ["", "TM.", "KT.", "Q.", "TL.", "TUQ."];

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

  // -- changes, saving and the preview ------------------------------------------------

  const status = document.getElementById("draft-status");
  const problemsBox = document.getElementById("draft-problems");
  const preview = document.getElementById("draft-preview");

  function changed() {
    state.dirty = true;
    status.textContent = "Đang soạn…";
    clearTimeout(state.timer);
    state.timer = setTimeout(save, 1200);
  }

  function showProblems(title, problems) {
    problemsBox.replaceChildren();
    if (!problems || !problems.length) return;
    problemsBox.append(
      el("div", { class: "alert alert-warning py-2 small", role: "status" }, [
        el("strong", { text: title }),
        el("ul", { class: "mb-0" }, problems.map((p) => el("li", { text: p }))),
      ]),
    );
  }

  async function save() {
    if (state.saving) {
      state.timer = setTimeout(save, 600);
      return;
    }
    state.dirty = false;
    const body = JSON.stringify({ content: state.content, version: state.version });
    state.saving = fetch(root.dataset.saveUrl, {
      method: "POST",
      headers: { "Content-Type": "application/json", "X-CSRFToken": root.dataset.csrf },
      body,
    });
    try {
      const response = await state.saving;
      const answer = await response.json();
      if (response.ok) {
        state.version = answer.version;
        status.textContent = answer.saved;
        showProblems("Cần bổ sung trước khi trình ký:", answer.issue_problems);
        refreshPreview();
      } else {
        status.textContent = answer.message || "Chưa lưu được.";
        showProblems(answer.message || "Chưa lưu được:", answer.problems);
      }
    } catch (error) {
      status.textContent = "Mất kết nối: chưa lưu. Sẽ thử lại khi bạn sửa tiếp.";
      state.dirty = true;
    } finally {
      state.saving = null;
    }
  }

  async function refreshPreview() {
    const request = ++state.previewRequest;
    preview.setAttribute("aria-busy", "true");
    const response = await fetch(root.dataset.previewUrl, {
      method: "POST",
      headers: { "X-CSRFToken": root.dataset.csrf },
    });
    const html = await response.text();
    if (request !== state.previewRequest) return; // a newer one is on its way
    preview.innerHTML = html; // the server's own fragment: images and messages
    preview.removeAttribute("aria-busy");
  }

  window.addEventListener("beforeunload", (event) => {
    if (state.dirty || state.saving) event.preventDefault();
  });

  // "Xong" and the links out of the editor save what is pending first.
  for (const link of document.querySelectorAll("[data-after-save]")) {
    link.addEventListener("click", async (event) => {
      if (!state.dirty && !state.saving) return;
      event.preventDefault();
      clearTimeout(state.timer);
      if (state.saving) await state.saving.catch(() => null);
      if (state.dirty) await save();
      if (!state.dirty) window.location.assign(link.href);
    });
  }

  // -- rich text shortcuts --------------------------------------------------------------

  function wrapSelection(box, before, after) {
    const start = box.selectionStart;
    const end = box.selectionEnd;
    const text = box.value;
    box.value = text.slice(0, start) + before + text.slice(start, end) + after + text.slice(end);
    box.selectionStart = start + before.length;
    box.selectionEnd = end + before.length;
    box.dispatchEvent(new Event("input"));
    box.focus();
  }

  let lastBox = null;
  document.addEventListener("focusin", (event) => {
    if (root.contains(event.target) && event.target.matches("textarea, input[type=text]")) {
      lastBox = event.target;
    }
  });

  function format(kind) {
    if (!lastBox) return;
    if (kind === "bold") wrapSelection(lastBox, "**", "**");
    else if (kind === "italic") wrapSelection(lastBox, "*", "*");
    else wrapSelection(lastBox, "[^", "]");
  }

  for (const button of document.querySelectorAll("[data-format]")) {
    button.addEventListener("mousedown", (e) => e.preventDefault()); // keep the selection
    button.addEventListener("click", () => format(button.dataset.format));
  }

  root.addEventListener("keydown", (event) => {
    if (!event.target.matches("textarea, input[type=text]")) return;
    const key = event.key.toLowerCase();
    if ((event.ctrlKey || event.metaKey) && key === "b") {
      event.preventDefault();
      format("bold");
    } else if ((event.ctrlKey || event.metaKey) && key === "i") {
      event.preventDefault();
      format("italic");
    } else if ((event.ctrlKey || event.metaKey) && event.shiftKey && key === "f") {
      event.preventDefault();
      format("footnote");
    }
  });

  // -- the tree of a body (the document's or an appendix's) ---------------------------

  function newNode(numbering) {
    return { type: "section", numbering, title: "", text: "", children: [] };
  }

  function treeEditor(list, container) {
    // ``list`` is the array of nodes this editor owns (content.body or an appendix's).
    const box = el("div", { class: "draft-tree" });
    container.append(box);

    function redraw(focusPath) {
      box.replaceChildren(nodesList(list, [], 0));
      box.append(addBar(list));
      if (focusPath) {
        const target = box.querySelector(`[data-path="${focusPath}"] .draft-focus`);
        if (target) target.focus();
      }
    }

    function addBar(siblings) {
      return el("div", { class: "d-flex flex-wrap gap-1 my-1" }, [
        el("button", {
          type: "button",
          class: "btn btn-sm btn-outline-primary",
          text: "+ Mục",
          onclick: () => {
            const last = siblings[siblings.length - 1];
            siblings.push(newNode(last && last.type === "section" ? last.numbering : "roman"));
            changed();
            redraw(pathOf(siblings, siblings.length - 1));
          },
        }),
        el("button", {
          type: "button",
          class: "btn btn-sm btn-outline-primary",
          text: "+ Đoạn văn",
          onclick: () => {
            siblings.push({ type: "paragraph", text: "", align: "justify", indent: true });
            changed();
            redraw(pathOf(siblings, siblings.length - 1));
          },
        }),
        el("button", {
          type: "button",
          class: "btn btn-sm btn-outline-primary",
          text: "+ Bảng",
          onclick: () => {
            siblings.push({
              type: "table",
              header_rows: 1,
              widths: [],
              rows: [["STT", "Nội dung", "Ghi chú"], ["1", "", ""]],
            });
            changed();
            redraw();
          },
        }),
      ]);
    }

    // Paths name a node by its indexes from the root ("0.2.1"), for focus after redraw.
    const paths = new Map();
    function pathOf(siblings, index) {
      return `${paths.get(siblings) ?? ""}${paths.get(siblings) ? "." : ""}${index}`;
    }

    function nodesList(siblings, parentPath) {
      paths.set(siblings, parentPath.join("."));
      const ol = el("ol", { class: "list-unstyled ms-0 mb-1", role: "list" });
      siblings.forEach((node, index) => {
        ol.append(nodeItem(siblings, index, [...parentPath, index]));
      });
      return ol;
    }

    function move(siblings, index, delta, path) {
      const target = index + delta;
      if (target < 0 || target >= siblings.length) return;
      [siblings[index], siblings[target]] = [siblings[target], siblings[index]];
      changed();
      redraw([...path.slice(0, -1), target].join("."));
    }

    function indent(siblings, index, path) {
      const above = siblings[index - 1];
      if (!above || above.type !== "section") return;
      const [node] = siblings.splice(index, 1);
      above.children.push(node);
      changed();
      redraw([...path.slice(0, -1), index - 1, above.children.length - 1].join("."));
    }

    function outdent(siblings, index, path) {
      if (path.length < 2) return;
      const parentPath = path.slice(0, -1);
      const grand = parentPath.length === 1 ? list : nodeAt(parentPath.slice(0, -1)).children;
      const parentIndex = parentPath[parentPath.length - 1];
      const [node] = siblings.splice(index, 1);
      grand.splice(parentIndex + 1, 0, node);
      changed();
      redraw([...parentPath.slice(0, -1), parentIndex + 1].join("."));
    }

    function nodeAt(path) {
      let node = { children: list };
      for (const i of path) node = node.children[i];
      return node;
    }

    function tools(siblings, index, path) {
      const node = siblings[index];
      const group = el("div", { class: "btn-group btn-group-sm flex-wrap", role: "group" }, [
        iconButton("arrow-up", "Chuyển lên (Alt+↑)", () => move(siblings, index, -1, path)),
        iconButton("arrow-down", "Chuyển xuống (Alt+↓)", () => move(siblings, index, 1, path)),
        iconButton("arrow-bar-right", "Đưa vào trong mục trên (Alt+→)", () => indent(siblings, index, path)),
        iconButton("arrow-bar-left", "Đưa ra ngoài một cấp (Alt+←)", () => outdent(siblings, index, path)),
      ]);
      if (node.type === "section") {
        group.append(
          iconButton("node-plus", "Thêm mục con", () => {
            node.children.push(newNode(CHILD_OF[node.numbering] || "dash"));
            changed();
            redraw([...path, node.children.length - 1].join("."));
          }),
          iconButton("paragraph", "Thêm đoạn văn trong mục", () => {
            node.children.push({ type: "paragraph", text: "", align: "justify", indent: true });
            changed();
            redraw([...path, node.children.length - 1].join("."));
          }),
        );
      }
      group.append(
        iconButton("trash", "Xóa", () => {
          const words = node.type === "section" ? "mục này và các mục con" : "thành phần này";
          if (!window.confirm(`Xóa ${words}?`)) return;
          siblings.splice(index, 1);
          changed();
          redraw();
        }, "text-danger"),
      );
      return group;
    }

    function keys(siblings, index, path) {
      return (event) => {
        if (!event.altKey) return;
        const actions = {
          ArrowUp: () => move(siblings, index, -1, path),
          ArrowDown: () => move(siblings, index, 1, path),
          ArrowRight: () => indent(siblings, index, path),
          ArrowLeft: () => outdent(siblings, index, path),
        };
        if (actions[event.key]) {
          event.preventDefault();
          actions[event.key]();
        }
      };
    }

    function pasteInto(siblings, index, path) {
      return async (event) => {
        const html = event.clipboardData.getData("text/html");
        const text = event.clipboardData.getData("text/plain");
        if (!html && text.indexOf("\n") < 0) return; // one line: an ordinary paste
        event.preventDefault();
        const response = await fetch(root.dataset.pasteUrl, {
          method: "POST",
          headers: { "Content-Type": "application/json", "X-CSRFToken": root.dataset.csrf },
          body: JSON.stringify({ html, text }),
        });
        if (!response.ok) return;
        const nodes = (await response.json()).nodes;
        const current = siblings[index];
        const empty = current.type !== "table" && !current.title && !current.text &&
          !(current.children || []).length;
        // An empty item is replaced by what was pasted; otherwise it follows it.
        if (empty) siblings.splice(index, 1, ...nodes);
        else siblings.splice(index + 1, 0, ...nodes);
        changed();
        redraw(path.join("."));
      };
    }

    function nodeItem(siblings, index, path) {
      const node = siblings[index];
      const item = el("li", { class: "draft-node border rounded p-2 mb-1 bg-body", "data-path": path.join(".") });
      item.addEventListener("keydown", (event) => {
        if (event.target.closest(".draft-node") === item) keys(siblings, index, path)(event);
      });
      if (node.type === "paragraph") {
        const area = textArea(node.text, (v) => { node.text = v; changed(); }, {
          "aria-label": "Đoạn văn (mỗi dòng là một đoạn)",
          class: "form-control form-control-sm draft-focus",
          onpaste: pasteInto(siblings, index, path),
        });
        item.append(
          el("div", { class: "d-flex gap-2 align-items-start" }, [
            el("span", { class: "badge text-bg-light mt-1", text: "¶" }),
            el("div", { class: "flex-grow-1" }, [area]),
            select(
              [["justify", "Đều hai bên"], ["center", "Giữa"], ["left", "Trái"], ["right", "Phải"]],
              node.align || "justify",
              (v) => { node.align = v; changed(); },
              { "aria-label": "Căn lề", class: "form-select form-select-sm w-auto" },
            ),
          ]),
          tools(siblings, index, path),
        );
        return item;
      }
      if (node.type === "table") {
        item.append(tableEditor(node), tools(siblings, index, path));
        return item;
      }
      const title = textInput(node.title, (v) => { node.title = v; changed(); }, {
        "aria-label": "Tiêu đề (in đậm)",
        placeholder: "Tiêu đề",
        class: "form-control form-control-sm draft-focus",
        onkeydown: (event) => {
          if (event.key === "Enter" && !event.altKey) {
            event.preventDefault();
            siblings.splice(index + 1, 0, newNode(node.numbering));
            changed();
            redraw([...path.slice(0, -1), index + 1].join("."));
          }
        },
      });
      const text = textArea(node.text, (v) => { node.text = v; changed(); }, {
        "aria-label": "Nội dung (mỗi dòng là một đoạn)",
        placeholder: "Nội dung",
        onpaste: pasteInto(siblings, index, path),
      });
      item.append(
        el("div", { class: "row g-1 align-items-start" }, [
          el("div", { class: "col-auto" }, [
            select(NUMBERINGS, node.numbering, (v) => { node.numbering = v; changed(); }, {
              "aria-label": "Kiểu đánh số",
              class: "form-select form-select-sm w-auto",
            }),
          ]),
          el("div", { class: "col" }, [title]),
        ]),
        el("div", { class: "mt-1" }, [text]),
        tools(siblings, index, path),
      );
      if (node.children.length) item.append(nodesList(node.children, path));
      return item;
    }

    function tableEditor(node) {
      const wrap = el("div", { class: "table-responsive" });
      function draw() {
        const columns = Math.max(1, ...node.rows.map((row) => row.reduce(
          (n, cell) => n + (typeof cell === "object" ? cell.colspan || 1 : 1), 0)));
        const table = el("table", { class: "table table-sm table-bordered mb-1" });
        node.rows.forEach((row, r) => {
          const tr = el("tr");
          row.forEach((cell, c) => {
            const value = typeof cell === "object" ? cell.text : cell;
            const td = el(r < (node.header_rows || 1) ? "th" : "td", {
              colspan: typeof cell === "object" && cell.colspan > 1 ? cell.colspan : null,
              rowspan: typeof cell === "object" && cell.rowspan > 1 ? cell.rowspan : null,
            });
            td.append(textInput(value, (v) => {
              if (typeof cell === "object") cell.text = v;
              else row[c] = v;
              changed();
            }, { "aria-label": `Dòng ${r + 1}, ô ${c + 1}` }));
            tr.append(td);
          });
          table.append(tr);
        });
        const controls = el("div", { class: "d-flex flex-wrap gap-1 align-items-center" }, [
          el("button", { type: "button", class: "btn btn-sm btn-outline-secondary", text: "+ Dòng",
            onclick: () => { node.rows.push(Array(columns).fill("")); changed(); draw(); } }),
          el("button", { type: "button", class: "btn btn-sm btn-outline-secondary", text: "− Dòng cuối",
            onclick: () => { if (node.rows.length > 1) { node.rows.pop(); changed(); draw(); } } }),
          el("button", { type: "button", class: "btn btn-sm btn-outline-secondary", text: "+ Cột",
            onclick: () => { node.rows.forEach((row) => row.push("")); node.widths = []; changed(); draw(); } }),
          el("button", { type: "button", class: "btn btn-sm btn-outline-secondary", text: "− Cột cuối",
            onclick: () => {
              if (columns < 2 || node.rows.some((row) => typeof row[row.length - 1] === "object")) return;
              node.rows.forEach((row) => row.pop()); node.widths = []; changed(); draw();
            } }),
          field("Số dòng tiêu đề", el("input", {
            type: "number", min: 1, value: node.header_rows || 1, class: "form-control form-control-sm w-auto",
            oninput: (e) => { node.header_rows = Number(e.target.value) || 1; changed(); },
          })),
        ]);
        wrap.replaceChildren(table, controls);
      }
      draw();
      return wrap;
    }

    redraw();
  }

  // -- the fixed parts of the document ------------------------------------------------

  function set(key) {
    return (value) => { state.content[key] = value; changed(); };
  }

  function setLines(key) {
    return (value) => { state.content[key] = fromLines(value); changed(); };
  }

  function issuersEditor(container) {
    container.replaceChildren();
    state.content.issuers.forEach((issuer, index) => {
      const card = el("fieldset", { class: "border rounded p-2 mb-2" }, [
        el("legend", { class: "fs-6 mb-1", text: index ? `Cơ quan cùng ban hành ${index}` : "Cơ quan ban hành" }),
        field("Cơ quan chủ quản (Enter để xuống dòng)", textArea(issuer.parent, (v) => { issuer.parent = v; changed(); }, { rows: 2 })),
        field("Tên cơ quan ban hành (Enter để xuống dòng)", textArea(issuer.name, (v) => { issuer.name = v; changed(); }, { rows: 2 })),
        field("Chữ viết tắt", textInput(issuer.abbreviation, (v) => { issuer.abbreviation = v; changed(); })),
      ]);
      if (index) {
        card.append(el("button", { type: "button", class: "btn btn-sm btn-outline-danger", text: "Bỏ cơ quan này",
          onclick: () => { state.content.issuers.splice(index, 1); changed(); issuersEditor(container); } }));
      }
      container.append(card);
    });
    container.append(el("button", { type: "button", class: "btn btn-sm btn-outline-primary mb-2",
      text: "+ Cơ quan cùng ban hành",
      onclick: () => {
        state.content.issuers.push({ parent: "", name: "", abbreviation: "" });
        changed();
        issuersEditor(container);
      } }));
  }

  function signersEditor(container) {
    container.replaceChildren();
    const listId = "draft-people-list";
    if (!document.getElementById(listId)) {
      document.body.append(el("datalist", { id: listId },
        state.people.map((p) => el("option", { value: p.name, label: p.title }))));
    }
    state.content.signers.forEach((signer, index) => {
      const nameInput = textInput(signer.name, (v) => {
        signer.name = v;
        const person = state.people.find((p) => p.name === v);
        signer.person_id = person ? person.id : null;
        if (person && !signer.title) signer.title = person.title.toUpperCase();
        changed();
      }, { list: listId, autocomplete: "off" });
      container.append(el("fieldset", { class: "border rounded p-2 mb-2" }, [
        el("legend", { class: "fs-6 mb-1", text: index ? "Người ký bên trái" : "Người ký" }),
        el("div", { class: "row g-1" }, [
          el("div", { class: "col-4" }, [field("Quyền hạn", select(AUTHORITIES.map((a) => [a, a || "(không)"]), signer.authority, (v) => { signer.authority = v; changed(); }))]),
          el("div", { class: "col-8" }, [field("Thay mặt / ký thay cho", textInput(signer.principal, (v) => { signer.principal = v; changed(); }, { placeholder: "ỦY BAN NHÂN DÂN" }))]),
          el("div", { class: "col-4" }, [field("Dòng thứ hai", select(AUTHORITIES.map((a) => [a, a || "(không)"]), signer.second_authority, (v) => { signer.second_authority = v; changed(); }))]),
          el("div", { class: "col-8" }, [field("Cho", textInput(signer.second_principal, (v) => { signer.second_principal = v; changed(); }, { placeholder: "CHỦ TỊCH" }))]),
        ]),
        field("Chức vụ", textInput(signer.title, (v) => { signer.title = v; changed(); })),
        field("Họ và tên", nameInput, "Gõ để chọn trong danh sách cán bộ của cơ quan."),
        index ? el("button", { type: "button", class: "btn btn-sm btn-outline-danger", text: "Bỏ người ký này",
          onclick: () => { state.content.signers.splice(index, 1); changed(); signersEditor(container); } }) : null,
      ]));
    });
    if (state.content.signers.length < 2) {
      container.append(el("button", { type: "button", class: "btn btn-sm btn-outline-primary",
        text: state.content.signers.length ? "+ Người ký thứ hai (bên trái)" : "+ Người ký",
        onclick: () => {
          state.content.signers.push({ authority: "", principal: "", second_authority: "",
            second_principal: "", title: "", name: "", person_id: null });
          changed();
          signersEditor(container);
        } }));
    }
  }

  function appendicesEditor(container) {
    container.replaceChildren();
    state.content.appendices.forEach((appendix, index) => {
      const card = el("fieldset", { class: "border rounded p-2 mb-2" }, [
        el("legend", { class: "fs-6 mb-1", text: `Phụ lục ${index + 1}` }),
        field("Tiêu đề phụ lục", textInput(appendix.title, (v) => { appendix.title = v; changed(); })),
        el("div", { class: "form-check mb-2" }, [
          el("input", { class: "form-check-input", type: "checkbox", id: `landscape-${index}`, checked: appendix.landscape,
            onchange: (e) => { appendix.landscape = e.target.checked; changed(); } }),
          el("label", { class: "form-check-label", for: `landscape-${index}`, text: "Trang ngang (bảng rộng)" }),
        ]),
      ]);
      treeEditor(appendix.body, card);
      card.append(el("button", { type: "button", class: "btn btn-sm btn-outline-danger", text: "Bỏ phụ lục này",
        onclick: () => {
          if (!window.confirm("Bỏ phụ lục này?")) return;
          state.content.appendices.splice(index, 1);
          changed();
          appendicesEditor(container);
        } }));
      container.append(card);
    });
    container.append(el("button", { type: "button", class: "btn btn-sm btn-outline-primary", text: "+ Phụ lục",
      onclick: () => {
        state.content.appendices.push({ title: "", landscape: false, body: [] });
        changed();
        appendicesEditor(container);
      } }));
  }

  function build() {
    const c = state.content;
    if (!c.issuers.length) c.issuers.push({ parent: "", name: "", abbreviation: "" });
    issuersEditor(document.getElementById("draft-issuers"));
    const head = document.getElementById("draft-head");
    head.replaceChildren(
      el("div", { class: "row g-2" }, [
        el("div", { class: "col-4" }, [field("Số", textInput(c.number, set("number"), { inputmode: "numeric" }), "Để trống: văn thư cấp số khi ban hành.")]),
        el("div", { class: "col-8" }, [field("Ký hiệu", textInput(c.symbol, set("symbol"), { placeholder: "KH-UBND" }))]),
        el("div", { class: "col-6" }, [field("Địa danh", textInput(c.place, set("place")))]),
        el("div", { class: "col-6" }, [field("Ngày ban hành", textInput(dateShown(c.date), (v) => { c.date = dateStored(v); changed(); }, { placeholder: "dd/mm/yyyy" }), "Hoặc tháng/năm (mm/yyyy) để trống ngày.")]),
      ]),
      field("Tên loại văn bản", textInput(c.type_title, set("type_title"), { placeholder: "Theo loại văn bản" })),
      field("Trích yếu (Enter để xuống dòng)", textArea(c.trich_yeu, set("trich_yeu"), { rows: 2 })),
      field("Kính gửi (mỗi dòng một nơi)", textArea(lines(c.kinh_gui), setLines("kinh_gui"))),
      field("Thẩm quyền ban hành (quyết định)", textInput(c.authority_line, set("authority_line"), { placeholder: "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH …" })),
      field("Căn cứ (mỗi dòng một căn cứ)", textArea(lines(c.bases), setLines("bases"), { rows: 4 })),
      field("Từ ban hành", textInput(c.operative_word, set("operative_word"), { placeholder: "QUYẾT ĐỊNH:" })),
      field("Phần mở đầu (mỗi dòng một đoạn)", textArea(lines(c.opening), setLines("opening"), { rows: 3 })),
    );
    treeEditor(c.body, document.getElementById("draft-body"));
    const tail = document.getElementById("draft-tail");
    tail.replaceChildren(
      field("Phần kết (mỗi dòng một đoạn)", textArea(lines(c.closing), setLines("closing"))),
      field("Nơi nhận (mỗi dòng một nơi, không cần gạch đầu dòng)", textArea(lines(c.recipients), setLines("recipients"), { rows: 4 })),
      field("Lưu", textInput((c.filing || []).join(", "), (v) => {
        c.filing = v.split(",").map((s) => s.trim()).filter(Boolean);
        changed();
      }, { placeholder: "VT, VP" })),
    );
    signersEditor(document.getElementById("draft-signers"));
    appendicesEditor(document.getElementById("draft-appendices"));
    refreshPreview();
  }

  build();
})();
