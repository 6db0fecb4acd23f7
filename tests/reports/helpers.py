"""A small known register for the statistical reports."""

import datetime
import itertools

from thidua.awards.models import Award

_numbers = itertools.count(1)


def award(
    subject, code, decided_on, *, award_type="cong_trang", revoked=False, year=None
):
    kw = {"agency": subject} if hasattr(subject, "level") else {"person": subject}
    return Award.objects.create(
        code=code,
        award_type=award_type,
        year=year or decided_on.year - 1,
        decision_number=f"{next(_numbers)}/QĐ-UBND",
        decision_date=decided_on,
        decided_by="Chủ tịch UBND tỉnh",
        revoked=revoked,
        **kw,
    )


D = datetime.date
IN_2025 = D(2025, 3, 10)  # inside the 2025 reporting year (01/12/2024–30/11/2025)


def seed(org):
    """Known awards across the organisation; returns the people used."""
    p = org.people
    p["dkkd_staff"].ethnicity = "Tày"
    p["dkkd_staff"].is_direct_worker = True
    p["dkkd_staff"].save()
    # SKHĐT subtree: individuals (2 women, 2 men), collectives
    award(p["vp_staff"], "BK_BO_TINH", IN_2025)  # woman, Kinh
    award(p["officer"], "CSTD_BO_TINH", IN_2025, award_type="chuyen_de")  # woman
    award(p["dkkd_staff"], "BK_BO_TINH", D(2024, 12, 1))  # man, Tày, direct; 01/12
    award(p["head"], "BK_TTG", IN_2025)  # man, state level
    award(p["dkkd_staff"], "LDTT", IN_2025)  # base level
    award(org.dkkd, "BK_BO_TINH", IN_2025, award_type="dot_xuat")  # collective
    award(org.vp, "CO_BO_TINH", IN_2025)  # collective
    award(org.skhdt, "CO_CP", D(2025, 11, 30))  # collective, last day
    # excluded: revoked, before the period (30/11/2024), after it (01/12/2025)
    award(p["secretary"], "BK_BO_TINH", IN_2025, revoked=True)
    award(p["secretary"], "CSTD_BO_TINH", D(2024, 11, 30))
    award(p["head"], "CSTD_BO_TINH", D(2025, 12, 1))
    # the other Sở (never in SKHĐT's figures)
    award(p["other_staff"], "BK_BO_TINH", IN_2025)
    award(org.other_unit, "BK_BO_TINH", IN_2025)
    return p
