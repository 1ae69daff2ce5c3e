"""Choosing a model's settings: F1 at a threshold, prior weights, blocked and
forward-chaining cross-validation, the one-standard-error rule."""

from __future__ import annotations

import itertools
import math
import statistics
from collections.abc import Sequence
from typing import Any

import numpy as np

from workbench.training.fitting import Config, Matrix, fit
from workbench.training.metrics import evaluate

# --------------------------------------------------------------------------- selection


def f1_at(
    y: np.ndarray, p: np.ndarray, threshold: float, weights: np.ndarray | None = None
) -> float:
    """F1 of the positive class at ``threshold`` (weighted counts when ``weights``)."""
    w = np.ones(len(y)) if weights is None else weights
    hit = p >= threshold
    tp = float(w[(y == 1) & hit].sum())
    fp = float(w[(y == 0) & hit].sum())
    fn = float(w[(y == 1) & ~hit].sum())
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def prior_weights(y: np.ndarray, prior: float) -> np.ndarray:
    """Weights that make the positive share of ``y`` equal to ``prior``."""
    share = float(y.mean()) if len(y) else 0.0
    if share in (0.0, 1.0):
        return np.ones(len(y))
    return np.where(y == 1, prior / share, (1 - prior) / (1 - share))


def best_threshold(y: np.ndarray, p: np.ndarray, weights: np.ndarray) -> tuple[float, float]:
    """(threshold, weighted F1) maximising the weighted F1 over thresholds 0.05 … 0.95."""
    best = (0.5, -1.0)
    for step in range(5, 96):
        threshold = step / 100
        score = f1_at(y, p, threshold, weights)
        if score > best[1] + 1e-12:
            best = (threshold, score)
    return best


def macro_f1(y: np.ndarray, p: np.ndarray, threshold: float = 0.5) -> float:
    """Macro-F1 of the two classes."""
    gold = [str(v) for v in y]
    predicted = ["1" if v >= threshold else "0" for v in p]
    return evaluate(gold, predicted, ["0", "1"]).macro_f1


def blocked_cv(data: Matrix, config: Config, *, folds: int = 10) -> tuple[float, list[float]]:
    """Blocked k-fold cross-validation: contiguous blocks of rows, in file order.

    NewsSD lists an article's sentences together, so a shuffled split would put sentences of
    one article on both sides and reward features that recognise the article's topic.
    Returns the macro-F1 (at 0.5) of all held-out predictions and that of each block; a
    block whose training part lacks a class is left out.
    """
    from sklearn.model_selection import KFold

    folds = max(2, min(folds, len(data.y) // 2))
    held: list[np.ndarray] = []
    probs: list[np.ndarray] = []
    per_fold = []
    for a, b in KFold(n_splits=folds, shuffle=False).split(data.dense):
        if len(set(data.y[a].tolist())) < 2:
            continue
        p = fit(data.take(a), config).proba(data.take(b))
        held.append(b)
        probs.append(p)
        per_fold.append(macro_f1(data.y[b], p))
    if not held:
        return 0.0, []
    rows = np.concatenate(held)
    return macro_f1(data.y[rows], np.concatenate(probs)), per_fold


def simplicity(config: Config) -> tuple[Any, ...]:
    """Sort key, simplest first: fewer feature groups, then stronger regularisation (smaller
    C), then smaller block weights."""
    return (
        (config.text_weight > 0) + (config.tensor_weight > 0) + (config.encoder_weight > 0),
        config.C,
        config.text_weight,
        config.tensor_weight,
        config.encoder_weight,
    )


def one_standard_error(results: Sequence[tuple[float, list[float], Config]]) -> int:
    """Index of the simplest configuration whose score is within one standard error (of the
    best one's per-block scores) of the best score."""
    best_score, best_folds, _ = max(results, key=lambda r: r[0])
    se = statistics.stdev(best_folds) / math.sqrt(len(best_folds)) if len(best_folds) > 1 else 0.0
    eligible = [i for i, r in enumerate(results) if r[0] >= best_score - se - 1e-12]
    return min(eligible, key=lambda i: simplicity(results[i][2]))


def id_order(ids: Sequence[str]) -> np.ndarray:
    """Row order by numeric id (file order for rows without one)."""
    keys = [(int(v) if v.strip().isdigit() else math.inf, i) for i, v in enumerate(ids)]
    return np.array([i for _, i in sorted(keys)], dtype=np.intp)


def forward_chaining(
    data: Matrix, config: Config, *, cuts: Sequence[float] = (0.8, 0.9)
) -> tuple[np.ndarray, np.ndarray]:
    """Held-out probabilities of forward-chaining validation: for each cut c, fit on the
    first c of the rows in id order and score the rows up to the next cut (or the end).
    Returns (gold, probabilities) of all held-out rows."""
    order = id_order(data.ids)
    n = len(order)
    bounds = [*(round(c * n) for c in cuts), n]
    gold, probs = [], []
    for start, end in itertools.pairwise(bounds):
        train, held = order[:start], order[start:end]
        if len(held) == 0 or len(set(data.y[train].tolist())) < 2:
            continue
        gold.append(data.y[held])
        probs.append(fit(data.take(train), config).proba(data.take(held)))
    if not gold:
        return np.zeros(0, dtype=int), np.zeros(0)
    return np.concatenate(gold), np.concatenate(probs)
