"""Import of the exchange format into an agency's subtree: checked against the JSON Schema,
then written through the same services as the pages, all or nothing, idempotent — the
same file twice changes nothing the second time.

Natural keys: agencies by code, people by CCCD, awards by (subject, code, year).
Decisions are not written: their numbers belong to the issuer's own register; what they
decided reaches this installation as the awards they wrote (reported as "informative").
"""

import datetime
import json
from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from jsonschema import Draft202012Validator, FormatChecker

from thidua.awards.models import Award
from thidua.awards.services.annulment import annul_award
from thidua.awards.services.register import record_award
from thidua.common.services.audit import log_action
from thidua.common.text import nul_path
from thidua.organizations.models import Agency, Person
from thidua.organizations.services.person import (
    PERSON_FIELDS,
    create_person,
    normalise_person_data,
    transfer_person,
    update_person,
)
from thidua.organizations.services.structure import create_agency, update_agency

from .schema import SCHEMA

__all__ = ["ExchangeResult", "import_exchange", "schema_errors"]

AGENCY_FIELDS = (
    "name",
    "short_name",
    "abbreviation",
    "level",
    "is_small_collective",
    "place_name",
    "tdkt_body",
)
AWARD_FIELDS = (
    "award_type",
    "period_from",
    "decision_number",
    "decision_date",
    "decided_by",
    "cash_amount",
)
MESSAGES = {
    "required": _("thiếu trường bắt buộc"),
    "additionalProperties": _("có trường không được hỗ trợ"),
    "enum": _("giá trị không nằm trong danh mục"),
    "const": _("giá trị không đúng"),
    "type": _("sai kiểu dữ liệu"),
    "pattern": _("không đúng định dạng"),
    "format": _("không đúng định dạng"),
    "minLength": _("quá ngắn hoặc để trống"),
    "maxLength": _("quá dài"),
    "minimum": _("nhỏ hơn giá trị cho phép"),
    "maximum": _("lớn hơn giá trị cho phép"),
    "oneOf": _("phải ghi đúng một đối tượng: cá nhân (person) hoặc tập thể (agency)"),
}


@dataclass
class ExchangeResult:
    created: dict = field(
        default_factory=lambda: {"agencies": 0, "people": 0, "awards": 0}
    )
    updated: dict = field(
        default_factory=lambda: {"agencies": 0, "people": 0, "awards": 0}
    )
    unchanged: dict = field(
        default_factory=lambda: {"agencies": 0, "people": 0, "awards": 0}
    )
    informative_decisions: int = 0


def _path(error) -> str:
    out = ""
    for part in error.absolute_path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else part)
    return out or "(tệp)"


def schema_errors(data) -> list[str]:
    """Every place the data breaks the schema, as "path: message" in Vietnamese."""
    validator = Draft202012Validator(SCHEMA, format_checker=FormatChecker())
    problems = []
    for error in sorted(
        validator.iter_errors(data), key=lambda e: list(e.absolute_path)
    ):
        message = MESSAGES.get(error.validator, error.message)
        if error.validator == "additionalProperties":
            extra = sorted(
                set(error.instance) - set(error.schema.get("properties", {}))
            )
            message = f"{message}: {', '.join(extra)}"
        elif error.validator == "required":
            message = f"{message}: {error.message.split(chr(39))[1]}"
        problems.append(f"{_path(error)}: {message}")
    where = nul_path(data)
    if where is not None:
        problems.append(f"{where or '(tệp)'}: " + _("không được chứa ký tự NUL"))
    return problems


def _day(value):
    return datetime.date.fromisoformat(value) if value else None


