"""Bytes -> text: byte-order marks, UTF-8, Western encodings guessed, binary refused.

French text that is not UTF-8 is almost always cp1252 or latin-1, which a generic detector
confuses with Central European code pages on short texts ("ŕ" for "à"). So Western
encodings are tried first (charset-normalizer restricted to them) and the detector is let
loose only when none of them fits.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass

import charset_normalizer

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_WESTERN = ["cp1252", "latin_1", "iso8859_15"]
_SAMPLE = 8192
_TEXT_CONTROLS = frozenset(b"\t\n\r\f\v\x1b")
_MAX_CONTROL_RATIO = 0.05


class DecodeError(ValueError):
    """Bytes that are not usable text; the message is the reason shown to the user."""


@dataclass(frozen=True, slots=True)
class Decoded:
    text: str
    encoding: str


def binary_reason(data: bytes) -> str | None:
    """Why ``data`` looks like a binary file rather than text, or ``None``."""
    if _bom_encoding(data):
        return None
    sample = data[:_SAMPLE]
    if b"\x00" in sample:
        return "binary file (contains NUL bytes), not text"
    controls = sum(1 for byte in sample if byte < 32 and byte not in _TEXT_CONTROLS)
    if sample and controls / len(sample) > _MAX_CONTROL_RATIO:
        return f"binary file ({controls} control bytes in the first {len(sample)}), not text"
    return None


def decode_bytes(data: bytes) -> Decoded:
    """Decode ``data`` to text, or raise ``DecodeError`` with the reason it is unusable."""
    reason = binary_reason(data)
    if reason:
        raise DecodeError(reason)
    bom = _bom_encoding(data)
    if bom:
        try:
            return Decoded(data.decode(bom), bom)
        except UnicodeDecodeError as err:
            raise DecodeError(f"undecodable: byte-order mark says {bom} but {err}") from None
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    return _guess(data)


def _bom_encoding(data: bytes) -> str | None:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return encoding
    return None


def _guess(data: bytes) -> Decoded:
    best = charset_normalizer.from_bytes(data, cp_isolation=_WESTERN).best()
    if best is None:
        best = charset_normalizer.from_bytes(data).best()
    if best is None:
        raise DecodeError("undecodable: no text encoding fits these bytes")
    encoding = _western_variant(data, best.encoding)
    return Decoded(data.decode(encoding, errors="replace"), encoding)


def _western_variant(data: bytes, encoding: str) -> str:
    """cp1252 rather than latin-1 (its 0x80-0x9F are quotes, not controls); iso8859-15 for €."""
    if encoding not in _WESTERN:
        return encoding
    has_c1 = any(0x80 <= byte <= 0x9F for byte in data)
    if encoding == "latin_1" and has_c1:
        return _decodable_or(data, "cp1252", encoding)
    if not has_c1 and b"\xa4" in data:  # the euro sign of iso8859-15, "¤" elsewhere
        return "iso8859_15"
    return "cp1252" if encoding == "latin_1" else encoding


def _decodable_or(data: bytes, encoding: str, fallback: str) -> str:
    try:
        data.decode(encoding)
    except UnicodeDecodeError:
        return fallback
    return encoding
