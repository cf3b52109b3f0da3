"""The JSON Schema of ``dossier.json`` (../shared/dossier-contract.md, schema version 1).

Required fields are those of the contract; extra fields are allowed (the project may add
fields without raising ``schema_version``, never rename or drop these).
"""

from __future__ import annotations

from typing import Any

from recoupe import SCHEMA_VERSION


def _obj(properties: dict[str, Any], required: list[str] | None = None) -> dict[str, Any]:
    return {
        "type": "object",
        "properties": properties,
        "required": list(properties) if required is None else required,
    }


def _array(items: dict[str, Any]) -> dict[str, Any]:
    return {"type": "array", "items": items}


def _enum(*values: str | None) -> dict[str, Any]:
    return {"enum": list(values)}


_STR: dict[str, Any] = {"type": "string"}
_OPT_STR: dict[str, Any] = {"type": ["string", "null"]}
_INT: dict[str, Any] = {"type": "integer", "minimum": 0}
_NUM: dict[str, Any] = {"type": "number"}
_OPT_NUM: dict[str, Any] = {"type": ["number", "null"]}
_ID_REF: dict[str, Any] = {"type": "string", "minLength": 1}

_SPAN: dict[str, Any] = {"doc": _ID_REF, "start": _INT, "end": _INT}
_SPAN_TEXT: dict[str, Any] = {**_SPAN, "text": _STR}
_SOURCE = _obj(dict(_SPAN))

_DOC_DATE = _obj(
    {
        "value": _OPT_STR,
        "precision": _enum("day", "month", "year", None),
        "provenance": _enum("metadata", "inferred", "unknown"),
        "earliest": _OPT_STR,
        "latest": _OPT_STR,
        "confidence": {"type": "number", "minimum": 0, "maximum": 1},
        "evidence": _array(_STR),
    }
)

_DOCUMENT = _obj(
    {
        "id": _ID_REF,
        "path": _STR,
        "title": _OPT_STR,
        "source": _OPT_STR,
        "url": _OPT_STR,
        "language": _STR,
        "date": _DOC_DATE,
        "duplicate_of": _OPT_STR,
        "removed": _array(_obj({"text": _STR, "reason": _STR})),
        "text": _STR,
    }
)

_ENTITY = _obj(
    {
        "id": _ID_REF,
        "name": _STR,
        "type": _enum("PER", "ORG", "LOC", "MISC"),
        "aliases": _array(_STR),
        "mentions": _array(_obj({**_SPAN_TEXT, "metonymy": {"type": "boolean"}})),
    }
)

_TIMEX = _obj(
    {
        **_SPAN_TEXT,
        "type": _enum("DATE", "TIME", "DURATION", "SET"),
        "value": _STR,
        "mod": _OPT_STR,
    }
)

QUALIFIERS = ("exact", "approx", "more_than", "less_than", "at_least", "at_most", "range", "vague")

_QUANTITY = _obj(
    {
        **_SPAN_TEXT,
        "value": _NUM,
        "low": _OPT_NUM,
        "high": _OPT_NUM,
        "qualifier": _enum(*QUALIFIERS),
        "unit": _STR,
        "entities": _array(_ID_REF),
        "attributed_to": _OPT_STR,
    }
)

_QUOTE = _obj(
    {
        **_SPAN_TEXT,
        "kind": _enum("direct", "indirect"),
        "cue": _OPT_STR,
        "speaker": _obj({"text": _OPT_STR, "entity": _OPT_STR}),
    }
)

_FACT = _obj(
    {
        "id": _ID_REF,
        "label": _STR,
        "unit": _STR,
        "observations": _array(
            _obj(
                {
                    **_SPAN,
                    "value": _NUM,
                    "qualifier": _enum(*QUALIFIERS),
                    "as_of": _OPT_STR,
                    # who gives the figure (added in 0.1.6, absent from older dossiers)
                    "source": {
                        "anyOf": [
                            {"type": "null"},
                            _obj({"text": _STR, "entity": _OPT_STR}),
                        ]
                    },
                },
                required=[*_SPAN, "value", "qualifier", "as_of"],
            )
        ),
        "status": _enum("single", "agree", "update", "conflict"),
    }
)

_TIMELINE_ENTRY = _obj(
    {
        "id": _ID_REF,
        "date": _obj({"value": {"type": "string", "minLength": 1}, "precision": _STR}),
        "headline": _STR,
        "text": _STR,
        "sources": _array(_SOURCE),
        "entities": _array(_ID_REF),
    }
)


def dossier_json_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) that every ``dossier.json`` validates against."""
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"https://recoupe.invalid/dossier-{SCHEMA_VERSION}.schema.json",
        "title": "recoupe dossier",
        "description": "A traceable dossier built from news articles (schema version 1).",
        **_obj(
            {
                "schema_version": {"const": SCHEMA_VERSION},
                "documents": _array(_DOCUMENT),
                "skipped": _array(_obj({"path": _STR, "reason": _STR})),
                "entities": _array(_ENTITY),
                "timexes": _array(_TIMEX),
                "quantities": _array(_QUANTITY),
                "quotes": _array(_QUOTE),
                "facts": _array(_FACT),
                "timeline": _array(_TIMELINE_ENTRY),
                "summary": _array(_obj({"text": _STR, "sources": _array(_SOURCE)})),
            }
        ),
    }
