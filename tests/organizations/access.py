"""Who opens the registry pages (tests/access_matrix.py), from organizations/rules.py
and organizations/selectors.py:

- the agency tree is public to every signed-in user; changing an agency, importing its
  staff, founding its council or cluster is ``change_agency``: its TĐKT office (the
  officer of an agency above it) and the admin — 403 for everyone else, who sees it;
- a person is seen by the admin, the officers over their unit, the heads of their unit
  and themselves (``people_for_user``), and hidden (404) from everyone else; changed
  (``change_person``) by the admin and the officers over their unit only;
- a council is seen by the officers of its agency and the people on it; changed
  (``change_council``) by those officers and its secretary;
- a cluster is seen by the offices of its organiser and its members; changed
  (``change_cluster``) by the organiser's officers — the province, here: the admin.
"""

from ..access_matrix import (
    EVERYONE,
    OFFICERS,
    OTHER_OFFICE,
    OWN_OFFICE,
    SIGNED_IN,
    expect,
    only,
    post,
    route,
    with_,
)

# people_for_user: who sees each person of tests.factories.make_org.
SEES = {
    "officer": {"admin", "officer"},
    "secretary": {"admin", "officer", "council_secretary"},
    "head": {"admin", "officer", "unit_head"},
    "dkkd_staff": {"admin", "officer", "unit_head"},
    "vp_staff": {"admin", "officer", "staff"},
    "other_staff": {"admin", "other_officer"},
    "btdkt_staff": {"admin", "higher_officer"},
}
# change_person: who manages each (the officers over the person's unit).
MANAGES = {
    "officer": set(OWN_OFFICE),
    "secretary": set(OWN_OFFICE),
    "head": set(OWN_OFFICE),
    "dkkd_staff": set(OWN_OFFICE),
    "vp_staff": set(OWN_OFFICE),
    "other_staff": set(OTHER_OFFICE),
    "btdkt_staff": {"admin"},
}


def sees(person: str) -> dict:
    """The person's page: those who see them."""
    return only(*SEES[person])


def manages(person: str) -> dict:
    """A form that changes the person: its managers; 403 for the others who see it."""
    return only(*MANAGES[person], forbidden=SEES[person])


def office(agency: str) -> tuple:
    """The TĐKT office of an agency of the world (with the admin)."""
    return OTHER_OFFICE if agency in ("other", "other_unit") else OWN_OFFICE


def office_of(agency: str) -> dict:
    """``change_agency``: the agency's TĐKT office; the others see the agency: 403."""
    return expect(office(agency), rest=403)


# The council of Sở KH&ĐT: its officers, the chair (unit_head's person), its member and
# secretary accounts; changed by its officers and the secretary.
SEES_COUNCIL = ("admin", "officer", "unit_head", "council_member", "council_secretary")
RUNS_COUNCIL = ("admin", "officer", "council_secretary")
# The cluster, organised by the province, Sở KH&ĐT and Sở Tài chính its members.
SEES_CLUSTER = ("admin", "officer", "higher_officer", "other_officer")

ROUTES = [
    route("organizations:agency-list", answers=SIGNED_IN),
    *[
        route("organizations:agency-detail", agency, SIGNED_IN)
        for agency in ("skhdt", "dkkd", "other")
    ],
    *[
        route(f"organizations:{name}", agency, office_of(agency))
        for name in (
            "agency-edit",
            "agency-create",
            "agency-assessment",
            "import",
            "import-template",
            "council-create",
            "cluster-create",
        )
        for agency in ("dkkd" if name.startswith("agency") else "skhdt", "other")
    ],
    # The job of an agency is read under that agency's right to import.
    route(
        "organizations:import-job",
        "import_job",
        office_of("skhdt"),
        kwargs=with_(pk="skhdt", job="import_job"),
    ),
    route(
        "organizations:import-job",
        "other_import_job",
        office_of("other"),
        kwargs=with_(pk="other", job="other_import_job"),
    ),
    # Asked for under Sở KH&ĐT, Sở Tài chính's job: its office finds no such job
    # there (404), the others may not import into Sở KH&ĐT (403).
    route(
        "organizations:import-job",
        "other_import_job",
        expect(forbidden=set(EVERYONE) - set(OWN_OFFICE)),
        kwargs=with_(pk="skhdt", job="other_import_job"),
    ),
    route("organizations:person-list", answers=SIGNED_IN),
    # Offered to whoever manages some unit (an officer role), refused to the others.
    route("organizations:person-create", answers=expect(OFFICERS, rest=403)),
    *[route("organizations:person-detail", p, sees(p)) for p in SEES],
    *[
        route(f"organizations:{name}", person, manages(person))
        for name in (
            "person-edit",
            "person-transfer",
            "person-assessment",
            "person-discipline",
            "person-review",
            "person-initiative",
        )
        for person in ("dkkd_staff", "vp_staff", "other_staff", "btdkt_staff")
    ],
    route(
        "organizations:person-review-close",
        "matter",
        manages("vp_staff"),
        kwargs=with_(pk="vp_staff", matter="matter"),
    ),
    # Sở Tài chính's matter asked for under the Văn phòng's staff member: no matter of
    # that person — for his managers too.
    route(
        "organizations:person-review-close",
        "other_matter",
        expect(forbidden=set(SEES["vp_staff"]) - MANAGES["vp_staff"]),
        kwargs=with_(pk="vp_staff", matter="other_matter"),
    ),
    route("organizations:council-list", answers=SIGNED_IN),
    route("organizations:council-detail", "council", only(*SEES_COUNCIL)),
    route("organizations:council-detail", "other_council", only(*OTHER_OFFICE)),
    route(
        "organizations:council-member-add",
        "council",
        only(*RUNS_COUNCIL, forbidden=SEES_COUNCIL),
    ),
    route("organizations:council-member-add", "other_council", only(*OTHER_OFFICE)),
    route(
        "organizations:council-member-end",
        "seat",
        post(only(*RUNS_COUNCIL, forbidden=SEES_COUNCIL)),
        method="POST",
        kwargs=with_(pk="council", member="seat"),
        data={"end_date": "31/12/2099"},
    ),
    route("organizations:cluster-list", answers=SIGNED_IN),
    route("organizations:cluster-detail", "cluster", only(*SEES_CLUSTER)),
    *[
        route(
            f"organizations:{name}",
            "cluster",
            only("admin", forbidden=SEES_CLUSTER),
        )
        for name in ("cluster-member-add", "cluster-leadership")
    ],
]
