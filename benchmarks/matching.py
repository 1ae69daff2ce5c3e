"""Claim matching: how often it is right, and how fast it is at 100,000 stored claims.

Quality: the labelled claim pairs of ``data/matching-pairs`` (``dev.txt`` unless ``--pairs``
names another file) go through what ingest does (split, store, look up); it prints
precision, recall and the errors of each class of pair. Targets: precision >= 0.98 at
recall >= 0.85, and no match in any near-miss class.

Speed: builds a database of varied synthetic claims, then measures in the same run:
- a single lookup (full-text candidates + rapidfuzz ``process.cdist``), median over many
  queries, next to brute-force ``rapidfuzz.process.extract`` over every stored claim;
- the time ingest spends matching 1,000 new claims (10 articles of 100), next to the
  brute-force estimate for the same work.
- the lookup median at 1,000, 10,000 and the full number of claims, as the database
  grows, with its ratio to the 1,000-claim figure (the cost per claim should stay flat).
Targets: lookup median <= 5 ms at 100,000 claims; matching 1,000 new claims <= 5 s.

    python benchmarks/matching.py [--claims 100000] [--queries 200] [--pairs FILE]
                                  [--only quality|speed]
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
from pathlib import Path

from rapidfuzz import fuzz, process

from workbench import matching
from workbench.core.values import ClaimDraft, Cleaned, Document
from workbench.ingest.articles import make_article, make_claims
from workbench.store import Store

PAIRS = Path(__file__).resolve().parent.parent / "data" / "matching-pairs" / "dev.txt"

PLACES = [
    "Ruritania",
    "Freedonia",
    "Osterlich",
    "Sylvania",
    "Carpania",
    "Grand Fenwick",
    "Latveria",
    "Genovia",
    "Elbonia",
    "Borduria",
    "Syldavia",
    "Kazakhania",
]
THINGS = [
    "tonnes of grain",
    "barrels of oil",
    "artillery shells",
    "tonnes of fertiliser",
    "doses of vaccine",
    "refugees",
    "troops",
    "containers of steel",
    "megawatts of power",
    "tonnes of coal",
    "armoured vehicles",
    "tonnes of wheat",
]
VERBS = ["shipped", "sent", "delivered", "exported", "sold", "transferred", "pledged", "moved"]
WHEN = [
    "in March",
    "last year",
    "since January",
    "on Monday",
    "in 2025",
    "this week",
    "before the summit",
    "after the ceasefire",
    "in the first quarter",
    "by rail",
]
ACTORS = ["the defence ministry", "the port authority", "officials", "the statistics office",
          "customs records", "a spokesman", "the central bank", None, None, None]  # fmt: skip


SYLLABLES = ["ka", "lo", "ri", "ven", "dor", "mi", "sa", "tul", "bre", "nos", "ga", "zir"]


def new_places(rng: random.Random, n: int) -> list[str]:
    """Invented place names: news keeps naming places it has not named before."""
    return ["".join(rng.choice(SYLLABLES) for _ in range(3)).title() for _ in range(n)]


class Names:
    """The places sentences name. Closed: the dozen of PLACES, so at 100,000 claims every
    place is in a twelfth of them (the worst case for blocking). Open: each article adds
    three places of its own and otherwise names earlier ones, the commonest most often, as
    a news archive does."""

    def __init__(self, rng: random.Random, open_vocabulary: bool) -> None:
        self.rng = rng
        self.open = open_vocabulary
        self.pool = list(PLACES)
        self.fresh: list[str] = []

    def next_article(self) -> None:
        if self.open:
            self.fresh = new_places(self.rng, 3)
            self.pool += self.fresh

    def two(self) -> list[str]:
        if not self.open:
            return self.rng.sample(PLACES, 2)
        picks = []
        while len(picks) < 2:
            if self.rng.random() < 0.5 and self.fresh:
                name = self.rng.choice(self.fresh)
            else:  # Zipf-like: early (common) names far more often than late ones
                name = self.pool[min(int(self.rng.paretovariate(1.0)) - 1, len(self.pool) - 1)]
            if name not in picks:
                picks.append(name)
        return picks


NAMES: Names | None = None


def sentence(rng: random.Random) -> tuple[str, str | None]:
    """A claim of who moved what to whom and when; two in five give no count (most claims
    in the news have no number, and those are matched by their words alone)."""
    a, b = NAMES.two() if NAMES is not None else rng.sample(PLACES, 2)
    n = rng.choice([rng.randint(2, 99) * 1000, rng.randint(1, 999), rng.randint(10, 99) * 100])
    count = "" if rng.random() < 0.4 else f"{n:,} "
    text = f"{a} {rng.choice(VERBS)} {count}{rng.choice(THINGS)} to {b} {rng.choice(WHEN)}."
    return text, rng.choice(ACTORS)


def article(index: int, sentences: list[tuple[str, str | None]]):
    text = "\n\n".join(s for s, _ in sentences)
    art = make_article(Document(text=text, source=f"synthetic-{index}"), Cleaned(text))
    drafts, start = [], 0
    for s, speaker in sentences:
        start = text.index(s, start)
        drafts.append(ClaimDraft(s, s, start, start + len(s), "fact", speaker=speaker))
        start += len(s)
    return art, make_claims(art, drafts)


#: (median ms, median candidates) of lookups with numbers, and of lookups without
Timings = tuple[tuple[float, float], tuple[float, float]]


def median_lookup(store: Store, rng: random.Random, stored: list[str], n: int) -> Timings:
    """:func:`lookups` of ``n`` claims, half new sentences and half stored ones."""
    queries = [sentence(rng)[0] for _ in range(n // 2)]
    queries += [rng.choice(stored) for _ in range(n - len(queries))]
    return lookups(store, queries)


def lookups(store: Store, queries: list[str]) -> Timings:
    """Median milliseconds of looking up each of ``queries``, and the median number of
    candidates they scored (what the data makes them compare): for claims with numbers and
    for claims without, apart."""
    spent: dict[bool, list[float]] = {True: [], False: []}
    candidates: dict[bool, list[int]] = {True: [], False: []}
    matching.signature.cache_clear()  # a query asked before is timed as if new
    for q in queries:
        t = time.perf_counter()
        sig = matching.signature(q)
        matching.lookup(store, sig)
        spent[bool(sig.numkey)].append(time.perf_counter() - t)
        found = store.match_candidates(sig.numkey, matching.search_terms(sig))
        candidates[bool(sig.numkey)].append(len(found))
    return tuple(
        (statistics.median(spent[k]) * 1000, statistics.median(candidates[k]))
        for k in (True, False)
    )  # type: ignore[return-value]


SHARED = Path(__file__).resolve().parents[2] / "shared" / "data"
CROWD_FILES = (
    (SHARED / "ct24-checkworthy" / "CT24_checkworthy_english_train.tsv", "\t", "Text"),
    (SHARED / "newssd-eng" / "train.csv", ",", "Sentence"),
)


def crowd_sentences(n: int) -> list[str]:
    """Up to ``n`` distinct sentences of the public training files in ../shared/data
    (none when they are not there)."""
    import csv

    found: dict[str, None] = {}
    for path, delimiter, column in CROWD_FILES:
        if path.exists():
            with path.open(encoding="utf-8", newline="") as fh:
                for row in csv.DictReader(fh, delimiter=delimiter):
                    found[" ".join(row[column].split())] = None
    return [s for s in found if s][:n]


def quality(pairs: Path, crowd: int = 0) -> None:
    """Precision, recall and errors per class on a labelled pairs file; with ``crowd``,
    again with that many real sentences stored beside the pairs' claims."""
    from workbench.training.matching_pairs import evaluate_pairs, read_pairs, render_pair_scores

    print(render_pair_scores(evaluate_pairs(read_pairs(pairs)), str(pairs)), end="")
    if crowd:
        others = crowd_sentences(crowd)
        if not others:
            print(f"(no crowd: the public training files are not in {SHARED})")
            return
        print(f"-- among {len(others):,} real sentences (CT24 and NewsSD-ENG training files)")
        scores = evaluate_pairs(read_pairs(pairs), crowd=others)
        print(render_pair_scores(scores, str(pairs)), end="")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, default=100_000)
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--pairs", type=Path, default=PAIRS)
    parser.add_argument("--only", choices=["quality", "speed"])
    parser.add_argument(
        "--crowd",
        type=int,
        default=0,
        metavar="N",
        help="also score the pairs among N real sentences (public training files, ../shared)",
    )
    parser.add_argument(
        "--vocabulary",
        choices=["closed", "open", "both"],
        default="both",
        help="closed: a dozen place names; open: new names with every article (see Names)",
    )
    args = parser.parse_args()
    if args.only != "speed":
        quality(args.pairs, args.crowd)
    if args.only != "quality":
        for vocabulary in ("closed", "open") if args.vocabulary == "both" else (args.vocabulary,):
            print(f"-- {vocabulary} vocabulary")
            speed(args.claims, args.queries, open_vocabulary=vocabulary == "open")
        if args.crowd:
            speed_on_real_sentences(args.crowd)


