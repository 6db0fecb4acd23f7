// The tree of a document's body or of an appendix (draft_editor.js): sections of any
// depth with the numberings of docs/document-model.md, paragraphs and tables, moved
// and nested in place; Enter in a title adds the next item, Alt+arrows move and
// nest, a paste of several lines or from Word becomes items (the server reads the
// labels, drafting/paste.py).
(() => {
  "use strict";

  const { el, textInput, textArea, select, iconButton } = window.thiduaDraftDom;
  const { tableEditor } = window.thiduaDraftTable;

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

  // -- the tree of a body (the document's or an appendix's) ---------------------------

  function newNode(numbering) {
    return { type: "section", numbering, title: "", text: "", children: [] };
  }

  // ``changed()`` is called after every change; ``paste`` posts a clipboard's html and
  // text and answers the nodes.
  function treeEditor(list, container, { changed, paste }) {
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
        const nodes = await paste(html, text);
        if (!nodes) return;
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
        item.append(tableEditor(node, changed), tools(siblings, index, path));
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

    redraw();
  }

  window.thiduaDraftTree = { treeEditor };
})();
