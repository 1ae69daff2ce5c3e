"""Typographic apostrophes, read by the model as the straight ones it was trained on.

The English model tags the "’s" of "That’s" as a verb with the lemma "’" where it tags the
"'s" of "That's" as the verb "be". Of the 111 sentences of NewsSD-ENG's training file that
hold a "’", 45 are parsed otherwise when it is written straight and 15 get another main
verb, most of them the "be" of "it’s" in place of a verb "’". The model therefore reads the
text with each apostrophe between two letters straightened (one character for one, so every
offset holds), and the drafts get their words back as the article writes them.
"""

from __future__ import annotations

import re
from dataclasses import replace

from workbench.core.values import ClaimDraft

#: a right single quotation mark between two letters ("don’t", "it’s"): an apostrophe, not
#: the end of a quotation ("‘off market’ websites")
_APOSTROPHE = re.compile(r"(?<=[^\W\d_])’(?=[^\W\d_])")


def for_model(text: str) -> str:
    """``text`` with its apostrophes between letters straightened; as long as ``text``."""
    return _APOSTROPHE.sub("'", text)


def as_written(draft: ClaimDraft, text: str) -> ClaimDraft:
    """``draft`` (offsets into ``text``) with its verbatim span taken from ``text``; when
    ``text`` writes no straight apostrophe, its stand-alone wording, speaker and entities
    get the typographic ones back too."""
    written = text[draft.start : draft.end]
    if written == draft.text:
        return draft
    if "'" in text:  # both kinds written: which was which is not known
        return replace(draft, text=written)
    return replace(
        draft,
        text=written,
        claim=_typographic(draft.claim),
        speaker=_typographic(draft.speaker) if draft.speaker else draft.speaker,
        entities=tuple(replace(e, text=_typographic(e.text)) for e in draft.entities),
    )


def _typographic(text: str) -> str:
    return text.replace("'", "’")
