"""Outside the documents app, rendering is used through its public API only: the
package (``thidua.documents.rendering``: spec, layout, PDF conversion) and
``thidua.documents.rendering.api`` (the writers of generated files). Its other modules
are private and may change with the renderer (shared/design/redesign.md P4)."""

import ast
from pathlib import Path

import thidua
from thidua.documents.rendering import api

SRC = Path(thidua.__file__).parent
RENDERING = "thidua.documents.rendering"
PUBLIC = {RENDERING, f"{RENDERING}.api"}
PRIVATE = {path.stem for path in (SRC / "documents" / "rendering").glob("*.py")} - {
    "__init__",
    "api",
}


def _imported(tree: ast.AST):
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            yield node.lineno, node.module
            if node.module == RENDERING:
                for alias in node.names:
                    if alias.name in PRIVATE:
                        yield node.lineno, f"{RENDERING}.{alias.name}"


def test_no_module_outside_documents_imports_rendering_internals():
    offending = []
    for path in sorted(SRC.rglob("*.py")):
        if path.is_relative_to(SRC / "documents"):
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for line, module in _imported(tree):
            if module.startswith(RENDERING) and module not in PUBLIC:
                offending.append(f"{path.relative_to(SRC)}:{line} {module}")
    assert offending == []


def test_the_private_modules_are_known_and_the_api_exports_what_it_names():
    assert {"docx", "docx_xml", "docx_body", "plain", "metrics"} <= PRIVATE
    assert all(hasattr(api, name) for name in api.__all__)
