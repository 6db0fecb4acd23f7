"""Real links, step 2 of 3: the data of the old columns goes into the new links, and
back when migrating backwards.

Forwards, for each agenda item:

* ``subject_kind="nomination"`` + ``subject_id`` → ``nomination`` (when that nomination
  exists; an id naming nothing is dropped);
* ``nominee_person_id`` / ``nominee_unit_id`` → ``nominee_person`` / ``nominee_unit``
  (ids naming nothing are dropped); an item about a nomination without either gets the
  nomination's own (the person and their unit, or the collective), as the service does;
* each person of ``conflicted_person_ids`` → an ``AgendaConflict`` row for that person's
  seat on the meeting's council: the seat held on the meeting's day, or else their
  latest seat on that council (a person with no seat on it was no voter: dropped).

And for each meeting, its ``council_minutes`` and ``council_tally`` documents (found by
``source_kind``/``source_id``, which stay) → ``minutes_document`` / ``tally_document``.

Backwards, every item is about a nomination again (the only kind the code ever wrote),
the ids come back from the links and the conflicts become the sorted person ids.
"""

from django.db import migrations
from django.db.models import Q
from django.utils import timezone


def _day(meeting):
    return timezone.localdate(meeting.opened_at or meeting.scheduled_at)


def _seat(CouncilMember, meeting, person_id):
    seats = CouncilMember.objects.filter(
        council_id=meeting.council_id, person_id=person_id
    ).order_by("-start_date", "-id")
    day = _day(meeting)
    held = seats.filter(start_date__lte=day).filter(
        Q(end_date__isnull=True) | Q(end_date__gte=day)
    )
    return held.first() or seats.first()


def forwards(apps, schema_editor):
    AgendaItem = apps.get_model("councils", "AgendaItem")
    AgendaConflict = apps.get_model("councils", "AgendaConflict")
    Meeting = apps.get_model("councils", "Meeting")
    Nomination = apps.get_model("nominations", "Nomination")
    Person = apps.get_model("organizations", "Person")
    Agency = apps.get_model("organizations", "Agency")
    CouncilMember = apps.get_model("organizations", "CouncilMember")
    IssuedDocument = apps.get_model("documents", "IssuedDocument")

    def existing(model, pk):
        return pk if pk is not None and model.objects.filter(pk=pk).exists() else None

    for item in AgendaItem.objects.select_related("meeting").order_by("pk"):
        nomination = None
        if item.subject_kind == "nomination" and item.subject_id is not None:
            nomination = (
                Nomination.objects.filter(pk=item.subject_id)
                .select_related("person")
                .first()
            )
        person_id = existing(Person, item.legacy_nominee_person_id)
        unit_id = existing(Agency, item.legacy_nominee_unit_id)
        if nomination is not None and person_id is None and unit_id is None:
            person_id = nomination.person_id
            unit_id = (
                nomination.person.unit_id if nomination.person else nomination.agency_id
            )
        AgendaItem.objects.filter(pk=item.pk).update(
            nomination=nomination, nominee_person_id=person_id, nominee_unit_id=unit_id
        )
        seats = {
            seat.pk
            for seat in (
                _seat(CouncilMember, item.meeting, person)
                for person in item.conflicted_person_ids or []
            )
            if seat is not None
        }
        AgendaConflict.objects.bulk_create(
            AgendaConflict(agenda_item_id=item.pk, member_id=pk) for pk in sorted(seats)
        )

    for meeting in Meeting.objects.order_by("pk"):
        documents = {
            kind: IssuedDocument.objects.filter(source_kind=kind, source_id=meeting.pk)
            .order_by("pk")
            .values_list("pk", flat=True)
            .first()
            for kind in ("council_minutes", "council_tally")
        }
        if any(documents.values()):
            Meeting.objects.filter(pk=meeting.pk).update(
                minutes_document_id=documents["council_minutes"],
                tally_document_id=documents["council_tally"],
            )


def backwards(apps, schema_editor):
    AgendaItem = apps.get_model("councils", "AgendaItem")
    AgendaConflict = apps.get_model("councils", "AgendaConflict")
    Meeting = apps.get_model("councils", "Meeting")

    for item in AgendaItem.objects.order_by("pk"):
        people = sorted(
            set(
                AgendaConflict.objects.filter(agenda_item_id=item.pk).values_list(
                    "member__person_id", flat=True
                )
            )
        )
        AgendaItem.objects.filter(pk=item.pk).update(
            subject_kind="nomination",
            subject_id=item.nomination_id,
            legacy_nominee_person_id=item.nominee_person_id,
            legacy_nominee_unit_id=item.nominee_unit_id,
            conflicted_person_ids=people,
        )
    AgendaConflict.objects.all().delete()
    Meeting.objects.update(minutes_document=None, tally_document=None)


class Migration(migrations.Migration):
    dependencies = [("councils", "0004_real_links")]

    operations = [migrations.RunPython(forwards, backwards)]