class _Importer:
    def __init__(self, into: Agency, actor):
        self.into, self.actor = into, actor
        self.scope = {
            a.code: a for a in Agency.objects.descendants(into, include_self=True)
        }
        self.result = ExchangeResult()
        self.problems: list[str] = []

    def attempt(self, where: str, work) -> None:
        """Run one record in a savepoint; a refusal is noted and the import goes on
        collecting, to be rolled back whole at the end."""
        try:
            with transaction.atomic():
                work()
        except ValidationError as exc:
            details = (
                [f"{k}: {m}" for k, ms in exc.message_dict.items() for m in ms]
                if hasattr(exc, "error_dict")
                else exc.messages
            )
            self.problems += [f"{where}: {d}" for d in details]

    def agency(self, row: dict, root: str) -> None:
        existing = self.scope.get(row["code"])
        values = {k: row[k] for k in AGENCY_FIELDS if k in row}
        if existing is not None:
            changed = {k: v for k, v in values.items() if getattr(existing, k) != v}
            if changed:
                self.scope[row["code"]] = update_agency(
                    existing,
                    actor=self.actor,
                    expected_version=existing.version,
                    **changed,
                )
                self.result.updated["agencies"] += 1
            else:
                self.result.unchanged["agencies"] += 1
            return
        if Agency.objects.filter(code=row["code"]).exists():
            raise ValidationError(
                {"code": [_("Mã này thuộc một cơ quan ngoài phạm vi nhập.")]}
            )
        parent = (
            self.into if row["code"] == root else self.scope.get(row["parent"] or "")
        )
        if parent is None:
            raise ValidationError(
                {"parent": [_("Đơn vị cấp trên không thuộc phạm vi nhập.")]}
            )
        self.scope[row["code"]] = create_agency(
            actor=self.actor, parent=parent, code=row["code"], **values
        )
        self.result.created["agencies"] += 1

    def person(self, row: dict) -> None:
        unit = self.scope.get(row["unit"])
        if unit is None:
            raise ValidationError({"unit": [_("Đơn vị không thuộc phạm vi nhập.")]})
        data = normalise_person_data({k: row[k] for k in PERSON_FIELDS if k in row})
        for name in ("birth_date", "recruited_on", "tdkt_since"):
            if name in data:
                data[name] = _day(data[name])
        existing = Person.objects.filter(cccd=row["cccd"]).first()
        if existing is None:
            create_person(data, unit=unit, actor=self.actor)
            self.result.created["people"] += 1
            return
        if existing.unit_id not in {a.pk for a in self.scope.values()}:
            raise ValidationError(
                {"cccd": [_("Người này đang thuộc cơ quan ngoài phạm vi nhập.")]}
            )
        changed = any(getattr(existing, k) != v for k, v in data.items())
        if changed:
            existing = update_person(
                existing, data, actor=self.actor, expected_version=existing.version
            )
        if existing.unit_id != unit.pk:
            transfer_person(
                existing, unit=unit, on=timezone.localdate(), actor=self.actor
            )
            changed = True
        key = "updated" if changed else "unchanged"
        getattr(self.result, key)["people"] += 1

    def award(self, row: dict) -> None:
        if row.get("person"):
            subject = {"person": Person.objects.filter(cccd=row["person"]).first()}
            if subject["person"] is None:
                raise ValidationError(
                    {"person": [_("Không có cá nhân với số CCCD này.")]}
                )
        else:
            subject = {"agency": self.scope.get(row["agency"])}
            if subject["agency"] is None:
                raise ValidationError(
                    {"agency": [_("Tập thể không thuộc phạm vi nhập.")]}
                )
        values = {k: row[k] for k in AWARD_FIELDS if k in row}
        values["decision_date"] = _day(values["decision_date"])
        existing = Award.objects.filter(
            code=row["code"], year=row["year"], **subject
        ).first()
        if existing is None:
            existing = record_award(
                code=row["code"],
                year=row["year"],
                actor=self.actor,
                **subject,
                **values,
            )
            self.result.created["awards"] += 1
            changed = None
        else:
            changed = {k: v for k, v in values.items() if getattr(existing, k) != v}
            if changed:
                for name, value in changed.items():
                    setattr(existing, name, value)
                existing.save(update_fields=list(changed))
                log_action(
                    existing.person or existing.agency,
                    "awards.import_update",
                    actor=self.actor,
                    agency_id=self.into.pk,
                    data={
                        "code": existing.code,
                        "year": existing.year,
                        "changes": sorted(changed),
                    },
                )
        if row.get("revoked") and not existing.revoked:
            annul_award(
                existing,
                reason=row.get("revoked_reason") or _("Theo dữ liệu nhập"),
                annulment_decision=row.get("annulment_decision") or "—",
                annulled_on=_day(row.get("annulled_on")) or timezone.localdate(),
                recovery_note=row.get("recovery_note", ""),
                actor=self.actor,
            )
            changed = changed or {"revoked": True}
        if changed is not None:
            getattr(self.result, "updated" if changed else "unchanged")["awards"] += 1


def import_exchange(raw, *, into: Agency, actor=None) -> ExchangeResult:
    """``raw``: bytes/str of JSON or the decoded object. Raises ValidationError listing
    every problem ("people[3].cccd: …"); nothing is written unless all is well."""
    if actor is not None and not actor.has_perm("organizations.change_agency", into):
        raise PermissionDenied
    if isinstance(raw, bytes | str):
        try:
            raw = json.loads(raw)
        except (ValueError, UnicodeDecodeError) as exc:
            raise ValidationError(
                _("Tệp không phải JSON hợp lệ: %(e)s") % {"e": exc}
            ) from None
    problems = schema_errors(raw)
    if problems:
        raise ValidationError(
            [_("Tệp không đúng định dạng trao đổi, chưa nhập gì:"), *problems]
        )
    importer = _Importer(into, actor)
    with transaction.atomic():
        for i, row in enumerate(raw["agencies"]):
            importer.attempt(
                f"agencies[{i}]", lambda row=row: importer.agency(row, raw["root"])
            )
        for i, row in enumerate(raw["people"]):
            importer.attempt(f"people[{i}]", lambda row=row: importer.person(row))
        for i, row in enumerate(raw["awards"]):
            importer.attempt(f"awards[{i}]", lambda row=row: importer.award(row))
        importer.result.informative_decisions = len(raw.get("decisions", []))
        if importer.problems:  # raising inside the block rolls every record back
            raise ValidationError(
                [_("Dữ liệu có lỗi, chưa nhập gì:"), *importer.problems]
            )
        log_action(
            into,
            "exchange.import",
            actor=actor,
            agency_id=into.pk,
            data={
                "created": importer.result.created,
                "updated": importer.result.updated,
            },
        )
    return importer.result
