"""Start-up and listing time of `workbench claims` on a 10,000-claim database.

Prints each command's median wall time next to `python -c pass`, measured in the
same run, and the ratio between them (this machine is noisy; compare ratios).

    python benchmarks/cli_start.py [--claims 10000] [--repeat 7]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from workbench.articles import make_article, make_claims
from workbench.models import ClaimDraft, Cleaned, Document
from workbench.store import Store

PER_ARTICLE = 100


def build(path: Path, n_claims: int) -> None:
    """A database of synthetic articles, 100 claims each, written through the real Store."""
    with Store(path) as store:
        for a in range(max(1, n_claims // PER_ARTICLE)):
            sentences = [
                f"Delegation {a} reported that {i * 7 + a} tonnes of grain left port {i}."
                for i in range(PER_ARTICLE)
            ]
            text = "\n\n".join(sentences)
            article = make_article(Document(text=text, source=f"bench-{a}.txt"), Cleaned(text))
            drafts, start = [], 0
            for i, sentence in enumerate(sentences):
                start = text.index(sentence, start)
                drafts.append(
                    ClaimDraft(
                        text=sentence,
                        claim=sentence,
                        start=start,
                        end=start + len(sentence),
                        kind="fact" if i % 3 else "opinion",
                        speaker=f"Delegation {a}",
                        cues=("number", "speaker: Delegation"),
                        checkworthiness=(i % 10) / 10,
                    )
                )
            store.add_article(article, make_claims(article, drafts), "bench")


def timed(cmd: list[str], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "bench.db"
        t0 = time.perf_counter()
        build(db, args.claims)
        print(f"built {args.claims} claims in {time.perf_counter() - t0:.1f}s")
        py = sys.executable
        baseline = timed([py, "-c", "pass"], args.repeat)
        print(f"{'python -c pass':42s} {baseline * 1000:8.1f} ms   1.0x")
        for label, extra in (
            ("workbench --version", ["--version"]),
            ("workbench stats", ["stats", "--db", str(db)]),
            ("workbench claims (table)", ["claims", "--db", str(db)]),
            ("workbench claims --format json", ["claims", "--db", str(db), "--format", "json"]),
        ):
            t = timed([py, "-m", "workbench", *extra], args.repeat)
            print(f"{label:42s} {t * 1000:8.1f} ms {t / baseline:6.1f}x")


if __name__ == "__main__":
    main()
