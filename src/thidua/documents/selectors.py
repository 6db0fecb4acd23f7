"""Reads of the outgoing-document registry, scoped to the officer's agencies."""

from django.db.models import F, Q, QuerySet
from django.http import Http404

from thidua.accounts.enums import Role
from thidua.organizations.access import scopes_for
from thidua.organizations.models import Agency, Person
from thidua.organizations.selectors import people_for_user

from .models import (
    DocumentLayout,
    DocumentTemplate,
    DraftAttachment,
    DraftDocument,
    IssuedDocument,
    LocalDocumentType,
    NumberSeries,
    SigningCredential,
)

__all__ = [
    "access_delivered_attachment",
    "access_draft",
    "access_issued_document",
    "agency_templates",
    "draft_agencies",
    "drafts_for_user",
    "active_credential",
    "active_personal_credential",
    "delivered_attachments",
    "latest_personal_credential",
    "manageable_credentials",
    "signer_choices",
    "signing_admin_people",
    "issued_documents_for_user",
    "layout_for",
    "local_types_for",
    "next_number_preview",
]


def issued_documents_for_user(user) -> QuerySet[IssuedDocument]:
    """Admins see every register; officers the registers of their agencies and of the
    councils of those agencies."""
    scopes = scopes_for(user)
    base = IssuedDocument.objects.select_related(
        "series", "series__agency", "series__council"
    )
    if scopes.is_admin:
        return base
    agencies = scopes.officer_agencies
    return base.filter(
        Q(series__agency_id__in=agencies) | Q(series__council__agency_id__in=agencies)
    )


def access_issued_document(user, pk) -> IssuedDocument:
    try:
        return issued_documents_for_user(user).get(pk=pk)
    except (IssuedDocument.DoesNotExist, ValueError, TypeError):
        raise Http404 from None


def delivered_attachments(documents) -> dict[int, list[DraftAttachment]]:
    """The files delivered with each issued document, by document id: a document
    written in thidua carries its draft's attachments, in the order its content lists
    them (``content["attachments"]``, the list printed after its closing); others
    have none."""
    by_document: dict[int, list[DraftAttachment]] = {}
    rows = DraftAttachment.objects.filter(
        draft__issued_document__in=[d.pk for d in documents]
    ).select_related("draft")
    for row in rows:
        by_document.setdefault(row.draft.issued_document_id, []).append(row)
    for files in by_document.values():
        listed = [
            entry.get("name")
            for entry in files[0].draft.content.get("attachments") or []
            if isinstance(entry, dict)
        ]
        files.sort(
            key=lambda a: (
                listed.index(a.original_name)
                if a.original_name in listed
                else len(listed),
                a.pk,
            )
        )
    return by_document


def delivered_attachment(document_id: int | None, attachment) -> DraftAttachment:
    """The file ``attachment`` delivered with issued document ``document_id``, or
    404 (another document's file, or a document not issued)."""
    found = (
        DraftAttachment.objects.filter(
            pk=attachment, draft__issued_document_id=document_id
        ).first()
        if document_id is not None
        else None
    )
    if found is None:
        raise Http404
    return found


def access_delivered_attachment(user, pk, attachment) -> DraftAttachment:
    """A file delivered with an issued document ``user`` sees (whoever sees the
    document downloads its files), or 404 — hidden is missing."""
    return delivered_attachment(access_issued_document(user, pk).pk, attachment)


def signing_admin_agencies(user):
    """The agencies whose signing credentials the user manages: an admin role without
    an agency (or a superuser) reaches all, one with an agency its subtree."""

    if not (user and user.is_authenticated and user.is_active):
        return Agency.objects.none()
    roots = list(user.roles.filter(role=Role.ADMIN).values_list("agency_id", flat=True))
    agencies = Agency.objects.exclude(level="phong_don_vi").order_by("name")
    if user.is_superuser or None in roots:
        return agencies
    ids: set[int] = set()
    for root in roots:
        ids.update(
            Agency.objects.descendants(root, include_self=True).values_list(
                "id", flat=True
            )
        )
    return agencies.filter(pk__in=ids)


def local_types_for(agency) -> dict[str, str]:
    if agency is None:
        return {}
    chain = [a.pk for a in agency.ancestors(include_self=True)]
    return dict(
        LocalDocumentType.objects.filter(agency_id__in=chain).values_list(
            "code", "name"
        )
    )


