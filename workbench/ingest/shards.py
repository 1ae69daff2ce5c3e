"""Deterministic shares of an ingest's inputs, so N machines (or N processes) can each fill
their own database and ``workbench merge`` folds them into what one ingest would have made.

An input's share is decided by a stable key: a URL's canonical form (courlan's
normalisation, without the fragment), a file's path relative to the folder it was found in
(or as given). Every machine that runs the same command over the same inputs agrees on the
shares whatever its working directory; ids are derived from content, so the merged articles
and claims have the ids a single ingest gives them.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import PurePath
from urllib.parse import urldefrag

from workbench.core.errors import InputError

_SHARD_RE = re.compile(r"^\s*(\d{1,6})\s*/\s*(\d{1,6})\s*$")


@dataclass(frozen=True)
class Shard:
    """The ``index``-th (1-based) of ``count`` shares."""

    index: int
    count: int

    @classmethod
    def parse(cls, text: str) -> Shard:
        """``K/N`` with 1 <= K <= N; InputError naming what is wrong otherwise."""
        match = _SHARD_RE.match(text)
        if not match:
            raise InputError(f"--shard takes K/N, for example 2/4 (got '{text}')")
        index, count = int(match.group(1)), int(match.group(2))
        if count < 1 or not 1 <= index <= count:
            raise InputError(f"--shard {text}: K must be between 1 and N")
        return cls(index, count)

    def takes(self, key: str) -> bool:
        """Whether the input with this key is in this share."""
        digest = hashlib.sha256(key.encode("utf-8")).digest()
        return int.from_bytes(digest[:8], "big") % self.count == self.index - 1

    def __str__(self) -> str:
        return f"{self.index}/{self.count}"


def canonical_url(url: str) -> str:
    """The form of a URL that stands for its article: scheme and host lower-case, default
    port, tracking parameters and fragment dropped, query sorted (courlan)."""
    from courlan import normalize_url

    return urldefrag(normalize_url(url.strip())).url


def file_key(path: PurePath, folder: PurePath | None = None) -> str:
    """The shard key of a file (a URL's is its :func:`canonical_url`): its path inside
    ``folder`` when found by walking one, otherwise the path as given, with forward slashes."""
    if folder is not None:
        return path.relative_to(folder).as_posix()
    return path.as_posix()
