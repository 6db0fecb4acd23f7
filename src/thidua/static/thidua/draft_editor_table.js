// A table of the document editor (draft_editor_tree.js), on the grid the server
// reads (drafting/validation.py, table_grid): a row lists the cells that start in
// it, left to right; a merged cell ({"text", "colspan", "rowspan"}) covers the cells
// it spans, which are not written. A cell is named by its row and its column on the
// grid ("Dòng 2, ô 3"), as the server names it in a problem.
//
// Merging: the officer selects a cell (focus in it) and merges it with the cell on
// its right or below (same height / same width, so the merged region stays a
// rectangle) or splits a merged cell back; a merge that would leave the table or
// cover part of another merged cell is not offered.
(() => {
  "use strict";

  const { el, field, textInput } = window.thiduaDraftDom;

  const isCell = (cell) => cell !== null && typeof cell === "object";
  const spanOf = (cell, key) => (isCell(cell) ? Math.max(1, Number(cell[key]) || 1) : 1);
  const textOf = (cell) => (isCell(cell) ? cell.text || "" : cell || "");

  function columnsOf(node) {
    if (node.widths && node.widths.length) return node.widths.length;
    return (node.rows[0] || []).reduce((n, cell) => n + spanOf(cell, "colspan"), 0) || 1;
  }

  // Every listed cell on the grid: {row, index (in its row's list), col, rowspan,
  // colspan}; ``at(r, c)`` is the cell covering grid position (r, c).
  function layout(node) {
    const columns = columnsOf(node);
    const owner = new Map();
    const placed = [];
    node.rows.forEach((row, r) => {
      let col = 0;
      row.forEach((cell, index) => {
        while (owner.has(`${r},${col}`)) col += 1;
        const p = { row: r, index, col, rowspan: spanOf(cell, "rowspan"), colspan: spanOf(cell, "colspan") };
        for (let rr = r; rr < r + p.rowspan; rr += 1) {
          for (let cc = col; cc < col + p.colspan; cc += 1) {
            if (!owner.has(`${rr},${cc}`)) owner.set(`${rr},${cc}`, p);
          }
        }
        placed.push(p);
        col += p.colspan;
      });
    });
    return { columns, placed, at: (r, c) => owner.get(`${r},${c}`) };
  }

  // The cell with these spans: a plain string when it spans nothing and carries
  // nothing else (bold, alignment).
  function withSpans(cell, rowspan, colspan) {
    const out = isCell(cell) ? { ...cell } : { text: cell || "" };
    delete out.colspan;
    delete out.rowspan;
    if (colspan > 1) out.colspan = colspan;
    if (rowspan > 1) out.rowspan = rowspan;
    if (colspan === 1 && rowspan === 1 && !out.bold && !out.align) return out.text || "";
    return out;
  }

  function joined(a, b) {
    return [textOf(a), textOf(b)].filter((t) => t.trim()).join(" ");
  }

  // The cell right of / below ``p`` when merging it keeps a rectangle, else null.
  function rightOf(grid, p) {
    if (p.col + p.colspan >= grid.columns) return null;
    const next = grid.at(p.row, p.col + p.colspan);
    return next && next.row === p.row && next.rowspan === p.rowspan ? next : null;
  }

  function below(grid, p, rows) {
    if (p.row + p.rowspan >= rows) return null;
    const next = grid.at(p.row + p.rowspan, p.col);
    return next && next.col === p.col && next.colspan === p.colspan ? next : null;
  }

  // The rows written again from cells placed on the grid ({row, col, rowspan,
  // colspan, cell}).
  function rebuild(node, cells, count) {
    node.rows = Array.from({ length: count }, (_, r) => cells
      .filter((c) => c.row === r)
      .sort((a, b) => a.col - b.col)
      .map((c) => withSpans(c.cell, c.rowspan, c.colspan)));
  }

  function cellsOf(node, grid) {
    return grid.placed.map((p) => ({ ...p, cell: node.rows[p.row][p.index] }));
  }

  const OPS = {
    mergeRight(node, grid, p) {
      const next = rightOf(grid, p);
      if (!next) return false;
      const row = node.rows[p.row];
      row[p.index] = withSpans(
        { ...(isCell(row[p.index]) ? row[p.index] : {}), text: joined(row[p.index], row[next.index]) },
        p.rowspan, p.colspan + next.colspan,
      );
      row.splice(next.index, 1);
      return true;
    },
    mergeDown(node, grid, p) {
      const next = below(grid, p, node.rows.length);
      if (!next) return false;
      const row = node.rows[p.row];
      row[p.index] = withSpans(
        { ...(isCell(row[p.index]) ? row[p.index] : {}), text: joined(row[p.index], node.rows[next.row][next.index]) },
        p.rowspan + next.rowspan, p.colspan,
      );
      node.rows[next.row].splice(next.index, 1);
      return true;
    },
    split(node, grid, p) {
      if (p.rowspan === 1 && p.colspan === 1) return false;
      const cells = cellsOf(node, grid).map((c) => (c.row === p.row && c.col === p.col ? { ...c, rowspan: 1, colspan: 1 } : c));
      for (let r = p.row; r < p.row + p.rowspan; r += 1) {
        for (let c = p.col; c < p.col + p.colspan; c += 1) {
          if (r !== p.row || c !== p.col) cells.push({ row: r, col: c, rowspan: 1, colspan: 1, cell: "" });
        }
      }
      rebuild(node, cells, node.rows.length);
      return true;
    },
  };

  function removeLastRow(node, grid) {
    const last = node.rows.length - 1;
    if (last < 1) return false;
    const cells = cellsOf(node, grid)
      .filter((c) => c.row < last)
      .map((c) => (c.row + c.rowspan > last ? { ...c, rowspan: last - c.row } : c));
    rebuild(node, cells, last);
    return true;
  }

  function removeLastColumn(node, grid) {
    const last = grid.columns - 1;
    if (last < 1) return false;
    const cells = cellsOf(node, grid)
      .filter((c) => c.col < last)
      .map((c) => (c.col + c.colspan > last ? { ...c, colspan: last - c.col } : c));
    rebuild(node, cells, node.rows.length);
    node.widths = [];
    return true;
  }

  const MERGES = [
    ["mergeRight", "Gộp ô sang phải", "arrows-angle-expand", (grid, p, node) => rightOf(grid, p)],
    ["mergeDown", "Gộp ô xuống dưới", "arrows-expand", (grid, p, node) => below(grid, p, node.rows.length)],
    ["split", "Tách ô", "layout-split", (grid, p) => p.rowspan > 1 || p.colspan > 1],
  ];

  function tableEditor(node, changed) {
    const wrap = el("div", { class: "draft-table" });
    const holder = el("div", { class: "table-responsive" });
    const status = el("span", { class: "small text-secondary", role: "status", "aria-live": "polite" });
    let grid = layout(node);
    let selected = null; // {row, col} of the selected cell's top-left corner
    const cellInputs = new Map(); // "r,c" → its input

    function current() {
      const p = selected && grid.at(selected.row, selected.col);
      return p && p.row === selected.row && p.col === selected.col ? p : null;
    }

    function refresh() {
      const p = current();
      for (const [key, input] of cellInputs) {
        const chosen = !!p && key === `${p.row},${p.col}`;
        input.closest("td, th").classList.toggle("table-primary", chosen);
        input.classList.toggle("border-primary", chosen);
      }
      for (const [name, , , possible] of MERGES) {
        const button = buttons[name];
        const can = !!p && !!possible(grid, p, node);
        button.setAttribute("aria-disabled", can ? "false" : "true");
        button.classList.toggle("disabled", !can);
      }
      if (!p) {
        status.textContent = "Chọn một ô (bấm vào ô) để gộp hoặc tách.";
      } else {
        const spans = p.rowspan > 1 || p.colspan > 1 ? ` (đã gộp ${p.rowspan} dòng × ${p.colspan} cột)` : "";
        status.textContent = `Ô đang chọn: dòng ${p.row + 1}, ô ${p.col + 1}${spans}.`;
      }
    }

    function draw() {
      grid = layout(node);
      cellInputs.clear();
      const table = el("table", { class: "table table-sm table-bordered mb-1" });
      const trs = node.rows.map(() => el("tr"));
      for (const p of grid.placed) {
        const row = node.rows[p.row];
        const td = el(p.row < (node.header_rows || 1) ? "th" : "td", {
          colspan: p.colspan > 1 ? p.colspan : null,
          rowspan: p.rowspan > 1 ? p.rowspan : null,
        });
        const input = textInput(textOf(row[p.index]), (v) => {
          if (isCell(row[p.index])) row[p.index].text = v;
          else row[p.index] = v;
          changed();
        }, {
          "aria-label": `Dòng ${p.row + 1}, ô ${p.col + 1}`,
          onfocus: () => { selected = { row: p.row, col: p.col }; refresh(); },
        });
        cellInputs.set(`${p.row},${p.col}`, input);
        td.append(input);
        trs[p.row].append(td);
      }
      table.append(...trs);
      holder.replaceChildren(table);
      refresh();
    }

    function apply(action) {
      if (!action()) return false;
      changed();
      draw();
      return true;
    }

    const buttons = {};
    for (const [name, label, icon] of MERGES) {
      buttons[name] = el("button", {
        type: "button",
        class: "btn btn-sm btn-outline-secondary",
        onclick: () => {
          const p = current();
          if (p) apply(() => OPS[name](node, grid, p));
        },
      }, [el("i", { class: `bi bi-${icon}`, "aria-hidden": "true" }), ` ${label}`]);
    }

    const columns = () => grid.columns;
    const controls = el("div", { class: "d-flex flex-wrap gap-1 align-items-center" }, [
      el("button", { type: "button", class: "btn btn-sm btn-outline-secondary", text: "+ Dòng",
        onclick: () => apply(() => node.rows.push(Array(columns()).fill(""))) }),
      el("button", { type: "button", class: "btn btn-sm btn-outline-secondary", text: "− Dòng cuối",
        onclick: () => apply(() => removeLastRow(node, grid)) }),
      el("button", { type: "button", class: "btn btn-sm btn-outline-secondary", text: "+ Cột",
        onclick: () => apply(() => {
          // Each row's new last cell lands in the new column (the cells a merge
          // from above covers are skipped).
          node.rows.forEach((row) => row.push(""));
          node.widths = [];
          return true;
        }) }),
      el("button", { type: "button", class: "btn btn-sm btn-outline-secondary", text: "− Cột cuối",
        onclick: () => apply(() => removeLastColumn(node, grid)) }),
      field("Số dòng tiêu đề", el("input", {
        type: "number", min: 1, value: node.header_rows || 1, class: "form-control form-control-sm w-auto",
        oninput: (e) => { node.header_rows = Number(e.target.value) || 1; changed(); draw(); },
      })),
    ]);
    const mergeBar = el("div", {
      class: "d-flex flex-wrap gap-1 align-items-center mb-1",
      role: "toolbar",
      "aria-label": "Gộp, tách ô của bảng",
    }, [...Object.values(buttons), status]);
    wrap.append(holder, mergeBar, controls);
    draw();
    return wrap;
  }

  window.thiduaDraftTable = { tableEditor, layout };
})();
