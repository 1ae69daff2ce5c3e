"""Processor time of each pipeline component, ours against the English model's, in one run.

Steadier than end-to-end wall time on a busy machine: every component runs over the same
Docs in turn (best of three). Prints each workbench component's time, their sum, the
model's sum and the ratio (model + ours) / model.

    python benchmarks/split_components.py [--articles 100]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from split_speed import corpus

from workbench.splitting import load_nlp, split_texts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100)
    args = parser.parse_args()
    texts = corpus(args.articles)
    nlp = load_nlp()
    list(split_texts(texts[:2], nlp))  # warm up
    best: dict[str, float] = {}
    for _ in range(3):
        docs = [nlp.make_doc(t) for t in texts]
        for name, proc in nlp.pipeline:
            t0 = time.process_time()
            docs = list(proc.pipe(docs)) if hasattr(proc, "pipe") else [proc(d) for d in docs]
            best[name] = min(best.get(name, float("inf")), time.process_time() - t0)
    ours = {k: v for k, v in best.items() if k.startswith("workbench_")}
    model = sum(v for k, v in best.items() if k not in ours)
    for name, seconds in ours.items():
        print(f"{name:28s} {seconds:6.2f} s")
    print(f"workbench components {sum(ours.values()):.2f} s, English model {model:.2f} s")
    print(f"ratio (model + ours) / model: {(model + sum(ours.values())) / model:.3f}")


if __name__ == "__main__":
    main()
