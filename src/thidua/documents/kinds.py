"""The kinds of document thidua issues, registered by the app that owns each source
(shared/design/redesign.md P4): the documents app renders, numbers and signs any of them
without knowing the apps above it.

Each app registers its kinds in ``AppConfig.ready()``::

    register_document_kind(
        "decision",
        label=_("Quyết định khen thưởng"),
        spec="thidua.decisions.rendering:spec_for_decision_id",
        after_render="thidua.decisions.services.decision:write_awards",
    )

``spec`` builds the rendering specification from the source's id; ``signer`` (if any)
names the person who signs it (a :class:`PersonalSigner`: a decision's approver), whose
own certificate signs the PDF before the agency's seal; ``after_render`` (if
any) runs in the transaction that marks the document ready, so its consequences (a
decision's awards in the register) exist exactly when the files do. Both are
"module:function" strings, imported on first use: the rendering modules are heavy and
the apps' modules are not importable while the registry fills.
"""

from collections.abc import Callable
from dataclasses import dataclass
from importlib import import_module

__all__ = [
    "DocumentKind",
    "PersonalSigner",
    "document_kind",
    "document_kinds",
    "register_document_kind",
]


@dataclass(frozen=True)
class PersonalSigner:
    """Who signs a document as a person: his staff record (None when none is on
    record), the signer block's name and title, and the user whose step it was."""

    person: object
    name: str
    title: str
    user: object = None


@dataclass(frozen=True)
class DocumentKind:
    code: str  # IssuedDocument.source_kind
    label: str  # what the layout page and the register call it
    spec: str
    after_render: str = ""
    signer: str = ""

    @staticmethod
    def _resolve(path: str) -> Callable:
        module, _sep, name = path.partition(":")
        return getattr(import_module(module), name)

    def build_spec(self, source_id: int):
        return self._resolve(self.spec)(source_id)

    def run_after_render(self, source_id: int) -> None:
        if self.after_render:
            self._resolve(self.after_render)(source_id)

    def personal_signer(self, source_id: int) -> PersonalSigner | None:
        """The person who signs the document, or None for a kind only sealed."""
        if not self.signer:
            return None
        return self._resolve(self.signer)(source_id)


_KINDS: dict[str, DocumentKind] = {}


def register_document_kind(
    code: str, *, label, spec: str, after_render: str = "", signer: str = ""
) -> DocumentKind:
    """Add a kind; registering one code twice differently is a mistake caught at start."""
    kind = DocumentKind(code, label, spec, after_render, signer)
    known = _KINDS.get(code)
    if known is not None and (known.spec, known.after_render, known.signer) != (
        spec,
        after_render,
        signer,
    ):
        raise ValueError(f"document kind {code!r} is registered twice")
    _KINDS[code] = kind
    return kind


def document_kind(code: str) -> DocumentKind:
    """The registered kind; LookupError for an unknown code."""
    try:
        return _KINDS[code]
    except KeyError:
        raise LookupError(f"no document kind {code!r}") from None


def document_kinds() -> list[DocumentKind]:
    """Every registered kind, in registration order (apps' order in INSTALLED_APPS)."""
    return list(_KINDS.values())
