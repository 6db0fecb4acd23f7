"""The exchange format, version 1, as a JSON Schema (draft 2020-12).

The copy in ``docs/exchange-v1.schema.json`` is this dictionary written out
(``thidua exchange schema``); a test keeps the two equal.
"""

from thidua.common.awards import AWARD_CODES, AwardType
from thidua.organizations.enums import (
    AgencyLevel,
    EducationLevel,
    Gender,
    PersonCategory,
    TdktBody,
)

__all__ = ["FORMAT", "SCHEMA", "VERSION"]

FORMAT = "thidua.exchange"
VERSION = 1

DATE = {"type": "string", "format": "date", "pattern": r"^\d{4}-\d{2}-\d{2}$"}
OPTIONAL_DATE = {"anyOf": [DATE, {"type": "null"}]}
CODE = {"type": "string", "minLength": 1, "maxLength": 32}
TEXT = {"type": "string", "maxLength": 255}
YEAR = {"type": "integer", "minimum": 1945, "maximum": 2100}


def _object(properties: dict, required: list[str]) -> dict:
    return {
        "type": "object",
        "additionalProperties": False,
        "required": required,
        "properties": properties,
    }


AGENCY = _object(
    {
        "code": CODE,
        "name": {**TEXT, "minLength": 1},
        "short_name": {"type": "string", "maxLength": 120},
        "abbreviation": {"type": "string", "maxLength": 20},
        "level": {"enum": list(AgencyLevel.values)},
        "parent": {"anyOf": [CODE, {"type": "null"}]},
        "is_small_collective": {"type": "boolean"},
        "place_name": {"type": "string", "maxLength": 80},
        "tdkt_body": {"enum": ["", *TdktBody.values]},
    },
    ["code", "name", "level", "parent"],
)

PERSON = _object(
    {
        "cccd": {"type": "string", "pattern": r"^\d{12}$"},
        "full_name": {"type": "string", "minLength": 3, "maxLength": 120},
        "gender": {"enum": list(Gender.values)},
        "birth_date": DATE,
        "ethnicity": {"type": "string", "maxLength": 40},
        "category": {"enum": list(PersonCategory.values)},
        "position": {"type": "string", "maxLength": 120},
        "civil_rank": {"type": "string", "maxLength": 120},
        "is_direct_worker": {"type": "boolean"},
        "recruited_on": OPTIONAL_DATE,
        "education_level": {"enum": ["", *EducationLevel.values]},
        "tdkt_since": OPTIONAL_DATE,
        "unit": CODE,
    },
    ["cccd", "full_name", "gender", "birth_date", "ethnicity", "category", "unit"],
)

AWARD = {
    **_object(
        {
            "person": {
                "anyOf": [{"type": "string", "pattern": r"^\d{12}$"}, {"type": "null"}]
            },
            "agency": {"anyOf": [CODE, {"type": "null"}]},
            "code": {"enum": [code for code, _name in AWARD_CODES]},
            "award_type": {"enum": list(AwardType.values)},
            "year": YEAR,
            "period_from": {"anyOf": [YEAR, {"type": "null"}]},
            "decision_number": {"type": "string", "minLength": 1, "maxLength": 60},
            "decision_date": DATE,
            "decided_by": {**TEXT, "minLength": 1},
            "cash_amount": {"type": "integer", "minimum": 0},
            "revoked": {"type": "boolean"},
            "revoked_reason": {"type": "string"},
            "annulment_decision": {"type": "string", "maxLength": 120},
            "annulled_on": OPTIONAL_DATE,
            "recovery_note": {"type": "string"},
        },
        ["code", "year", "decision_number", "decision_date", "decided_by"],
    ),
    # Exactly one subject: a person (by CCCD) or a collective (by agency code).
    "oneOf": [
        {"required": ["person"], "properties": {"person": {"type": "string"}}},
        {"required": ["agency"], "properties": {"agency": {"type": "string"}}},
    ],
}

DECISION = _object(
    {
        "symbol": {"type": "string", "minLength": 1, "maxLength": 60},
        "issued_on": DATE,
        "issuer": CODE,
        "summary": {"type": "string", "maxLength": 500},
        "signer_title": {"type": "string", "maxLength": 160},
        "signer_name": {"type": "string", "maxLength": 120},
        "pdf_sha256": {"type": "string", "pattern": r"^([0-9a-f]{64})?$"},
        "awardees": {"type": "integer", "minimum": 0},
    },
    ["symbol", "issued_on", "issuer"],
)

SCHEMA = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$id": "https://thidua.example/schemas/exchange-v1.schema.json",
    "title": "thidua — dữ liệu trao đổi (phiên bản 1)",
    "description": "Cơ quan, cá nhân, sổ khen thưởng và quyết định của một cơ quan và các "
    "đơn vị trực thuộc. Khóa tự nhiên: mã cơ quan, số CCCD, (đối tượng, danh hiệu, năm).",
    **_object(
        {
            "format": {"const": FORMAT},
            "version": {"const": VERSION},
            "exported_at": {"type": "string"},
            "root": CODE,
            "agencies": {"type": "array", "items": AGENCY},
            "people": {"type": "array", "items": PERSON},
            "awards": {"type": "array", "items": AWARD},
            "decisions": {"type": "array", "items": DECISION},
        },
        ["format", "version", "root", "agencies", "people", "awards"],
    ),
}
