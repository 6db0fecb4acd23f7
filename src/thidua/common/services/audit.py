"""The audit trail: append entries to the hash chain, verify it, sign checkpoints."""

import datetime
import hashlib
import hmac
import json
from dataclasses import dataclass

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models, transaction
from django.utils import timezone

from ..context import current_request_id
from ..models import ActivityLog, AuditCheckpoint, ChainHead
from ..normalise import normalise_instance

__all__ = [
    "ChainReport",
    "diff",
    "entry_digest",
    "log_action",
    "log_actions_bulk",
    "snapshot",
    "verify_chain",
    "write_checkpoint",
]

GENESIS = "0" * 64
# Values never stored in clear in the trail.
MASKED_FIELDS = {
    "cccd": lambda v: f"{v[:3]}******{v[-3:]}" if v else v,
    "password": None,
}


def _plain(value):
    if isinstance(value, datetime.datetime | datetime.date):
        return value.isoformat()
    if isinstance(value, models.Model):
        return value.pk
    return value


def snapshot(obj: models.Model, fields: list[str]) -> dict:
    """The current values of ``fields`` as JSON-ready data, masked where needed."""
    data = {}
    for name in fields:
        field = obj._meta.get_field(name)
        value = getattr(obj, field.attname)
        data[name] = _mask(name, _plain(value))
    return data


def _mask(name: str, value):
    if name in MASKED_FIELDS:
        masker = MASKED_FIELDS[name]
        return masker(value) if masker else "***"
    return value


def diff(before: dict, after: dict) -> dict:
    """``{field: [old, new]}`` for the fields that changed."""
    keys = list(dict.fromkeys([*before, *after]))
    return {
        k: [before.get(k), after.get(k)] for k in keys if before.get(k) != after.get(k)
    }


def entry_digest(
    *,
    seq: int,
    timestamp: datetime.datetime,
    actor_id,
    action: str,
    content_type_id,
    object_id: str,
    object_repr: str,
    agency_id,
    data: dict,
    request_id: str,
    prev_hash: str,
) -> str:
    canonical = json.dumps(
        {
            "seq": seq,
            "ts": timestamp.astimezone(datetime.UTC).isoformat(timespec="microseconds"),
            "actor": actor_id,
            "action": action,
            "ct": content_type_id,
            "oid": object_id,
            "repr": object_repr,
            "agency": agency_id,
            "data": data,
            "rid": request_id,
        },
        sort_keys=True,
        ensure_ascii=False,
        separators=(",", ":"),
    )
    return hashlib.sha256((prev_hash + canonical).encode()).hexdigest()


def log_action(
    obj: models.Model | None,
    action: str,
    *,
    actor=None,
    agency_id: int | None = None,
    data: dict | None = None,
    changes: dict | None = None,
) -> ActivityLog:
    """Append one entry to the audit chain. Must run inside the caller's transaction.

    ``changes`` is ``{field: [old, new]}`` (see :func:`diff`); ``data`` carries any
    other detail. Locks the chain head row, so concurrent writers queue up.
    """
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("log_action must run inside transaction.atomic()")
    payload = dict(data or {})
    if changes:
        payload["changes"] = changes
    head, _ = ChainHead.objects.select_for_update().get_or_create(id=1)
    seq = head.seq + 1
    # JSON round trip so the hash covers exactly what the database returns.
    payload = json.loads(json.dumps(payload, ensure_ascii=False, default=str))
    ct = ContentType.objects.get_for_model(obj) if obj is not None else None
    entry = ActivityLog(
        seq=seq,
        timestamp=timezone.now(),
        actor=actor if actor is not None and actor.is_authenticated else None,
        actor_display=_actor_display(actor),
        action=action,
        content_type=ct,
        object_id=str(obj.pk) if obj is not None else "",
        object_repr=str(obj)[:255] if obj is not None else "",
        agency_id=agency_id,
        data=payload,
        request_id=current_request_id(),
        prev_hash=head.hash,
    )
    normalise_instance(entry)  # NFC, as every stored text; before it is hashed
    entry.hash = _digest_of(entry)
    entry.save(force_insert=True)
    head.seq, head.hash = seq, entry.hash
    head.save(update_fields=["seq", "hash"])
    return entry


