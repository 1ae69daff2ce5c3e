"""Which reading of a claim's wording the stored matching keys were made with.

A claim's matching keys (its normalised wording and numbers) depend on the word lists of
``workbench/data/matching.toml`` (synonyms, contrasts, names …) and on how the matcher
reads words. Keys made by another version would miss paraphrases the current one sees, and
miss differences it tells (an opposite listed since). The store records this fingerprint
with the keys and renews every key when a file was keyed otherwise.
"""

from __future__ import annotations

import functools
import hashlib
from importlib.resources import files

#: Raise by one whenever the code that reads a claim's wording for matching changes what
#: it reads (``matching.signature``, ``matching.actors``): the word lists are fingerprinted
#: by their contents, the code only by this number.
KEYS_READING = 11


@functools.cache
def keys_fingerprint() -> str:
    """A short digest of the matching word lists and :data:`KEYS_READING`."""
    lists = files("workbench.data").joinpath("matching.toml").read_bytes()
    return hashlib.sha256(f"{KEYS_READING}:".encode() + lists).hexdigest()[:16]
