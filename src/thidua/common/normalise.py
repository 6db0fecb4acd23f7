"""Every text a thidua model stores is NFC, whichever way it arrives.

Services normalise their input (``nfc`` for one-line fields, ``nfc_text`` for
paragraphs, ``nfc_data`` for JSON) and forms hand them NFC already
(``StyledFormMixin``); this is the net under both: before any thidua model is saved,
its CharField, TextField and JSONField values are put in NFC (nothing else is
changed, so it is a no-op for text already normalised). ``bulk_create``,
``bulk_update`` and ``QuerySet.update`` bypass it: the services that use them
normalise what they write (tests/common/test_nfc.py).

The audit trail is left alone here: ``log_action`` normalises an entry before hashing
it, and the stored entry must stay exactly what was hashed.
"""

import unicodedata

from django.db import models

from .text import nfc_data

__all__ = ["normalise_instance", "normalise_on_save"]

_SKIP = {"common.activitylog"}


def _is_nfc(value) -> bool:
    if isinstance(value, str):
        return unicodedata.is_normalized("NFC", value)
    if isinstance(value, dict):
        return all(_is_nfc(k) and _is_nfc(v) for k, v in value.items())
    if isinstance(value, list | tuple):
        return all(_is_nfc(v) for v in value)
    return True


def normalise_instance(instance: models.Model) -> None:
    """Put ``instance``'s text and JSON fields in NFC, in place."""
    for field in instance._meta.concrete_fields:
        if not isinstance(
            field, models.CharField | models.TextField | models.JSONField
        ):
            continue
        value = getattr(instance, field.attname)
        if value is None or _is_nfc(value):
            continue
        setattr(instance, field.attname, nfc_data(value))


def normalise_on_save(sender, instance, raw=False, **kwargs) -> None:
    """pre_save receiver for every model of the thidua apps — not Django's, not a
    migration's historical models (fixtures loaded raw are stored as given)."""
    if (
        not raw
        and sender.__module__.startswith("thidua.")
        and sender._meta.label_lower not in _SKIP
    ):
        normalise_instance(instance)