def log_actions_bulk(
    entries: list[tuple[models.Model, str, int | None, dict]], *, actor=None
) -> int:
    """Append many entries at once (imports): ``(obj, action, agency_id, data)`` each.

    Same chain, same lock as :func:`log_action`; hashes are computed in order and the
    rows inserted together.
    """
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("log_actions_bulk must run inside transaction.atomic()")
    if not entries:
        return 0
    head, _ = ChainHead.objects.select_for_update().get_or_create(id=1)
    now = timezone.now()
    request_id = current_request_id()
    actor_obj = actor if actor is not None and actor.is_authenticated else None
    display = _actor_display(actor)
    content_types: dict[type, ContentType] = {}
    rows = []
    prev, seq = head.hash, head.seq
    for obj, action, agency_id, data in entries:
        seq += 1
        model = type(obj)
        if model not in content_types:
            content_types[model] = ContentType.objects.get_for_model(obj)
        entry = ActivityLog(
            seq=seq,
            timestamp=now,
            actor=actor_obj,
            actor_display=display,
            action=action,
            content_type=content_types[model],
            object_id=str(obj.pk),
            object_repr=str(obj)[:255],
            agency_id=agency_id,
            data=json.loads(json.dumps(data, ensure_ascii=False, default=str)),
            request_id=request_id,
            prev_hash=prev,
        )
        normalise_instance(entry)
        entry.hash = prev = _digest_of(entry)
        rows.append(entry)
    ActivityLog.objects.bulk_create(rows, batch_size=500)
    head.seq, head.hash = seq, prev
    head.save(update_fields=["seq", "hash"])
    return len(rows)


def _actor_display(actor) -> str:
    if actor is None or not actor.is_authenticated:
        return "hệ thống"
    return (actor.get_full_name() or actor.username)[:160]


def _digest_of(entry: ActivityLog) -> str:
    return entry_digest(
        seq=entry.seq,
        timestamp=entry.timestamp,
        actor_id=entry.actor_id,
        action=entry.action,
        content_type_id=entry.content_type_id,
        object_id=entry.object_id,
        object_repr=entry.object_repr,
        agency_id=entry.agency_id,
        data=entry.data,
        request_id=entry.request_id,
        prev_hash=entry.prev_hash,
    )


@dataclass
class ChainReport:
    checked: int
    first_bad_seq: int | None
    problem: str

    @property
    def ok(self) -> bool:
        return self.first_bad_seq is None and not self.problem


def _checkpoint_signature(seq: int, head_hash: str) -> str:
    key = hashlib.sha256(
        ("thidua-audit-checkpoint:" + settings.SECRET_KEY).encode()
    ).digest()
    return hmac.new(key, f"{seq}:{head_hash}".encode(), hashlib.sha256).hexdigest()


def verify_chain() -> ChainReport:
    """Recompute every hash in ``seq`` order; name the first entry that does not fit.

    Also checks every signed checkpoint against the stored prefix, which is what
    reveals a truncated tail or a chain rewritten from scratch.
    """
    prev_hash = GENESIS
    expected_seq = 1
    checked = 0
    hashes: dict[int, str] = {}
    checkpoints = {c.seq: c for c in AuditCheckpoint.objects.all()}
    for entry in ActivityLog.objects.order_by("seq").iterator(chunk_size=2000):
        if entry.seq != expected_seq:
            return ChainReport(checked, expected_seq, "missing")
        if entry.prev_hash != prev_hash or _digest_of(entry) != entry.hash:
            return ChainReport(checked, entry.seq, "hash")
        if entry.seq in checkpoints:
            hashes[entry.seq] = entry.hash
        prev_hash = entry.hash
        expected_seq += 1
        checked += 1
    for seq, cp in sorted(checkpoints.items()):
        if not hmac.compare_digest(
            cp.signature, _checkpoint_signature(cp.seq, cp.head_hash)
        ):
            return ChainReport(checked, None, f"checkpoint {seq}: signature")
        if hashes.get(seq) != cp.head_hash:
            return ChainReport(
                checked, min(seq, expected_seq), f"checkpoint {seq}: head"
            )
    return ChainReport(checked, None, "")


def write_checkpoint() -> AuditCheckpoint | None:
    """Sign the current head (daily job). Returns None while the chain is empty."""
    with transaction.atomic():
        head = ChainHead.objects.select_for_update().filter(id=1).first()
        if head is None or head.seq == 0:
            return None
        if AuditCheckpoint.objects.filter(seq=head.seq).exists():
            return AuditCheckpoint.objects.get(seq=head.seq)
        return AuditCheckpoint.objects.create(
            seq=head.seq,
            head_hash=head.hash,
            created_at=timezone.now(),
            signature=_checkpoint_signature(head.seq, head.hash),
        )
