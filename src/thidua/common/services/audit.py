"""The audit trail: append entries to the hash chain, verify it, sign checkpoints."""

import datetime
import hashlib
import hmac
import json
import sys
from dataclasses import dataclass

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import DEFAULT_DB_ALIAS, DatabaseError, models, transaction
from django.utils import timezone

from ..actions import ACTION_LABELS
from ..context import current_request_id
from ..keys import KeyFileError, audit_key, audit_key_id, audit_key_source
from ..models import ActivityLog, AuditCheckpoint, ChainHead
from ..normalise import normalise_instance

__all__ = [
    "ChainReport",
    "ExportError",
    "check_exported",
    "checkpoint_after_migrate",
    "checkpoint_signature",
    "diff",
    "entry_digest",
    "export_checkpoint",
    "latest_checkpoint",
    "log_action",
    "log_actions_bulk",
    "parse_exported",
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
    if isinstance(value, models.Model):  # pragma: no cover (snapshot passes ids)
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


def _check_labelled(action: str) -> None:
    """Under the test settings an audit code without a Vietnamese label is an error, so
    a code built at run time (passed through a helper, which the system check's scan of
    ``log_action`` calls cannot see) is caught by any test that writes it."""
    if settings.THIDUA_STRICT_AUDIT_LABELS and action not in ACTION_LABELS:
        raise LookupError(
            f"audit action {action!r} has no label: register it in the app's actions.py"
        )


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
    _check_labelled(action)
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
    if seq == 1:  # the chain starts: sign it (install), once this commits
        transaction.on_commit(_checkpoint_first_entry, robust=True)
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
    for _obj, action, _agency, _data in entries:
        _check_labelled(action)
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
    if head.seq == 0:  # the chain starts: sign it (install), once this commits
        transaction.on_commit(_checkpoint_first_entry, robust=True)
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
    checkpoints: int = 0
    legacy_checkpoints: int = 0

    @property
    def ok(self) -> bool:
        return self.first_bad_seq is None and not self.problem


CHECKPOINT_FORMAT = "thidua-audit-checkpoint/2"


def _legacy_signature(seq: int, head_hash: str) -> str:
    """Checkpoints written before the dedicated key: HMAC keyed from SECRET_KEY."""
    key = hashlib.sha256(
        ("thidua-audit-checkpoint:" + settings.SECRET_KEY).encode()
    ).digest()
    return hmac.new(key, f"{seq}:{head_hash}".encode(), hashlib.sha256).hexdigest()


def _utc(moment: datetime.datetime) -> str:
    return moment.astimezone(datetime.UTC).isoformat(timespec="microseconds")


def checkpoint_signature(
    key: bytes, seq: int, head_hash: str, created_at: datetime.datetime
) -> str:
    """HMAC-SHA256 over the format, the sequence number, the head and the time."""
    message = f"{CHECKPOINT_FORMAT}|{seq}|{head_hash}|{_utc(created_at)}"
    return hmac.new(key, message.encode(), hashlib.sha256).hexdigest()


def _signed_with(cp: AuditCheckpoint, key: bytes | None) -> str:
    """ "key" (the checkpoint key), "legacy" (SECRET_KEY, older versions) or ""."""
    if key is not None and hmac.compare_digest(
        cp.signature, checkpoint_signature(key, cp.seq, cp.head_hash, cp.created_at)
    ):
        return "key"
    if hmac.compare_digest(cp.signature, _legacy_signature(cp.seq, cp.head_hash)):
        return "legacy"
    return ""


def verify_chain() -> ChainReport:
    """Recompute every hash in ``seq`` order; name the first entry that does not fit.

    Also checks every signed checkpoint against the stored prefix, which is what
    reveals a truncated tail or a chain rewritten from scratch. Checkpoints signed the
    old way (keyed from SECRET_KEY) are accepted only up to the first one signed with
    the checkpoint key: after it, such a signature can only be a forgery.
    """
    prev_hash = GENESIS
    expected_seq = 1
    checked = 0
    hashes: dict[int, str] = {}
    checkpoints = list(AuditCheckpoint.objects.order_by("seq", "id"))
    wanted = {c.seq for c in checkpoints}
    for entry in ActivityLog.objects.order_by("seq").iterator(chunk_size=2000):
        if entry.seq != expected_seq:
            return ChainReport(checked, expected_seq, "missing")
        if entry.prev_hash != prev_hash or _digest_of(entry) != entry.hash:
            return ChainReport(checked, entry.seq, "hash")
        if entry.seq in wanted:
            hashes[entry.seq] = entry.hash
        prev_hash = entry.hash
        expected_seq += 1
        checked += 1
    key = audit_key(create=False) if checkpoints else None
    kinds = [_signed_with(cp, key) for cp in checkpoints]
    keyed = [
        cp.seq for cp, kind in zip(checkpoints, kinds, strict=True) if kind == "key"
    ]
    report = ChainReport(checked, None, "", checkpoints=len(checkpoints))
    for cp, kind in zip(checkpoints, kinds, strict=True):
        if not kind:
            report.problem = f"checkpoint {cp.seq}: signature"
            return report
        if kind == "legacy":
            if keyed and cp.seq > keyed[-1]:
                report.problem = f"checkpoint {cp.seq}: legacy signature after key"
                return report
            report.legacy_checkpoints += 1
        if hashes.get(cp.seq) != cp.head_hash:
            report.first_bad_seq = min(cp.seq, expected_seq)
            report.problem = f"checkpoint {cp.seq}: head"
            return report
    return report


def write_checkpoint() -> AuditCheckpoint | None:
    """Sign the current head with the checkpoint key (run hourly, after migrate and
    after the chain's first entry). Returns None while the chain is empty; the head's
    existing checkpoint when it is already signed with the key (an older one signed
    from SECRET_KEY gets a new one beside it)."""
    with transaction.atomic():
        head = ChainHead.objects.select_for_update().filter(id=1).first()
        if head is None or head.seq == 0:
            return None
        key = audit_key()
        for existing in AuditCheckpoint.objects.filter(seq=head.seq):
            if _signed_with(existing, key) == "key":
                return existing
        created_at = timezone.now().replace(microsecond=0)
        return AuditCheckpoint.objects.create(
            seq=head.seq,
            head_hash=head.hash,
            created_at=created_at,
            signature=checkpoint_signature(key, head.seq, head.hash, created_at),
        )


def latest_checkpoint() -> AuditCheckpoint | None:
    return AuditCheckpoint.objects.order_by("-seq", "-id").first()


def export_checkpoint(cp: AuditCheckpoint) -> str:
    """The checkpoint as a short text an admin prints or stores in a second place;
    ``thidua audit verify --against`` reads it back (``seq`` and ``hash`` suffice)."""
    key = audit_key(create=False)
    local = timezone.localtime(cp.created_at)
    lines = [
        "# thidua — mốc kiểm chứng nhật ký thao tác (audit checkpoint)",
        "# Lưu ở nơi khác máy chủ (in ra giấy, hộp thư, ổ ngoài). Kiểm tra:",
        "#   thidua audit verify --against <tệp này>",
        f"# Thời điểm: {local:%d/%m/%Y %H:%M:%S} ({local:%z})",
        f"format: {CHECKPOINT_FORMAT}",
        f"seq: {cp.seq}",
        f"hash: {cp.head_hash}",
        f"time: {_utc(cp.created_at)}",
        f"hmac: {cp.signature}",
    ]
    if key is not None and _signed_with(cp, key) == "key":
        lines.append(f"key_id: {audit_key_id(key)}")
    return "\n".join(lines) + "\n"


class ExportError(ValueError):
    """The exported checkpoint file cannot be read; the message is for the admin."""


def parse_exported(text: str) -> dict:
    """``{"seq": int, "hash": str, "time": datetime | None, "hmac": str}``."""
    text = text.strip()
    fields: dict[str, str] = {}
    if text.startswith("{"):
        try:
            fields = {k: str(v) for k, v in json.loads(text).items()}
        except (ValueError, AttributeError):
            raise ExportError("Tệp mốc không phải JSON hợp lệ.") from None
    else:
        for line in text.splitlines():
            line = line.strip()
            if not line or line.startswith("#") or ":" not in line:
                continue
            name, value = line.split(":", 1)
            fields[name.strip().lower()] = value.strip()
    try:
        seq = int(fields.get("seq", ""))
    except ValueError:
        raise ExportError("Tệp mốc thiếu số thứ tự (dòng “seq: …”).") from None
    head_hash = fields.get("hash", "").lower()
    if len(head_hash) != 64 or any(c not in "0123456789abcdef" for c in head_hash):
        raise ExportError("Tệp mốc thiếu mã băm 64 ký tự hex (dòng “hash: …”).")
    moment = None
    if fields.get("time"):
        try:
            moment = datetime.datetime.fromisoformat(fields["time"])
        except ValueError:
            raise ExportError("Thời điểm trong tệp mốc không đúng dạng ISO.") from None
    return {
        "seq": seq,
        "hash": head_hash,
        "time": moment,
        "hmac": fields.get("hmac", "").lower(),
    }


def check_exported(exported: dict) -> list[str]:
    """Problems (Vietnamese) between the stored chain and a checkpoint kept elsewhere;
    empty when the chain still holds that exact entry at that place."""
    problems = []
    seq, head_hash = exported["seq"], exported["hash"]
    entry = ActivityLog.objects.filter(seq=seq).only("hash").first()
    if entry is None:
        last = ActivityLog.objects.order_by("-seq").values_list("seq", flat=True)
        problems.append(
            f"Chuỗi không còn mục #{seq} của mốc đã xuất (mục cuối: "
            f"#{last.first() or 0}): nhật ký đã bị cắt bớt."
        )
    elif entry.hash != head_hash:
        problems.append(
            f"Mục #{seq} có mã băm {entry.hash[:16]}… khác mốc đã xuất "
            f"({head_hash[:16]}…): chuỗi đã bị viết lại."
        )
    if exported["hmac"] and exported["time"] is not None:
        key = audit_key(create=False)
        if key is None:
            problems.append(
                f"Không có khóa mốc kiểm chứng ({audit_key_source()}) để kiểm tra HMAC."
            )
        elif not hmac.compare_digest(
            exported["hmac"],
            checkpoint_signature(key, seq, head_hash, exported["time"]),
        ) and not hmac.compare_digest(
            exported["hmac"], _legacy_signature(seq, head_hash)
        ):
            problems.append(
                "HMAC của mốc đã xuất không khớp với khóa mốc kiểm chứng hiện tại: "
                "tệp mốc đã bị sửa, hoặc khóa đã đổi."
            )
    return problems


def checkpoint_after_migrate(sender, using=DEFAULT_DB_ALIAS, **kwargs) -> None:
    """post_migrate: sign the head when an install or an upgrade migrates (nothing
    while the chain is empty). A missing key folder is reported, not fatal."""
    if using != DEFAULT_DB_ALIAS:
        return
    try:
        write_checkpoint()
    except (KeyFileError, DatabaseError) as exc:
        sys.stderr.write(f"Cảnh báo: chưa đóng được mốc nhật ký: {exc}\n")


def _checkpoint_first_entry() -> None:
    write_checkpoint()
