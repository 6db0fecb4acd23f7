"""Who opens the commendation pages (tests/access_matrix.py), from
nominations/selectors.py and nominations/rules.py:

- a review round is seen by the TĐKT office of its agency, by the heads of the units
  below it, and — to read — by the head and authorised deputy of the agency
  (``rounds_for_user``); opening a public notice there is ``change_agency``;
- a nomination is seen by the round's office and its proposing unit (its heads and the
  officers over it); the unit proposes (``propose_nomination``), the office processes
  (``process_nomination``) — the one refused sees it: 403;
- the head and the authorised deputy of the round's agency (who decide on them) read
  them, and every write is refused them: 403 (a seated council member reads those on
  his council's agenda: tests/nominations/test_readers.py);
- the public notice pages need no login;
- what a re-evaluation of the open dossiers changed is read by anyone signed in, each
  seeing only the nominations he sees (the list is scoped, tests/nominations/
  test_reevaluation.py); asking for one is the system administrator's
  (``reevaluate_nominations``): to anyone else there is no such action.
"""

from ..access_matrix import (
    OTHER_OFFICE,
    OWN_OFFICE,
    PUBLIC,
    SIGNED_IN,
    only,
    post,
    route,
)
from ..organizations.access import office_of

# The head and deputy of Sở KH&ĐT read its rounds and their nominations, and write
# nothing.
DECIDERS = ("head", "deputy")
SEES_ROUND = {
    # Sở KH&ĐT's; unit_head: Phòng ĐKKD
    "round": ("admin", "officer", "unit_head", *DECIDERS),
    "other_round": OTHER_OFFICE,
}
# Each nomination: proposed by Phòng ĐKKD (draft, submitted), by the Văn phòng
# (decided), in Sở Tài chính's round (theirs).
SEES_NOMINATION = {
    "draft": ("admin", "officer", "unit_head", *DECIDERS),
    "submitted": ("admin", "officer", "unit_head", *DECIDERS),
    "decided": (*OWN_OFFICE, *DECIDERS),
    "theirs": OTHER_OFFICE,
}
WRITES_NOMINATION = {
    key: tuple(role for role in roles if role not in DECIDERS)
    for key, roles in SEES_NOMINATION.items()
}


def writes(key: str) -> dict:
    """A POST on the nomination: its writers act, the deciders who read it: 403."""
    return post(only(*WRITES_NOMINATION[key], forbidden=SEES_NOMINATION[key]))


# Proposing in the round: the heads of its units and the officers over them.
PROPOSES = {"round": ("admin", "officer", "unit_head"), "other_round": OTHER_OFFICE}


def _file_of(nomination) -> dict:
    return {"pk": nomination.pk, "attachment": nomination.attachments.first().pk}


def round_office(key: str) -> dict:
    """The round's office acts; the unit heads who see the round: 403."""
    office = OWN_OFFICE if key == "round" else OTHER_OFFICE
    return only(*office, forbidden=SEES_ROUND[key])


