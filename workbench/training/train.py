"""Fit the shipped models again from the shared data (``workbench train``). Needs scikit-learn.

Both models are logistic regressions over the features of
:mod:`workbench.splitting.features`: TF-IDF of the words (a block weight scales it against
the rest), the standardised cue counts and measures, and the mean token vector. Everything
is deterministic (fixed seeds, fixed grids, the order of the data files), so running it
again writes the same weights; only the date in the metadata changes.

Subjectivity (NewsSD-ENG): fitted on train + val with balanced class weights (macro-F1
counts both classes alike, and the test file's class mix differs from train's), threshold
0.5. The grid (weight of the words × weight of the token vectors × C) is scored by *blocked*
10-fold cross-validation on train + val in file order: the files list an article's
sentences together, and a shuffled split would reward features that recognise an article's
topic. The differences across the grid are within the noise of 830 sentences, so the
*simplest* configuration within one standard error of the best is kept (fewer feature
groups, then stronger regularisation) — the shipped one reads only the named cues and
measures. The test file is never read.

Check-worthiness (CheckThat! 2024 Task 1 English): fitted on train with balanced class
weights. The sentence ids of the ClaimBuster corpus follow the debates in time, and the
dev-test sentences come from later debates than any in train (ids above train's largest),
while dev is a random sample of train's debates (a random split overrates a model: the
same candidates repeat themselves across a campaign). So the grid and the threshold are
chosen by *forward-chaining* validation: sort train by id, fit on the first 80 % and score
the next 10 %, fit on the first 90 % and score the last 10 %. The threshold maximises F1 on
those held-out scores reweighted to a Yes share of :data:`TARGET_PRIOR` (the share of the
later debates' dev-test, against the 24 % of train and dev). dev is scored once at the end,
as a check. dev-test is never read.
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import math
import statistics
from collections import Counter
from collections.abc import Sequence
from dataclasses import asdict
from pathlib import Path
from typing import Any

from workbench.core.errors import InputError
from workbench.splitting.linear import LinearModel
from workbench.training.datasets import Example, ct24, newssd
from workbench.training.fitting import SEED, Config, Log, featurise, fit, require_sklearn, say
from workbench.training.selection import (
    best_threshold,
    blocked_cv,
    f1_at,
    forward_chaining,
    one_standard_error,
    prior_weights,
)

#: The Yes share the check-worthiness threshold is set for (see the module docstring).
TARGET_PRIOR = 0.34
NEWSSD = "newssd-eng"
CT24 = "ct24-checkworthy"


# --------------------------------------------------------------------------- the two models


SUBJECTIVITY_GRID = tuple(
    Config(C=c, text_weight=w, tensor_weight=t, encoder_weight=e, ngram=1)
    for e in (0.0, 0.5, 1.0, 2.0)
    for w in (0.0, 1.0)
    for t in (0.0, 0.5)
    for c in (0.001, 0.003, 0.01, 0.03, 0.1)
)
CHECKWORTHINESS_GRID = tuple(Config(C=c, text_weight=1.0, ngram=2) for c in (0.5, 1.0, 2.0))


def _file_info(path: Path, examples: Sequence[Example], root: Path) -> dict[str, Any]:
    try:
        name = str(path.relative_to(root))
    except ValueError:
        name = path.name
    return {
        "file": name,
        "sha256": hashlib.sha256(path.read_bytes()).hexdigest(),
        "rows": len(examples),
        "labels": dict(sorted(Counter(e.label for e in examples).items())),
    }


def _base_metadata(task: str, source: str) -> dict[str, Any]:
    from workbench import __version__

    return {
        "task": task,
        "trained": _dt.date.today().isoformat(),
        "workbench": __version__,
        "source": source,
        "spacy_model": "en_core_web_sm 3.8 (doc.tensor of its tok2vec)",
        "features": (
            "workbench.splitting.features: TF-IDF words, cue counts, measures, mean tensor, "
            "sentence embedding (workbench.splitting.encoder: MiniLM-L6 first 3 layers, 8-bit)"
        ),
        "class_weight": "balanced",
        "seed": SEED,
    }


def train_subjectivity(
    data_dir: Path,
    *,
    log: Log = say,
    nlp: Any = None,
    grid: Sequence[Config] = SUBJECTIVITY_GRID,
) -> LinearModel:
    """The subjectivity model (see the module docstring)."""
    folder = data_dir / NEWSSD
    train, val = newssd(folder, "train"), newssd(folder, "val")
    log(f"subjectivity: featurising {len(train)} + {len(val)} NewsSD-ENG sentences (train + val)")
    data = featurise([*train, *val], "subjectivity", nlp=nlp)
    results = []
    for config in grid:
        score, per_fold = blocked_cv(data, config)
        results.append((score, per_fold, config))
        log(
            f"  words x{config.text_weight:<4} token vectors x{config.tensor_weight:<5} "
            f"sentence embedding x{config.encoder_weight:<4} "
            f"C={config.C:<5} blocked-CV macro-F1 {score:.4f}"
        )
    best_score, best_folds, best_config = max(results, key=lambda r: r[0])
    score, per_fold, chosen = results[one_standard_error(results)]
    log(
        f"  best {best_score:.4f}; chosen (simplest within one standard error) {score:.4f}: "
        f"words x{chosen.text_weight}, token vectors x{chosen.tensor_weight}, "
        f"sentence embedding x{chosen.encoder_weight}, C={chosen.C}"
    )
    model = fit(data, chosen)
    metadata = {
        **_base_metadata("subjectivity", "NewsSD-ENG (Antici et al., LREC-COLING 2024), CC BY 4.0"),
        "data": [
            _file_info(folder / "train.csv", train, data_dir),
            _file_info(folder / "val.csv", val, data_dir),
        ],
        "config": asdict(chosen),
        "threshold_rule": "0.5 with balanced class weights",
        "cv": {
            "method": (
                "blocked 10-fold cross-validation on train + val in file order (contiguous "
                "blocks keep an article's sentences together)"
            ),
            "selection": (
                "the simplest configuration within one standard error of the best: fewer "
                "feature groups, then stronger regularisation"
            ),
            "macro_f1": round(score, 4),
            "macro_f1_folds": [round(f, 4) for f in per_fold],
            "best_macro_f1": round(best_score, 4),
            "best_config": asdict(best_config),
            "best_standard_error": round(
                statistics.stdev(best_folds) / math.sqrt(len(best_folds)), 4
            )
            if len(best_folds) > 1
            else None,
            "grid": [{**asdict(c), "macro_f1": round(f, 4)} for f, _, c in results],
        },
    }
    return model.export("subjectivity", threshold=0.5, metadata=metadata)


def train_checkworthiness(
    data_dir: Path,
    *,
    log: Log = say,
    nlp: Any = None,
    grid: Sequence[Config] = CHECKWORTHINESS_GRID,
) -> LinearModel:
    """The check-worthiness model (see the module docstring)."""
    folder = data_dir / CT24
    train, dev = ct24(folder, "train"), ct24(folder, "dev")
    log(f"check-worthiness: featurising {len(train)} + {len(dev)} CT24 sentences (train, dev)")
    data = featurise(train, "checkworthiness", nlp=nlp)
    dev_data = featurise(dev, "checkworthiness", nlp=nlp)
    results = []
    for config in grid:
        gold, probs = forward_chaining(data, config)
        threshold, weighted = best_threshold(gold, probs, prior_weights(gold, TARGET_PRIOR))
        plain = f1_at(gold, probs, threshold)
        results.append((weighted, threshold, plain, config, len(gold)))
        log(
            f"  C={config.C:<4} forward-chaining F1 of Yes {plain:.4f} "
            f"(at a {TARGET_PRIOR:.0%} Yes share {weighted:.4f}) at threshold {threshold:.2f}"
        )
    weighted, threshold, plain, best, held = max(results, key=lambda g: g[0])
    model = fit(data, best)
    dev_probs = model.proba(dev_data)
    dev_f1 = f1_at(dev_data.y, dev_probs, threshold)
    log(f"  dev F1 of Yes at threshold {threshold:.2f}: {dev_f1:.4f}")
    metadata = {
        **_base_metadata(
            "checkworthiness",
            "CheckThat! 2024 Task 1 English (ClaimBuster sentences, CC BY 4.0)",
        ),
        "data": [
            _file_info(folder / "CT24_checkworthy_english_train.tsv", train, data_dir),
            _file_info(folder / "CT24_checkworthy_english_dev.tsv", dev, data_dir),
        ],
        "config": asdict(best),
        "threshold_rule": (
            f"maximises F1 of Yes on forward-chaining held-out scores reweighted to a "
            f"{TARGET_PRIOR:.0%} Yes share"
        ),
        "target_prior": TARGET_PRIOR,
        "cv": {
            "method": (
                "forward-chaining by sentence id on train: fit on the first 80% / 90%, "
                "score the next 10%"
            ),
            "held_out_rows": held,
            "f1_yes": round(plain, 4),
            "f1_yes_at_target_prior": round(weighted, 4),
            "grid": [
                {
                    **asdict(c),
                    "f1_yes_at_target_prior": round(w, 4),
                    "threshold": t,
                    "f1_yes": round(p, 4),
                }
                for w, t, p, c, _ in results
            ],
        },
        "dev": {"rows": len(dev), "f1_yes": round(dev_f1, 4)},
    }
    return model.export("checkworthiness", threshold=threshold, metadata=metadata)


def train_all(
    data_dir: Path | str,
    out_dir: Path | str,
    *,
    log: Log = say,
    grids: dict[str, Sequence[Config]] | None = None,
) -> dict[str, Path]:
    """Train both models from ``data_dir`` and write them into ``out_dir``; returns the paths.

    ``grids`` replaces a model's grid (tests use a small one)."""
    require_sklearn()
    data_dir, out_dir = Path(data_dir), Path(out_dir)
    for sub in (NEWSSD, CT24):
        if not (data_dir / sub).is_dir():
            raise InputError(f"data folder {data_dir / sub} not found (give --data)")
    grids = grids or {}
    models = {
        "subjectivity": train_subjectivity(
            data_dir, log=log, grid=grids.get("subjectivity", SUBJECTIVITY_GRID)
        ),
        "checkworthiness": train_checkworthiness(
            data_dir, log=log, grid=grids.get("checkworthiness", CHECKWORTHINESS_GRID)
        ),
    }
    out_dir.mkdir(parents=True, exist_ok=True)
    written = {}
    for name, model in models.items():
        path = out_dir / f"{name}.json"
        model.save(path)
        written[name] = path
    return written
