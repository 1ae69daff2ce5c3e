"""Score claim matching on labelled pairs (``workbench eval matching``).

A pairs file holds blocks, one per stored claim::

    # b04 2019-01-23-germany-bans-mahan-air-of-iran-citing-security
    = Germany on Monday banned Iranian airline Mahan Air from flying in the European nation.
    paraphrase: On Monday Germany banned the Iranian airline Mahan Air from flying in the country.
    agent: France on Monday banned Iranian airline Mahan Air from flying in the European nation.

Each query is labelled ``paraphrase`` (the same claim: it must match) or with the one thing
it changes — ``agent``, ``patient``, ``swap``, ``date``, ``weekday``, ``place``, ``number``,
``polarity``, ``opposite`` (a word of the other side: rose / fell, won / lost) — or
``unrelated`` (another sentence of the same article): none of these may
match. See ``docs/matching.md`` for the guideline the pairs were written by.

The pairs go through what ingest does: every stored claim is split and stored as its own
article in a fresh database; every query is split and looked up with
:func:`workbench.matching.lookup`. The splitter may cut a sentence into several claims, and
a near miss changes only one of them ("cases did not rise after the president eased the
measures" still holds "the president eased the measures"), so a pair is predicted a match
when *every* claim of the query is matched to a claim of its stored sentence.
"""

from __future__ import annotations

import re
import tempfile
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from workbench.core.errors import InputError

SAME = "paraphrase"
DIFFERENT = (
    "agent", "patient", "swap", "date", "weekday", "place", "number", "polarity", "opposite",
)  # fmt: skip
CLASSES = (SAME, *DIFFERENT, "unrelated")
_QUERY = re.compile(r"^([a-z]+):\s*(.+)$")


@dataclass(frozen=True)
class Pair:
    """A stored claim, a query written against it, and what the query is."""

    block: str
    label: str
    stored: str
    query: str

    @property
    def same(self) -> bool:
        return self.label == SAME


@dataclass(frozen=True)
class Outcome:
    """What matching made of one pair: matched or not, and why (score, what differs)."""

    pair: Pair
    matched: bool
    score: float | None
    differs: tuple[str, ...]


@dataclass
class PairScores:
    outcomes: list[Outcome] = field(default_factory=list)
    crowd: int = 0  # other claims stored beside the pairs' (``evaluate_pairs``)
    lookup_ms: list[float] = field(default_factory=list)  # each lookup's time

    @property
    def true_matches(self) -> int:
        return sum(o.matched and o.pair.same for o in self.outcomes)

    @property
    def false_matches(self) -> int:
        return sum(o.matched and not o.pair.same for o in self.outcomes)

    @property
    def precision(self) -> float:
        found = self.true_matches + self.false_matches
        return self.true_matches / found if found else 1.0

    @property
    def recall(self) -> float:
        same = sum(o.pair.same for o in self.outcomes)
        return self.true_matches / same if same else 0.0

    def errors_by_class(self) -> dict[str, tuple[int, int]]:
        """(errors, pairs) per class: missed paraphrases, or matched pairs of the others."""
        pairs = Counter(o.pair.label for o in self.outcomes)
        wrong = Counter(o.pair.label for o in self.outcomes if o.matched != o.pair.same)
        return {label: (wrong[label], pairs[label]) for label in CLASSES if pairs[label]}

    def to_dict(self) -> dict:
        return {
            "pairs": len(self.outcomes),
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "errors": {
                k: {"errors": e, "pairs": n} for k, (e, n) in self.errors_by_class().items()
            },
        }


def read_pairs(path: str | Path) -> list[Pair]:
    """The pairs of a pairs file; a clear error for a line it cannot read."""
    path = Path(path)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"cannot read pairs file {path}: {exc}") from exc
    pairs: list[Pair] = []
    block, stored = "", None
    for number, line in enumerate(lines, 1):
        line = line.strip()
        if not line:
            continue
        if line.startswith("#"):
            block, stored = line[1:].split()[0] if line[1:].strip() else "", None
            continue
        if line.startswith("="):
            stored = line[1:].strip()
            continue
        match = _QUERY.match(line)
        if match is None or match.group(1) not in CLASSES or stored is None:
            raise InputError(f"{path}:{number}: expected '= claim' or 'CLASS: query', got {line!r}")
        pairs.append(Pair(block or f"line{number}", match.group(1), stored, match.group(2)))
    if not pairs:
        raise InputError(f"{path} holds no pairs")
    return pairs


