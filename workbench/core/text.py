"""Small helpers for the sentences commands print."""

from __future__ import annotations


def counted(n: int, noun: str, plural: str | None = None) -> str:
    """``1 feed``, ``3 feeds``, ``1 entry``/``2 entries`` (give ``plural`` when not +s)."""
    return f"{n} {noun if n == 1 else plural or noun + 's'}"
