"""Score the splitter's attribution against standoff annotations (``workbench eval attribution``).

A gold folder holds, for each article, ``NAME.txt`` (the text) and ``NAME.ann`` (brat
standoff, offsets into the text)::

    T1	Source 0 21	The interior ministry
    T2	Cue 22 28	denied
    T3	Content 34 73	any protesters had been detained
    E1	Cue:T2 Source:T1 Content:T3

Text-bound annotations of the types ``Source``, ``Cue`` and ``Content`` (a span may be
discontinuous: ``Content 10 40;52 90``) are tied into one attribution by an event line
whose trigger is the cue. See ``docs/annotation.md`` for what counts as an attribution.

Three figures:

* **attribution recall** — the share of gold attributions for which a claim overlaps the
  content and names the right speaker;
* **speaker precision** — of the claims the splitter gives a speaker and that overlap some
  annotated content, the share whose speaker is that content's source;
* **unattributed share** — of the claims lying mostly inside someone's annotated words, the
  share the splitter presents as the article's own (no speaker): the error that misleads a
  reader most.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from workbench.core.errors import InputError
from workbench.core.values import ClaimDraft

_SPANS = re.compile(r"^(\w+) (\d+ \d+(?:;\d+ \d+)*)$")
_WORD = re.compile(r"[^\W_]+", re.UNICODE)
#: Words a speaker phrase may add or drop without naming someone else.
_FILLER = frozenset(
    {"the", "a", "an", "of", "mr", "mrs", "ms", "dr", "his", "her", "its", "their", "s"}
)


@dataclass(frozen=True)
class GoldAttribution:
    """One annotated attribution: who (source), the verb or phrase (cue), what (content)."""

    source: str
    cue: str
    content: tuple[tuple[int, int], ...]  # character ranges in the text


@dataclass(frozen=True)
class GoldArticle:
    name: str
    text: str
    attributions: tuple[GoldAttribution, ...]


@dataclass
class AttributionScores:
    """What ``workbench eval attribution`` prints."""

    articles: int = 0
    gold: int = 0
    found: int = 0
    claims_with_speaker: int = 0
    speaker_right: int = 0
    inside_quoted: int = 0
    unattributed: int = 0
    misses: list[str] = field(default_factory=list)

    @property
    def recall(self) -> float:
        return self.found / self.gold if self.gold else 0.0

    @property
    def speaker_precision(self) -> float:
        return self.speaker_right / self.claims_with_speaker if self.claims_with_speaker else 0.0

    @property
    def unattributed_share(self) -> float:
        return self.unattributed / self.inside_quoted if self.inside_quoted else 0.0

    def to_dict(self) -> dict:
        return {
            "articles": self.articles,
            "attributions": self.gold,
            "attribution_recall": round(self.recall, 4),
            "speaker_precision": round(self.speaker_precision, 4),
            "claims_with_speaker": self.claims_with_speaker,
            "unattributed_share": round(self.unattributed_share, 4),
            "claims_inside_attributed_words": self.inside_quoted,
        }


# -- reading ------------------------------------------------------------------------------------


def read_gold(folder: str | Path) -> list[GoldArticle]:
    """Every ``.ann`` file of ``folder`` with its ``.txt``, in name order."""
    root = Path(folder)
    if not root.is_dir():
        raise InputError(f"{folder}: not a folder of .txt and .ann files")
    articles = [_read_article(ann) for ann in sorted(root.glob("*.ann"))]
    if not articles:
        raise InputError(f"{folder}: no .ann files (brat standoff annotations) found")
    return articles


def _read_article(ann: Path) -> GoldArticle:
    txt = ann.with_suffix(".txt")
    try:
        text = txt.read_text(encoding="utf-8")
        lines = ann.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError as err:
        raise InputError(f"{err.filename}: no such file (each .ann needs its .txt)") from None
    except UnicodeDecodeError:
        raise InputError(f"{ann.stem}: the .txt and .ann files must be UTF-8") from None
    spans: dict[str, tuple[str, tuple[tuple[int, int], ...]]] = {}
    events: list[tuple[int, dict[str, str]]] = []
    for number, line in enumerate(lines, 1):
        if line.startswith("T"):
            spans[line.split("\t", 1)[0]] = _text_bound(ann, number, line, len(text))
        elif line.startswith("E"):
            events.append((number, _event_roles(ann, number, line)))
    attributions = []
    for number, roles in events:
        missing = [r for r in ("Cue", "Source", "Content") if r not in roles]
        if missing or any(roles[r] not in spans for r in roles):
            raise InputError(f"{ann}:{number}: an event needs Cue, Source and Content annotations")
        source, cue = (_span_text(text, spans[roles[r]][1]) for r in ("Source", "Cue"))
        attributions.append(GoldAttribution(source, cue, spans[roles["Content"]][1]))
    return GoldArticle(ann.stem, text, tuple(attributions))


def _text_bound(ann: Path, number: int, line: str, size: int) -> tuple[str, tuple]:
    parts = line.split("\t")
    match = _SPANS.match(parts[1]) if len(parts) >= 2 else None
    if match is None:
        raise InputError(f"{ann}:{number}: not a text-bound annotation 'T1<TAB>Type 0 10'")
    ranges = tuple((int(a), int(b)) for a, b in (p.split() for p in match.group(2).split(";")))
    if any(not 0 <= a <= b <= size for a, b in ranges):
        raise InputError(f"{ann}:{number}: offsets outside the text")
    return match.group(1), ranges


def _event_roles(ann: Path, number: int, line: str) -> dict[str, str]:
    parts = line.split("\t")
    if len(parts) < 2:
        raise InputError(f"{ann}:{number}: not an event line 'E1<TAB>Cue:T2 Source:T1 ...'")
    roles = {}
    for item in parts[1].split():
        role, _, ref = item.partition(":")
        roles[re.sub(r"\d+$", "", role)] = ref
    return roles


def _span_text(text: str, ranges: Sequence[tuple[int, int]]) -> str:
    return " ".join(text[a:b] for a, b in ranges)


# -- scoring ------------------------------------------------------------------------------------


def same_speaker(claimed: str | None, source: str) -> bool:
    """True when the splitter's speaker names the annotated source: their content words
    overlap ("the interior ministry" ~ "Interior Ministry", "Ms Vos" ~ "Irena Vos")."""
    if not claimed:
        return False
    ours = set(_WORD.findall(claimed.lower())) - _FILLER
    theirs = set(_WORD.findall(source.lower())) - _FILLER
    return bool(ours & theirs)


def _overlap(start: int, end: int, ranges: Sequence[tuple[int, int]]) -> int:
    return sum(max(0, min(end, b) - max(start, a)) for a, b in ranges)


def score(
    articles: Sequence[GoldArticle], drafts: Sequence[Sequence[ClaimDraft]]
) -> AttributionScores:
    """Compare the splitter's claims (``drafts``, one list per article) with the gold."""
    scores = AttributionScores(articles=len(articles))
    for article, claims in zip(articles, drafts, strict=True):
        for gold in article.attributions:
            scores.gold += 1
            if any(
                _overlap(c.start, c.end, gold.content) and same_speaker(c.speaker, gold.source)
                for c in claims
            ):
                scores.found += 1
            elif len(scores.misses) < 20:
                scores.misses.append(f"{article.name}: {gold.source} / {gold.cue}")
        for claim in claims:
            touched = [
                g for g in article.attributions if _overlap(claim.start, claim.end, g.content)
            ]
            if claim.speaker is not None and touched:
                scores.claims_with_speaker += 1
                scores.speaker_right += any(same_speaker(claim.speaker, g.source) for g in touched)
            inside = max((_overlap(claim.start, claim.end, g.content) for g in touched), default=0)
            if inside * 2 > claim.end - claim.start:
                scores.inside_quoted += 1
                scores.unattributed += claim.speaker is None
    return scores


def evaluate_attribution(folder: str | Path) -> AttributionScores:
    """Split every gold article (the text as annotated, no boilerplate removed, so offsets
    agree) and score the attribution."""
    from workbench.splitting import split_texts

    articles = read_gold(folder)
    drafts = list(split_texts(a.text for a in articles))
    return score(articles, drafts)


def render_attribution_scores(scores: AttributionScores, folder: str) -> str:
    """The text report of ``workbench eval attribution``."""
    lines = [
        f"attribution on {folder}: {scores.articles} articles, {scores.gold} attributions",
        f"attribution recall   {scores.recall:.3f}  ({scores.found}/{scores.gold}: a claim "
        "overlaps the content and names the source)",
        f"speaker precision    {scores.speaker_precision:.3f}  ({scores.speaker_right}/"
        f"{scores.claims_with_speaker} claims with a speaker inside attributed words)",
        f"unattributed share   {scores.unattributed_share:.3f}  ({scores.unattributed}/"
        f"{scores.inside_quoted} claims inside someone's words given as the article's own)",
    ]
    if scores.misses:
        lines.append("missed (first 20): " + "; ".join(scores.misses))
    return "\n".join(lines) + "\n"
