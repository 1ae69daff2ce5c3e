"""How the session words things in its messages."""

from __future__ import annotations


def short(text: str, limit: int = 70) -> str:
    """A claim's wording cut for a toast, quoted."""
    return f"“{text if len(text) <= limit else text[: limit - 1] + '…'}”"