def evaluate_pairs(pairs: Sequence[Pair], crowd: Sequence[str] = ()) -> PairScores:
    """Store every stored claim, look every query up, and compare with the labels.

    ``crowd``: other sentences stored first, a claim each (not split: only their wording
    counts), so that the pairs' claims are found among many that share their words, as in
    an archive, rather than in a database of their own."""
    import time

    from workbench import matching
    from workbench.core.values import Document
    from workbench.ingest.articles import prepare
    from workbench.splitting import split_texts
    from workbench.store import Store

    stored = list(dict.fromkeys(p.stored for p in pairs))
    scores = PairScores(crowd=len(crowd))
    with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "pairs.db") as store:
        for start in range(0, len(crowd), 100):
            store.add_article(*_crowd_article(crowd[start : start + 100], start), "eval")
        ids: dict[str, set[str]] = {}
        items = prepare([Document(text=s, source=f"stored-{i}.txt") for i, s in enumerate(stored)])
        for sentence, item in zip(stored, items, strict=True):
            store.add_article(item.article, item.claims, "eval")
            ids[sentence] = {c.id for c in item.claims}
        for pair, drafts in zip(pairs, split_texts(p.query for p in pairs), strict=True):
            matched, best, differs = bool(drafts), None, ()
            for draft in drafts:
                sig = matching.signature(draft.claim, draft.speaker, draft.frame, draft.stance)
                started = time.perf_counter()
                found = matching.lookup(store, sig, limit=5)
                scores.lookup_ms.append((time.perf_counter() - started) * 1000)
                matched = matched and any(cid in ids[pair.stored] for cid, _ in found)
                for found_ in matching.related(store, sig, floor=0.0):
                    if found_.claim_id in ids[pair.stored] and (
                        best is None or found_.score > best
                    ):
                        best, differs = found_.score, found_.differs
            scores.outcomes.append(Outcome(pair, matched, best, differs))
    return scores


def _crowd_article(sentences: Sequence[str], start: int) -> tuple:
    """An article of ``sentences``, a claim each, made without the NLP model."""
    from workbench.core.values import ClaimDraft, Cleaned, Document
    from workbench.ingest.articles import make_article, make_claims

    text = "\n\n".join(sentences)
    article = make_article(Document(text=text, source=f"crowd-{start}.txt"), Cleaned(text))
    drafts, at = [], 0
    for sentence in sentences:
        at = text.index(sentence, at)
        drafts.append(ClaimDraft(sentence, sentence, at, at + len(sentence), "fact"))
        at += len(sentence)
    return article, make_claims(article, drafts)


def render_pair_scores(scores: PairScores, source: str) -> str:
    """The text report: precision, recall, errors per class, and the pairs it got wrong."""
    crowd = f", among {scores.crowd:,} other claims" if scores.crowd else ""
    lines = [
        f"matching on {source}: {len(scores.outcomes)} pairs{crowd}",
        f"precision  {scores.precision:.3f}  ({scores.true_matches} of "
        f"{scores.true_matches + scores.false_matches} matches are the same claim)",
        f"recall     {scores.recall:.3f}  ({scores.true_matches} of "
        f"{sum(o.pair.same for o in scores.outcomes)} paraphrases matched)",
        "errors by class (missed paraphrases; matches of every other class):",
    ]
    for label, (wrong, total) in scores.errors_by_class().items():
        lines.append(f"  {label:<11} {wrong:>3} of {total:>3}")
    if scores.crowd and scores.lookup_ms:
        median = sorted(scores.lookup_ms)[len(scores.lookup_ms) // 2]
        lines.append(f"lookup median {median:.2f} ms, slowest {max(scores.lookup_ms):.2f} ms")
    wrong = [o for o in scores.outcomes if o.matched != o.pair.same]
    if wrong:
        lines.append("wrong:")
    for o in wrong:
        why = f"score {o.score:.1f}" if o.score is not None else "no candidate"
        if o.differs:
            why += ", differs in: " + ", ".join(o.differs)
        lines.append(f"  {o.pair.block} {o.pair.label}: {o.pair.query}  [{why}]")
    return "\n".join(lines) + "\n"