def speed_on_real_sentences(n: int) -> None:
    """Lookup times as a database of real sentences grows (the CT24 and NewsSD-ENG training
    files, up to ``n``): 200 are held out as new claims, the rest stored 100 to an article,
    and the median lookup is taken at 1,000, 10,000 and all of them."""
    sentences = crowd_sentences(n)
    if len(sentences) < 2_000:
        print(f"(no real sentences: the public training files are not in {SHARED})")
        return
    rng = random.Random(5)
    rng.shuffle(sentences)
    held, pool = sentences[:200], sentences[200:]
    pool = pool[: len(pool) // 100 * 100]
    print(f"-- {len(pool):,} real sentences (CT24 and NewsSD-ENG training files)")
    growth: list[tuple[int, Timings]] = []
    with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "real.db") as store:
        for start in range(0, len(pool), 100):
            art, made = article(start, [(s, None) for s in pool[start : start + 100]])
            store.add_article(art, made, "bench")
            stored = start + 100
            if stored in (1_000, 10_000, len(pool)):
                queries = held[:100] + rng.sample(pool[:stored], 100)
                growth.append((stored, lookups(store, queries)))
    print_growth(growth, "real sentences")


def print_growth(growth: list[tuple[int, Timings]], unit: str) -> None:
    """The lookup times at each size, with and without numbers, against the first size."""
    for label, k in (("numbers", 0), ("no numbers", 1)):
        base = growth[0][1][k][0]
        for size, timings in growth:
            ms, candidates = timings[k]
            print(
                f"lookup at {size:>7,} {unit}, {label}: {ms:6.2f} ms   "
                f"({ms / base:.1f}x the first; {candidates:.0f} candidates)"
            )


