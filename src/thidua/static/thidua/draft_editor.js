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
  const AUTHORITIES = ["", "TM.", "KT.", "Q.", "TL.", "TUQ."];
  const { el, field, textInput, textArea, lines, fromLines, select, dateShown, dateStored } =
    window.thiduaDraftDom;
  const { treeEditor } = window.thiduaDraftTree;

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

  async function paste(html, text) {
    const response = await fetch(root.dataset.pasteUrl, {
      method: "POST",
      headers: { "Content-Type": "application/json", "X-CSRFToken": root.dataset.csrf },
      body: JSON.stringify({ html, text }),
    });
    return response.ok ? (await response.json()).nodes : null;
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
      treeEditor(appendix.body, card, { changed, paste });
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
    treeEditor(c.body, document.getElementById("draft-body"), { changed, paste });
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
