"""Writes on the organisation structure: agencies, councils, clusters."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from thidua.common.services.audit import diff, log_action, snapshot
from thidua.common.text import nfc

from ..models import (
    Agency,
    Cluster,
    ClusterLeadership,
    ClusterMembership,
    Council,
    CouncilMember,
    Person,
)

__all__ = [
    "AGENCY_FIELDS",
    "add_cluster_member",
    "add_council_member",
    "create_agency",
    "create_cluster",
    "create_council",
    "end_council_member",
    "set_cluster_leadership",
    "update_agency",
]

AGENCY_FIELDS = [
    "code",
    "name",
    "short_name",
    "abbreviation",
    "level",
    "is_small_collective",
    "place_name",
    "tdkt_body",
    "parent",
]


def _nfc_fields(obj, names) -> None:
    for name in names:
        setattr(obj, name, nfc(getattr(obj, name)))


def create_agency(*, actor=None, **fields) -> Agency:
    """Add a node to the organisation tree; audited as ``agencies.create``."""
    agency = Agency(**fields)
    _nfc_fields(agency, ["code", "name", "short_name", "abbreviation", "place_name"])
    agency.full_clean()
    with transaction.atomic():
        agency.save()
        log_action(
            agency,
            "agencies.create",
            actor=actor,
            agency_id=agency.pk,
            changes=diff({}, snapshot(agency, AGENCY_FIELDS)),
        )
    return agency


def update_agency(
    agency: Agency, *, actor=None, expected_version: int, **fields
) -> Agency:
    """Change an agency; refuses a parent inside its own subtree and stale edits."""
    with transaction.atomic():
        locked = Agency.objects.select_for_update().get(pk=agency.pk)
        if locked.version != expected_version:
            raise ValidationError(
                _("Hồ sơ đã được người khác cập nhật. Hãy tải lại trang và sửa lại."),
                code="stale",
            )
        before = snapshot(locked, AGENCY_FIELDS)
        for name, value in fields.items():
            setattr(locked, name, value)
        _nfc_fields(
            locked, ["code", "name", "short_name", "abbreviation", "place_name"]
        )
        parent = locked.parent
        if parent is not None and (
            parent.pk == locked.pk
            or Agency.objects.descendants(locked).filter(pk=parent.pk).exists()
        ):
            raise ValidationError(
                {"parent": [_("Không thể đặt đơn vị cấp trên là đơn vị cấp dưới.")]}
            )
        locked.full_clean()
        changes = diff(before, snapshot(locked, AGENCY_FIELDS))
        if changes:
            locked.version += 1
            locked.save()
            log_action(
                locked,
                "agencies.update",
                actor=actor,
                agency_id=locked.pk,
                changes=changes,
            )
    return locked


def create_council(*, agency: Agency, actor=None, **fields) -> Council:
    """Register a Hội đồng TĐKT of ``agency``; audited as ``councils.create``."""
    council = Council(agency=agency, **fields)
    _nfc_fields(council, ["name", "abbreviation", "established_by"])
    council.full_clean()
    with transaction.atomic():
        council.save()
        log_action(
            council,
            "councils.create",
            actor=actor,
            agency_id=agency.pk,
            changes=diff({}, snapshot(council, ["name", "term_start", "term_end"])),
        )
    return council


def add_council_member(
    council: Council,
    *,
    person: Person,
    role: str,
    start_date: datetime.date,
    title: str = "",
    actor=None,
) -> CouncilMember:
    """Seat a person on a council; one open seat per person; one chair and one secretary."""
    with transaction.atomic():
        Council.objects.select_for_update().get(pk=council.pk)
        open_seats = council.members.filter(end_date__isnull=True)
        if open_seats.filter(person=person).exists():
            raise ValidationError(
                {"person": [_("Người này đã là thành viên hội đồng.")]}
            )
        if role in ("chu_tich", "thu_ky") and open_seats.filter(role=role).exists():
            raise ValidationError(
                {"role": [_("Hội đồng đã có người giữ vai trò này.")]}
            )
        member = CouncilMember(
            council=council,
            person=person,
            role=role,
            start_date=start_date,
            title=nfc(title),
        )
        member.full_clean()
        member.save()
        log_action(
            council,
            "councils.add_member",
            actor=actor,
            agency_id=council.agency_id,
            data={"person": person.pk, "person_name": person.full_name, "role": role},
        )
    return member


def create_cluster(*, organizer: Agency, actor=None, **fields) -> Cluster:
    """Create a cụm/khối thi đua; audited as ``clusters.create``."""
    cluster = Cluster(organizer=organizer, **fields)
    _nfc_fields(cluster, ["name", "short_name", "description"])
    cluster.full_clean()
    with transaction.atomic():
        cluster.save()
        log_action(
            cluster,
            "clusters.create",
            actor=actor,
            agency_id=organizer.pk,
            changes=diff({}, snapshot(cluster, ["name", "kind", "organizer"])),
        )
    return cluster


def add_cluster_member(
    cluster: Cluster, *, agency: Agency, from_year: int, actor=None
) -> ClusterMembership:
    """Add a member agency to a cluster from a year on."""
    with transaction.atomic():
        if cluster.memberships.filter(agency=agency, to_year__isnull=True).exists():
            raise ValidationError({"agency": [_("Cơ quan này đã là thành viên cụm.")]})
        membership = ClusterMembership.objects.create(
            cluster=cluster, agency=agency, from_year=from_year
        )
        log_action(
            cluster,
            "clusters.add_member",
            actor=actor,
            agency_id=cluster.organizer_id,
            data={
                "agency": agency.pk,
                "agency_name": agency.name,
                "from_year": from_year,
            },
        )
    return membership


def set_cluster_leadership(
    cluster: Cluster,
    *,
    year: int,
    leader: Agency,
    deputy: Agency | None = None,
    actor=None,
) -> ClusterLeadership:
    """Name the cụm trưởng and cụm phó for a year; both must be members that year."""
    members = cluster.memberships.filter(from_year__lte=year).exclude(to_year__lt=year)
    member_ids = set(members.values_list("agency_id", flat=True))
    errors = {}
    if leader.pk not in member_ids:
        errors["leader"] = [_("Cụm trưởng phải là thành viên của cụm trong năm đó.")]
    if deputy is not None and deputy.pk not in member_ids:
        errors["deputy"] = [_("Cụm phó phải là thành viên của cụm trong năm đó.")]
    if deputy is not None and deputy.pk == leader.pk:
        errors["deputy"] = [_("Cụm phó phải khác cụm trưởng.")]
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        row, _created = ClusterLeadership.objects.update_or_create(
            cluster=cluster, year=year, defaults={"leader": leader, "deputy": deputy}
        )
        log_action(
            cluster,
            "clusters.set_leadership",
            actor=actor,
            agency_id=cluster.organizer_id,
            data={
                "year": year,
                "leader": leader.pk,
                "deputy": deputy.pk if deputy else None,
            },
        )
    return row


def end_council_member(
    member: CouncilMember, *, end_date: datetime.date, actor=None
) -> None:
    """Close a seat at ``end_date`` (end of term, transfer, retirement)."""
    with transaction.atomic():
        locked = CouncilMember.objects.select_for_update().get(pk=member.pk)
        if locked.end_date is not None:
            raise ValidationError(_("Thành viên này đã thôi tham gia hội đồng."))
        if end_date < locked.start_date:
            raise ValidationError(
                {
                    "end_date": [
                        _("Ngày thôi phải sau ngày bắt đầu %(d)s.")
                        % {"d": locked.start_date.strftime("%d/%m/%Y")}
                    ]
                }
            )
        locked.end_date = end_date
        locked.save(update_fields=["end_date"])
        log_action(
            locked.council,
            "councils.end_member",
            actor=actor,
            agency_id=locked.council.agency_id,
            data={
                "person_name": locked.person.full_name,
                "role": locked.role,
                "end_date": end_date.isoformat(),
            },
        )