def speed(claims: int, n_queries: int, *, open_vocabulary: bool = False) -> None:
    """Lookup and linking times as the database grows."""
    global NAMES
    rng = random.Random(7)
    NAMES = Names(rng, open_vocabulary)
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "matching.db"
        t0 = time.perf_counter()
        stored: list[str] = []
        checkpoints = sorted({n for n in (1_000, 10_000) if n < claims} | {claims})
        growth: list[tuple[int, Timings]] = []
        with Store(db) as store:
            for a in range(claims // 100):
                NAMES.next_article()
                sentences = [sentence(rng) for _ in range(100)]
                stored += [s for s, _ in sentences]
                art, made = article(a, sentences)
                store.add_article(art, made, "bench")
                if len(stored) in checkpoints:
                    growth.append((len(stored), median_lookup(store, rng, stored, 100)))
            print(f"built {len(stored)} claims in {time.perf_counter() - t0:.1f}s")
            print_growth(growth, "claims")

            queries = [sentence(rng)[0] for _ in range(n_queries // 2)]
            queries += [rng.choice(stored) for _ in range(n_queries - len(queries))]
            ours, brute, unnumbered = [], [], []
            for q in queries:
                t = time.perf_counter()
                sig = matching.signature(q)
                matching.lookup(store, sig)
                ours.append(time.perf_counter() - t)
                if not sig.numkey:
                    unnumbered.append(ours[-1])
            for q in queries[:20]:
                t = time.perf_counter()
                process.extract(q, stored, scorer=fuzz.token_sort_ratio, limit=5, processor=None)
                brute.append(time.perf_counter() - t)
            ours_ms = statistics.median(ours) * 1000
            brute_ms = statistics.median(brute) * 1000
            print(f"lookup, median of {len(ours)}:  {ours_ms:7.2f} ms   (target <= 5 ms)")
            no_numbers_ms = statistics.median(unnumbered) * 1000
            print(f"  of them {len(unnumbered)} without numbers: {no_numbers_ms:7.2f} ms")
            print(
                f"brute-force process.extract: {brute_ms:7.2f} ms   ratio {brute_ms / ours_ms:.1f}x"
            )

            spent = 0.0
            for a in range(10):
                NAMES.next_article()
                art, made = article(10_000 + a, [sentence(rng) for _ in range(100)])
                t = time.perf_counter()
                matching.link_article(store, art.id, made)
                spent += time.perf_counter() - t
                store.add_article(art, made, "bench")
            estimate = brute_ms / 1000 * 1000
            print(f"matching 1,000 new claims:   {spent:7.2f} s    (target <= 5 s)")
            print(
                f"brute force, estimated:      {estimate:7.2f} s    ratio {estimate / spent:.1f}x"
            )


if __name__ == "__main__":
    main()
