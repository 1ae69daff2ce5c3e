"""One-word variants among real sentences: which pairs claim matching tells apart.

Splits up to ``--sentences`` distinct sentences of the public training files in
../shared/data (CheckThat! 2024 debates, NewsSD-ENG news), finds every pair of claims whose
normalised wordings differ in exactly one word (blocked by the wording with one word
masked, so it runs in seconds), and prints each pair with what keeps it from being a match
("-" when nothing does: such a pair matches when its wording score reaches the threshold).
These pairs are where a near miss hides best: read the list to judge which differences are
right, and which paraphrases they cost. ``--span 2`` also pairs claims that differ in one
place by up to two words on each side ("went up" / "rose", "put off" / "delayed"), where
phrasal verbs hide; ``--only-same`` prints only the pairs that match: nothing tells them
apart and their wording scores reach the threshold.

    python benchmarks/matching_variants.py [--sentences 12000] [--span 1] [--only-differing]
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict

from matching import crowd_sentences

from workbench.matching import THRESHOLD, differences, score_many, signature
from workbench.splitting import load_nlp
from workbench.splitting.pipeline import drafts_from_doc


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sentences", type=int, default=12_000)
    parser.add_argument("--span", type=int, choices=(1, 2, 3), default=1)
    parser.add_argument("--only-differing", action="store_true")
    parser.add_argument("--only-same", action="store_true")
    args = parser.parse_args()
    sentences = crowd_sentences(args.sentences)
    if not sentences:
        sys.exit("no sentences: ../shared/data is not there")
    nlp = load_nlp()
    signatures = [
        signature(d.claim, d.speaker, d.frame, d.stance)
        for doc in nlp.pipe(sentences, batch_size=64)
        for d in drafts_from_doc(doc)
    ]
    blocks: dict[str, list[int]] = defaultdict(list)
    for k, sig in enumerate(signatures):
        words = sig.text.split()
        if len(words) >= 4:  # shorter ones differ in one word from too much
            for width in range(1, args.span + 1):
                for i in range(len(words) - width + 1):
                    blocks[" ".join([*words[:i], "*", *words[i + width :]])].append(k)
    seen: set[tuple[str, str]] = set()
    told_apart = 0
    for members in blocks.values():
        for x, k in enumerate(members):
            for m in members[x + 1 :]:
                a, b = signatures[k], signatures[m]
                if a.text == b.text or (a.text, b.text) in seen:
                    continue
                seen.add((a.text, b.text))
                found = differences(a, b)
                told_apart += bool(found)
                if args.only_same and (found or score_many([a], [b])[0, 0] < THRESHOLD):
                    continue  # told apart, or worded too far apart to match anyway
                if found or not args.only_differing:
                    print(f"{', '.join(found) or '-':<24} {a.wording}  ||  {b.wording}")
    print(
        f"{len(sentences):,} sentences, {len(signatures):,} claims: {len(seen)} pairs differ in "
        f"one place by up to {args.span} word(s); {told_apart} of them are told apart"
    )


if __name__ == "__main__":
    main()
