"""Who opens the outgoing-document register (tests/access_matrix.py), from
documents/rules.py and documents/selectors.py: the register is the officers' (403 for
the others), each document seen by the TĐKT office of its agency (the council's series
too) and hidden from everyone else; layouts are the admin's; signing credentials are
managed by admin roles only and do not exist for anyone else (one's own personal
certificate page exists for whoever has a staff record); anyone may check a PDF.
"""

from ..access_matrix import (
    ADMIN_ONLY,
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

ROUTES = [
    route("documents:register", answers=expect(OFFICERS, rest=403)),
    route("documents:register-settings", answers=expect(OFFICERS, rest=403)),
    *[
        route("documents:file", key, only(*office), kwargs=with_(pk=key, fmt="=docx"))
        for key, office in DOCUMENTS.items()
    ],
    # POST only: a document already made is not made again, the register says why.
    *[
        route("documents:rerender", key, post(only(*office)), method="POST")
        for key, office in DOCUMENTS.items()
    ],
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
