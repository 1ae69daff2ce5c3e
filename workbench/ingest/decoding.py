"""Bytes of an article to text: byte-order marks, UTF-8, a declared charset, then
charset-normalizer's guess (Cyrillic, Greek, East Asian …) and Windows-1252 last; binary data
is refused with a one-line error."""

from __future__ import annotations

import codecs
import contextlib
import re
import unicodedata
from collections.abc import Iterator

from workbench.core.errors import InputError

# Share of control characters above which decoded text is treated as binary.
_CONTROL_SHARE = 0.02

# How much of an undeclared, non-UTF-8 file charset-normalizer reads to guess its encoding.
_SNIFF_BYTES = 256 * 1024
# Fewer bytes outside ASCII than this (in the first 4 KB) and no encoding is guessed.
_GUESS_FROM = 16
# How much messier than the best guess Windows-1252 may read and still be preferred.
_LATIN_TOLERANCE = 0.05

_META_CHARSET_RE = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)


def declared_charset(data: bytes) -> str | None:
    match = _META_CHARSET_RE.search(data[:4096])
    return match.group(1).decode("ascii") if match else None


def decode(data: bytes, source: str, *, charset: str | None = None) -> str:
    """Decode raw bytes to text with ``\\n`` newlines; raise InputError for binary/empty data.

    Order: a byte-order mark (UTF-8, UTF-16, UTF-32) wins; then strict UTF-8; then the
    ``charset`` declared by the server or page, if any; then charset-normalizer's guess;
    then Windows-1252 when the bytes decode cleanly as such.
    """
    name = "standard input" if source == "-" else source
    text: str | None = None
    boms = (
        (codecs.BOM_UTF32_LE, "utf-32"),
        (codecs.BOM_UTF32_BE, "utf-32"),
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    )
    for bom, codec in boms:
        if data.startswith(bom):
            try:
                text = data.decode(codec)
            except UnicodeDecodeError:
                raise InputError(
                    f"{name} starts with a {codec.upper().removesuffix('-SIG')} byte-order mark "
                    "but is not valid in that encoding"
                ) from None
            break
    if text is None and charset and _is_wide(charset):
        with contextlib.suppress(UnicodeDecodeError, LookupError):
            text = data.decode(charset)
    if text is None:
        if b"\x00" in data:
            raise InputError(f"{name} looks like a binary file, not an article")
        text = _decode_unmarked(data, charset)
        if text is None:
            raise InputError(
                f"{name} is not valid UTF-8 or Windows-1252 text; save it as UTF-8 and try again"
            )
    text = text.lstrip("\ufeff")
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n")
    text = text.replace("\u2029", "\n\n")
    if _looks_binary(text):
        raise InputError(f"{name} looks like a binary file, not an article")
    if not text.strip():
        raise InputError(f"{name} is empty")
    return text


def _is_wide(charset: str) -> bool:
    try:
        return codecs.lookup(charset).name.startswith(("utf-16", "utf-32"))
    except LookupError:
        return False


def _decode_unmarked(data: bytes, charset: str | None) -> str | None:
    for codec in _candidates(data, charset):
        try:
            return data.decode(codec)
        except (UnicodeDecodeError, LookupError):
            continue
    return None


def _candidates(data: bytes, charset: str | None) -> Iterator[str]:
    """Encodings to try, in order. Lazy: the slow guess is made only when UTF-8 and the
    declared charset have both failed."""
    yield "utf-8"
    if charset:
        yield charset
    guess = _guess(data[:_SNIFF_BYTES])
    if guess is not None:
        yield guess
    yield "cp1252"


def _guess(data: bytes) -> str | None:
    """charset-normalizer's best encoding for ``data``; Windows-1252 when it reads about as
    cleanly, since a short Western text is ambiguous between the Latin code pages."""
    if sum(b > 0x7F for b in data[:4096]) < _GUESS_FROM:
        return None  # too few letters outside ASCII for any guess to mean something
    import charset_normalizer  # only for the rare file that needs a guess

    matches = list(charset_normalizer.from_bytes(data))
    if not matches:
        return None
    best = matches[0]
    for match in matches:
        if match.encoding == "cp1252" and match.chaos <= best.chaos + _LATIN_TOLERANCE:
            return "cp1252"
    return best.encoding


def _looks_binary(text: str) -> bool:
    if "\x00" in text:
        return True
    sample = text[:65536]
    if not sample:
        return False
    controls = sum(1 for ch in sample if ch not in "\n\t\f\v" and unicodedata.category(ch) == "Cc")
    return controls > 0 and controls / len(sample) > _CONTROL_SHARE


def source_name(source: str) -> str:
    """How a source is named in messages: "-" is standard input."""
    return "standard input" if source == "-" else source
