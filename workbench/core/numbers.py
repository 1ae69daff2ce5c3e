"""Numbers in the one written form claims are compared by."""

from __future__ import annotations


def number_text(value: float) -> str:
    """``value`` with every significant digit and no exponent below 10**15: "1234567",
    "1200000", "0.5", "40". Two numbers are the same number only when these are equal, so
    "1,234,567" and "1,234,571" never are (a six-digit form made them one)."""
    return f"{value:.15g}"


def canonical_number(text: str) -> str:
    """A number as stored, in the form of :func:`number_text`. Earlier versions wrote six
    significant digits ("1.2e+06", "1.23457e+06"): a value they wrote whole becomes exact
    ("1200000"); one they may have rounded stays as written, equal to no exact number, so
    it is never taken for a neighbour. Anything not a number ("1000s") stays as it is."""
    try:
        value = float(text)
    except ValueError:
        return text
    return text if is_rounded(text) else number_text(value)


def is_rounded(text: str) -> bool:
    """Whether an earlier version may have rounded this number: six significant digits
    and an exponent ("1.23457e+06")."""
    mantissa, exponent, _ = text.lower().partition("e")
    return bool(exponent) and len(mantissa.replace(".", "").lstrip("-0")) >= 6