ROUTES = [
    route("nominations:round-list", answers=SIGNED_IN),
    route("nominations:reevaluation", answers=SIGNED_IN),
    route("nominations:reevaluation-detail", "reevaluation", SIGNED_IN),
    route("nominations:reevaluate", method="POST", answers=post(only("admin"))),
    *[
        route(
            "nominations:round-create",
            agency,
            office_of(agency),
            kwargs=lambda w, agency=agency: {"agency": getattr(w, agency).pk},
        )
        for agency in ("skhdt", "other")
    ],
    *[
        route("nominations:round-detail", key, only(*SEES_ROUND[key]))
        for key in SEES_ROUND
    ],
    *[route("nominations:notice-create", key, round_office(key)) for key in SEES_ROUND],
    route("nominations:notice-detail", "notice", round_office("round")),
    route("nominations:public-notice-list", answers=PUBLIC),
    route("nominations:public-notice", "notice", PUBLIC),
    *[
        route(
            f"nominations:{name}", key, only(*PROPOSES[key], forbidden=SEES_ROUND[key])
        )
        for name in (
            "nomination-create",
            "nomination-authority",
            "bulk-registration",
            "bulk-import",
            "bulk-template",
            "unit-files",
        )
        for key in PROPOSES
    ],
    # Nominating in bulk, and the unit's peer-review minutes: posted by those who
    # propose for the unit (refused by words or a form error, nothing written).
    *[
        route(
            f"nominations:{name}",
            key,
            post(only(*PROPOSES[key], forbidden=SEES_ROUND[key])),
            method="POST",
        )
        for name in ("bulk-registration", "bulk-import", "unit-files")
        for key in PROPOSES
    ],
    # The unit's file: those who propose for the unit, and those who see one of its
    # dossiers in the round (its deciders); hidden from the rest.
    route(
        "nominations:unit-file",
        "round",
        only(*SEES_ROUND["round"]),
        kwargs=lambda w: {"pk": w.round.pk, "file": w.unit_file.pk},
    ),
    route(
        "nominations:unit-file",
        "other_round",
        only(*OTHER_OFFICE),
        kwargs=lambda w: {"pk": w.other_round.pk, "file": w.other_unit_file.pk},
    ),
    *[
        route(f"nominations:{name}", key, only(*SEES_NOMINATION[key]))
        for name in (
            "nomination-detail",
            "nomination-report",
            "nomination-report-docx",
        )
        for key in SEES_NOMINATION
    ],
    # Sending the draft is the proposing unit's move …
    route(
        "nominations:nomination-move",
        "draft",
        writes("draft"),
        method="POST",
        data={"to": "da_gui"},
    ),
    # … appraising it the office's: Phòng ĐKKD's head sees it, and is refused.
    route(
        "nominations:nomination-move",
        "submitted",
        post(only(*OWN_OFFICE, forbidden=SEES_NOMINATION["submitted"])),
        method="POST",
        data={"to": "da_tham_dinh", "appraisal": "Đủ điều kiện."},
    ),
    # Past the council only through it (a closed ballot, or the paper minutes entered
    # at councils:paper-result): whoever sees the dossier and posts the move is
    # refused in words, nothing moves; the others do not see it.
    route(
        "nominations:nomination-move",
        "to_council",
        post(only(*SEES_NOMINATION["submitted"])),
        method="POST",
        data={"to": "hoi_dong_da_xet"},
    ),
    route(
        "nominations:nomination-move",
        "theirs",
        post(only(*OTHER_OFFICE)),
        method="POST",
        data={"to": "da_khen_thuong"},
    ),
    *[
        route(f"nominations:{name}", key, writes(key), method="POST")
        for name in ("nomination-attach", "nomination-report-generate")
        for key in ("draft", "theirs")
    ],
    # A dossier file: whoever sees the nomination opens it; hidden: 404.
    *[
        route(
            "nominations:nomination-file",
            key,
            only(*SEES_NOMINATION[key]),
            kwargs=lambda w, key=key: _file_of(getattr(w, key)),
        )
        for key in ("submitted", "decided", "theirs")
    ],
    # Withdrawing or replacing one: the proposing unit (refused in words once sent:
    # a redirect); the office that only processes it: 403.
    *[
        route(
            f"nominations:{name}",
            key,
            writes(key),
            method="POST",
            kwargs=lambda w, key=key: _file_of(getattr(w, key)),
        )
        for name in ("nomination-file-withdraw", "nomination-file-replace")
        for key in ("submitted", "theirs")
    ],
    # Moving many dossiers of a round: whoever sees the round posts; what he may
    # move is the kernel's (nothing selected here: told so, a redirect).
    *[
        route(
            "nominations:round-bulk-move",
            key,
            post(only(*SEES_ROUND[key])),
            method="POST",
        )
        for key in SEES_ROUND
    ],
    # Evidence: the proposing unit adds it (the form) and takes it back …
    *[
        route(
            "nominations:evidence-add",
            key,
            only(*WRITES_NOMINATION[key], forbidden=SEES_NOMINATION[key]),
        )
        for key in ("draft", "theirs")
    ],
    *[
        route(
            "nominations:evidence-remove",
            key,
            writes(key),
            method="POST",
            kwargs=lambda w, key=key, evidence=evidence: {
                "pk": getattr(w, key).pk,
                "evidence": getattr(w, evidence).pk,
            },
        )
        for key, evidence in (("draft", "evidence"), ("theirs", "their_evidence"))
    ],
    # … the round's office confirms it (Sở Tài chính's: refused on its merits, past
    # the council); the others who see the dossier: 403.
    route(
        "nominations:evidence-review",
        "draft",
        post(only(*OWN_OFFICE, forbidden=SEES_NOMINATION["draft"])),
        method="POST",
        data={"to": "da_xac_nhan"},
        kwargs=lambda w: {"pk": w.draft.pk, "evidence": w.evidence.pk},
    ),
    route(
        "nominations:evidence-review",
        "theirs",
        post(only(*OTHER_OFFICE)),
        method="POST",
        data={"to": "da_xac_nhan"},
        kwargs=lambda w: {"pk": w.theirs.pk, "evidence": w.their_evidence.pk},
    ),
]
