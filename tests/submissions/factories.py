"""A tờ trình taken the whole way (drafted by the office, approved by the head of the
sending agency, numbered and sent), for tests that need one sent: the same call as
before the approval step, the head's account made on the way with the staff record
whose title and name become the signer block."""

import datetime

from thidua.submissions.services import submission as service

from ..decisions.factories import head_of

__all__ = ["awaiting_submission", "forward_items", "submit_nominations"]


def _through(draft, agency, *, issued_on, signer_title, signer_name, approver, clerk):
    service.submit_submission(draft)
    service.approve_submission(
        draft, actor=approver or head_of(agency, signer_name, signer_title)
    )
    return service.issue_submission(draft, issued_on=issued_on, actor=clerk)


def submit_nominations(
    round_,
    nominations,
    *,
    issued_on: datetime.date,
    signer_title="Giám đốc",
    signer_name="Vũ Hoàng Quý",
    actor=None,
    approver=None,
    clerk=None,
):
    draft = service.submit_nominations(
        round_, nominations, planned_on=issued_on, actor=actor
    )
    return _through(
        draft,
        round_.agency,
        issued_on=issued_on,
        signer_title=signer_title,
        signer_name=signer_name,
        approver=approver,
        clerk=clerk,
    )


def forward_items(
    items,
    *,
    agency,
    issued_on: datetime.date,
    signer_title="Giám đốc",
    signer_name="Vũ Hoàng Quý",
    actor=None,
    approver=None,
    clerk=None,
):
    draft = service.forward_items(
        items, agency=agency, planned_on=issued_on, actor=actor
    )
    return _through(
        draft,
        agency,
        issued_on=issued_on,
        signer_title=signer_title,
        signer_name=signer_name,
        approver=approver,
        clerk=clerk,
    )


def awaiting_submission(org, users, round_=None, *, person="dkkd_staff"):
    """A tờ trình of Sở KH&ĐT drafted by its office and put before its head: not
    numbered, not sent (its nomination still decided by the council)."""
    from thidua.nominations.services.nomination import open_round

    from ..decisions.test_decisions import decided

    org.skhdt.place_name = "Lạng Sơn"
    org.skhdt.save()
    round_ = round_ or open_round(
        agency=org.skhdt,
        name="Xét 2025",
        kind="hang_nam",
        year=2025,
        submission_deadline=datetime.date(2099, 1, 1),
    )
    nomination = decided(round_, org, person, "CSTD_BO_TINH", users)
    draft = service.submit_nominations(
        round_,
        [nomination],
        planned_on=datetime.date(2026, 1, 20),
        actor=users["officer"],
    )
    return service.submit_submission(draft, actor=users["officer"])
