"""Who calls each API operation (tests/access_matrix.py): a token acts as its owner —
every object is looked up through the same visibility selector as its page, so it is
seen by the same roles (hidden: 404) — narrowed to its scopes (missing: 403, checked
after the lookup so that a hidden object still answers 404); no token: 401. The schema
and the docs page are public (the docs call the API with the reader's session)."""

from ..access_matrix import (
    EVERYONE,
    OTHER_OFFICE,
    OWN_OFFICE,
    PUBLIC,
    expect,
    operation,
    route,
    with_,
)
from ..awards.access import AWARDS
from ..movements.access import MOVEMENTS
from ..nominations.access import SEES_NOMINATION
from ..organizations.access import SEES, SEES_COUNCIL

ROUTES = [
    route("api-v1:openapi-json", answers=PUBLIC),
    route("api-v1:openapi-view", answers=PUBLIC),
    route("api-v1:api-root", answers=expect(EVERYONE, status=404, anonymous=404)),
]

# A case of docs/eligibility.md §2 (tests/api/test_eligibility_api.py checks the answer).
CASE = {
    "review_year": 2024,
    "codes": ["CSTDCS"],
    "subject": {
        "kind": "individual",
        "recruited_on": "2015-08-01",
        "years": {"2024": {"rating": "HTXS", "titles": ["LDTT"]}},
        "initiatives": [{"year": 2024, "scope": "co_so"}],
    },
}
LISTS = {
    "list_agencies": "agencies:read",
    "list_people": "people:read",
    "list_awards": "awards:read",
    "list_nominations": "nominations:read",
    "list_decisions": "decisions:read",
    "list_movements": "movements:read",
    "list_registrations": "movements:read",
    "list_councils": "councils:read",
    "list_assessments": "assessments:read",
}

OPERATIONS = [
    # Every list answers every caller, with what the caller sees.
    *[operation(name, scope=scope) for name, scope in LISTS.items()],
    # The organisation tree is public to every signed-in caller.
    *[
        operation("get_agency", key, scope="agencies:read", kwargs=with_(agency_id=key))
        for key in ("skhdt", "other")
    ],
    *[
        operation(
            "get_person",
            key,
            scope="people:read",
            ok=SEES[key],
            kwargs=with_(person_id=key),
        )
        for key in ("dkkd_staff", "vp_staff", "other_staff")
    ],
    *[
        operation(
            "get_award",
            key,
            scope="awards:read",
            ok=AWARDS[key][0],
            kwargs=with_(award_id=key),
        )
        for key in AWARDS
    ],
    operation("check", scope="eligibility:read", method="POST", data=CASE),
    operation(
        "explain_code",
        "LDTT",
        scope="eligibility:read",
        kwargs=with_(code="=LDTT"),
    ),
    *[
        operation(
            "person_verdict",
            key,
            scope="eligibility:read",
            ok=SEES[key],
            kwargs=with_(person_id=key),
            query={"year": 2025},
        )
        for key in ("dkkd_staff", "other_staff")
    ],
    *[
        operation(
            "get_nomination",
            key,
            scope="nominations:read",
            ok=roles,
            kwargs=with_(nomination_id=key),
        )
        for key, roles in SEES_NOMINATION.items()
    ],
    # Appraising is the round office's move: Phòng ĐKKD's head sees the nomination and
    # is refused by the service (403).
    operation(
        "transition",
        "submitted",
        scope="nominations:write",
        ok=OWN_OFFICE,
        forbidden=SEES_NOMINATION["submitted"],
        method="POST",
        kwargs=with_(nomination_id="submitted"),
        data=lambda w: {
            "to": "da_tham_dinh",
            "appraisal": "Đủ điều kiện.",
            "version": w.submitted.version,
        },
    ),
    *[
        operation(
            "get_decision",
            key,
            scope="decisions:read",
            ok=office,
            kwargs=with_(decision_id=key),
        )
        for key, office in (
            ("decision", (*OWN_OFFICE, "head", "deputy", "clerk")),
            ("other_decision", OTHER_OFFICE),
        )
    ],
    *[
        operation(
            "get_movement",
            key,
            scope="movements:read",
            ok=MOVEMENTS[key][0],
            kwargs=with_(movement_id=key),
        )
        for key in MOVEMENTS
    ],
    # Phòng ĐKKD's registration: the launching office, the unit's head.
    operation(
        "get_registration",
        "registration",
        scope="movements:read",
        ok=("admin", "officer", "unit_head"),
        kwargs=with_(registration_id="registration"),
    ),
    *[
        operation(
            "get_council",
            key,
            scope="councils:read",
            ok=roles,
            kwargs=with_(council_id=key),
        )
        for key, roles in (("council", SEES_COUNCIL), ("other_council", OTHER_OFFICE))
    ],
    # A rating goes with its person.
    *[
        operation(
            "get_assessment",
            key,
            scope="assessments:read",
            ok=SEES[person],
            kwargs=with_(assessment_id=key),
        )
        for key, person in (
            ("assessment", "dkkd_staff"),
            ("other_assessment", "other_staff"),
        )
    ],
]