def next_number_preview(*, agency=None, council=None, year: int) -> int:
    """The number the next issue would take (for display only; never reserved)."""
    series = NumberSeries.objects.filter(
        agency=agency, council=council, year=year
    ).first()
    return (series.last_number if series else 0) + 1


def layout_for(kind: str):
    """The administrator's layout for this kind of document, or the NĐ 30 default."""
    from .rendering import Layout  # noqa: PLC0415 (keeps the module import light)

    stored = DocumentLayout.objects.filter(kind=kind).first()
    return Layout.from_dict(stored.layout) if stored else Layout()


def active_credential(agency_id: int | None) -> SigningCredential | None:
    if agency_id is None:
        return None
    return SigningCredential.objects.filter(agency_id=agency_id, active=True).first()


def active_personal_credential(person_id: int | None) -> SigningCredential | None:
    if person_id is None:
        return None
    return SigningCredential.objects.filter(person_id=person_id, active=True).first()


def latest_personal_credential(person_id: int) -> SigningCredential | None:
    """The person's active credential, else the one stopped last (None: never any)."""
    return (
        SigningCredential.objects.filter(person_id=person_id)
        .order_by("-active", F("deactivated_at").desc(nulls_last=True), "-id")
        .first()
    )


def signing_admin_people(user) -> QuerySet[Person]:
    """The people whose own certificates the administrator loads: those who sign for
    the agencies he manages (an account holding the head's or a deputy's role there)."""
    agencies = signing_admin_agencies(user)
    return (
        Person.objects.filter(
            user__roles__role__in=[Role.HEAD, Role.DEPUTY],
            user__roles__agency__in=agencies,
        )
        .distinct()
        .order_by("sort_key", "id")
    )


def manageable_credentials(user) -> QuerySet[SigningCredential]:
    """The credentials ``user`` may see and stop using: his own, and, as an
    administrator, his agencies' seals and the personal ones of their signers."""
    if not (user and user.is_authenticated and user.is_active):
        return SigningCredential.objects.none()
    mine = Q(person_id=user.person_id) if user.person_id else Q(pk__in=[])
    return SigningCredential.objects.filter(
        mine
        | Q(agency__in=signing_admin_agencies(user))
        | Q(person__in=signing_admin_people(user))
    ).select_related("agency", "person", "uploaded_by")


# --- Documents written in thidua (models/drafts.py, rules.py) -----------------------


def drafts_for_user(user) -> QuerySet[DraftDocument]:
    """The drafts ``user`` may see (rules ``documents.view_draft``): all for an
    admin; those of the agencies under his officer roles, and of the agencies whose
    head, deputy, acting head, delegate or clerk he is."""
    scopes = scopes_for(user)
    base = DraftDocument.objects.select_related("agency", "issued_document")
    if scopes.is_admin:
        return base
    return base.filter(
        agency_id__in=scopes.officer_agencies
        | scopes.approver_agencies
        | scopes.clerk_agencies
    )


def access_draft(user, pk) -> DraftDocument:
    """The draft, or 404 — another agency's draft does not exist for ``user``."""
    try:
        return drafts_for_user(user).get(pk=pk)
    except (DraftDocument.DoesNotExist, ValueError, TypeError):
        raise Http404 from None


def draft_agencies(user) -> QuerySet[Agency]:
    """The agencies ``user`` writes documents for (rules ``documents.add_draft``)."""
    scopes = scopes_for(user)
    if scopes.is_admin:
        return Agency.objects.all()
    return Agency.objects.filter(pk__in=scopes.officer_agencies)


def agency_templates(agency, kind: str = "") -> QuerySet[DocumentTemplate]:
    """The templates the agency saved, of one kind or all."""
    templates = DocumentTemplate.objects.filter(agency=agency)
    return templates.filter(kind=kind) if kind else templates


def signer_choices(user, agency) -> list[dict]:
    """Who may sign a document of ``agency``, for the editor's name list: the staff
    with a title in the agency and its direct units that ``user`` sees, by tên."""
    people = (
        people_for_user(user)
        .filter(Q(unit=agency) | Q(unit__parent=agency))
        .exclude(position="")
        .values("pk", "full_name", "position")[:500]
    )
    return [
        {"id": p["pk"], "name": p["full_name"], "title": p["position"]} for p in people
    ]
