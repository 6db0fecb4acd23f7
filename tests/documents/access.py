"""Who opens the outgoing-document register (tests/access_matrix.py), from
documents/rules.py and documents/selectors.py: the register is the officers' (403 for
the others), each document seen by the TĐKT office of its agency (the council's series
too) and hidden from everyone else; layouts are the admin's; signing credentials are
managed by admin roles only and do not exist for anyone else (one's own personal
certificate page exists for whoever has a staff record); anyone may check a PDF.
"""

from ..access_matrix import (
    ADMIN_ONLY,
    DONE,
    OFFICERS,
    OTHER_OFFICE,
    OWN_OFFICE,
    PUBLIC,
    expect,
    only,
    post,
    route,
    with_,
)

DOCUMENTS = {
    "document": OWN_OFFICE,  # Sở KH&ĐT's decision
    "minutes": OWN_OFFICE,  # its council's minutes: the council's series
    "other_document": OTHER_OFFICE,  # Sở Tài chính's decision
}

WITH_PERSON = (
    "officer",
    "unit_head",
    "council_secretary",
    "staff",
    "higher_officer",
    "other_officer",
)

# Documents written in thidua (documents/rules.py): the TĐKT office over the owning
# agency writes (the province's office, an office of its own, does not); the
# head, whoever signs for him and the clerk read and take their steps; for everyone
# else the draft does not exist.
WRITES = ("admin", "officer")
READS = (*WRITES, "head", "deputy", "clerk")
# Who writes documents for some agency (the new-document pages exist for them).
WRITERS = ("admin", "officer", "other_officer")


def _writes(*, method: str = "GET", status=None) -> dict:
    """The office's own action on the draft: 200 (or DONE for a POST) for who writes,
    403 for who reads it only, 404 for the others."""
    return expect(
        WRITES,
        forbidden=("head", "deputy", "clerk"),
        status=status or (DONE if method == "POST" else 200),
    )


def _draft_file(world) -> dict:
    return {"pk": world.written.pk, "attachment": world.written_file.pk}


DRAFT_ROUTES = [
    route(
        "documents:drafts",
        answers=expect((*READS, "other_officer"), rest=403),
    ),
    route("documents:drafts-new", answers=expect(WRITERS)),
    route("documents:drafts-import", answers=expect(WRITERS)),
    route(
        "documents:drafts-paste",
        # The editor posts JSON: the matrix's form post is a bad request (400).
        answers=expect(WRITERS, rest=403, status=400),
        method="POST",
    ),
    route("documents:drafts-detail", "written", only(*READS)),
    route(
        "documents:drafts-detail",
        "other_written",
        only("admin", "other_officer"),
    ),
    route("documents:drafts-edit", "written", _writes()),
    # The editor posts JSON: the matrix's form post is a bad request (400).
    route("documents:drafts-save", "written", _writes(status=400), method="POST"),
    route("documents:drafts-preview", "written", post(only(*READS)), method="POST"),
    route(
        "documents:drafts-move",
        "written",
        _writes(method="POST"),
        method="POST",
        data={"to": "cho_duyet"},
    ),
    route(
        "documents:drafts-file",
        "written",
        only(*READS),
        kwargs=with_(pk="written", fmt="=docx"),
    ),
    route("documents:drafts-attach", "written", _writes(method="POST"), method="POST"),
    route("documents:drafts-attachment", "written", only(*READS), kwargs=_draft_file),
    route(
        "documents:drafts-detach",
        "written",
        _writes(method="POST"),
        method="POST",
        kwargs=_draft_file,
    ),
    route(
        "documents:drafts-template", "written", _writes(method="POST"), method="POST"
    ),
]

ROUTES = [
    *DRAFT_ROUTES,
    route("documents:register", answers=expect(OFFICERS, rest=403)),
    route("documents:register-settings", answers=expect(OFFICERS, rest=403)),
    *[
        route("documents:file", key, only(*office), kwargs=with_(pk=key, fmt="=docx"))
        for key, office in DOCUMENTS.items()
    ],
    # The package to send on: the document and its delivered files (a draft's).
    *[
        route("documents:package", key, only(*office))
        for key, office in (*DOCUMENTS.items(), ("issued_written", OWN_OFFICE))
    ],
    # POST only: a document already made is not made again, the register says why.
    *[
        route("documents:rerender", key, post(only(*office)), method="POST")
        for key, office in DOCUMENTS.items()
    ],
    # A file delivered with an issued document: whoever sees the document.
    route(
        "documents:attachment",
        "issued_written",
        only(*OWN_OFFICE),
        kwargs=lambda w: {"pk": w.issued_written.pk, "attachment": w.delivered_file.pk},
    ),
    route("documents:layouts", answers=ADMIN_ONLY),
    route("documents:credentials", answers=only("admin")),
    route("documents:personal-credentials", answers=only("admin")),
    # Whoever is linked to a staff record (tests.factories.make_users).
    route("documents:my-credentials", answers=only(*WITH_PERSON)),
    route(
        "documents:credential-deactivate",
        "credential",
        post(only("admin")),
        method="POST",
    ),
    route("documents:verify-pdf", answers=PUBLIC),
]
