"""Who opens the award register's pages (tests/access_matrix.py), from
awards/selectors.py: an award is seen by whoever sees its person (people_for_user),
and a collective award by the TĐKT office of its agency; entering or annulling one is
``change_person`` / ``change_agency`` (403 for the others who see it). The public
verification page needs no login: the certificate's code is the key."""

from ..access_matrix import OWN_OFFICE, PUBLIC, only, route, with_
from ..organizations.access import MANAGES, SEES, manages, office, office_of

# Who sees each award of the world (awards_for_user) and who may annul it.
AWARDS = {
    # Entered by hand for Phòng ĐKKD's staff member: its head sees it too.
    "award": (SEES["dkkd_staff"], MANAGES["dkkd_staff"]),
    # Written by the decision of Sở KH&ĐT for the Văn phòng's staff member, who sees it.
    "vp_award": (SEES["vp_staff"], MANAGES["vp_staff"]),
    # Phòng ĐKKD's collective award: the office's register only.
    "collective_award": (set(OWN_OFFICE), set(OWN_OFFICE)),
    # Sở Tài chính's, by its own decision.
    "other_award": (SEES["other_staff"], MANAGES["other_staff"]),
}


def award_seen(key: str) -> dict:
    return only(*AWARDS[key][0])


def award_changed(key: str) -> dict:
    seen, changed = AWARDS[key]
    return only(*changed, forbidden=seen)


ROUTES = [
    *[
        route("awards:agency-record", agency, office_of(agency))
        for agency in ("dkkd", "other")
    ],
    *[
        route("awards:person-record", person, manages(person))
        for person in ("dkkd_staff", "vp_staff", "other_staff")
    ],
    route(
        "awards:verify",
        "award",
        PUBLIC,
        kwargs=lambda w: {"code": w.award.verification_code},
    ),
    *[route("awards:annul", key, award_changed(key)) for key in AWARDS],
    # Lý lịch khen thưởng: whoever sees the person …
    *[
        route(
            "awards:person-history",
            person,
            only(*SEES[person]),
            kwargs=with_(pk=person, fmt="=docx"),
        )
        for person in ("dkkd_staff", "vp_staff", "other_staff")
    ],
    # … and for a collective, its office: the collective's awards are the office's
    # register, hidden (404) from the others, as on the agency page.
    *[
        route(
            "awards:agency-history",
            agency,
            only(*office(agency)),
            kwargs=with_(pk=agency, fmt="=docx"),
        )
        for agency in ("dkkd", "other")
    ],
]
