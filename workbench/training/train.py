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
import functools
import hashlib
import itertools
import math
import statistics
import sys
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import numpy as np

from workbench.core.errors import InputError, ModelError
from workbench.splitting.features import ALL_DENSE_NAMES, SpanFeatures, terms
from workbench.splitting.linear import LinearModel
from workbench.training.datasets import CLASSES, Example, ct24, newssd
from workbench.training.metrics import evaluate

SEED = 0
#: The Yes share the check-worthiness threshold is set for (see the module docstring).
TARGET_PRIOR = 0.34
NEWSSD = "newssd-eng"
CT24 = "ct24-checkworthy"
SKLEARN_MISSING = "scikit-learn is needed to train: pip install 'workbench[train]'"

Log = Callable[[str], None]


def _stderr(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def require_sklearn() -> None:
    """Raise ModelError with the install hint when scikit-learn is missing."""
    try:
        import sklearn  # noqa: F401
    except ImportError:
        raise ModelError(SKLEARN_MISSING) from None


@dataclass(frozen=True)
class Config:
    """One point of the grid."""

    C: float
    text_weight: float = 1.0  # 0 drops the words
    tensor_weight: float = 1.0  # weight of the token-vector block against the cues'
    encoder_weight: float = 0.0  # weight of the sentence-embedding block (0 leaves it out)
    ngram: int = 1
    min_df: int = 2


@dataclass
class Matrix:
    """Featurised examples: content texts, dense features, labels (1 = positive), ids."""

    texts: list[str]
    dense: np.ndarray
    y: np.ndarray
    ids: list[str]

    def take(self, rows: Sequence[int] | np.ndarray) -> Matrix:
        rows = np.asarray(rows, dtype=np.intp)
        return Matrix(
            [self.texts[i] for i in rows],
            self.dense[rows],
            self.y[rows],
            [self.ids[i] for i in rows],
        )


def featurise(examples: Sequence[Example], task: str, *, nlp: Any = None) -> Matrix:
    """Parse the sentences and compute their features (as ``classify`` does)."""
    from workbench.training.sentences import texts_features

    positive = CLASSES[task][1]
    found: list[SpanFeatures] = list(
        texts_features([e.text for e in examples], nlp, batch_size=256)
    )
    dense = np.stack([f.dense for f in found]) if found else np.zeros((0, len(ALL_DENSE_NAMES)))
    return Matrix(
        [f.text for f in found],
        dense,
        np.array([e.label == positive for e in examples], dtype=int),
        [e.id for e in examples],
    )


# --------------------------------------------------------------------------- fitting


@dataclass
class Fitted:
    """A fitted model with the scikit-learn parts needed to score matrices quickly."""

    config: Config
    vectorizer: Any  # TfidfVectorizer | None
    mean: np.ndarray
    scale: np.ndarray
    classifier: Any  # LogisticRegression

    def design(self, data: Matrix) -> Any:
        """The design matrix of ``data`` (sparse)."""
        from scipy import sparse

        dense = np.where(np.isnan(data.dense), self.mean, data.dense)
        blocks = [sparse.csr_matrix((dense - self.mean) / self.scale * self.block_weights())]
        if self.vectorizer is not None:
            blocks.insert(0, self.vectorizer.transform(data.texts) * self.config.text_weight)
        return sparse.hstack(blocks).tocsr()

    def block_weights(self) -> np.ndarray:
        """The weight of each dense column: 1 for cues and measures, the tensor weight for
        the token vectors."""
        return np.array([self._block_weight(n) for n in ALL_DENSE_NAMES])

    def _block_weight(self, name: str) -> float:
        if name.startswith("tensor:"):
            return self.config.tensor_weight
        if name.startswith("encoder:"):
            return self.config.encoder_weight
        return 1.0

    def proba(self, data: Matrix) -> np.ndarray:
        """Probabilities of the positive class."""
        return self.classifier.predict_proba(self.design(data))[:, 1]

    def export(self, task: str, *, threshold: float, metadata: dict[str, Any]) -> LinearModel:
        """The JSON-storable :class:`LinearModel` equal to this fit."""
        coef = self.classifier.coef_[0]
        n_terms = 0
        vocabulary: list[str] = []
        idf = np.zeros(0)
        if self.vectorizer is not None:
            order = sorted(self.vectorizer.vocabulary_.items(), key=lambda kv: kv[1])
            vocabulary = [term for term, _ in order]
            idf = self.vectorizer.idf_
            n_terms = len(vocabulary)
        keep = self.block_weights() > 0  # a block weighted 0 is left out of the file
        return LinearModel(
            task=task,
            labels=CLASSES[task],
            intercept=float(self.classifier.intercept_[0]),
            threshold=threshold,
            vocabulary=vocabulary,
            idf=idf,
            term_weights=coef[:n_terms] * self.config.text_weight,
            ngram=self.config.ngram,
            sublinear_tf=True,
            dense_names=[n for n, k in zip(ALL_DENSE_NAMES, keep, strict=True) if k],
            dense_mean=self.mean[keep],
            dense_scale=self.scale[keep],
            dense_weights=(coef[n_terms:] * self.block_weights())[keep],
            metadata=metadata,
        )


def fit(data: Matrix, config: Config) -> Fitted:
    """Fit one model with balanced class weights."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    with np.errstate(all="ignore"):
        mean = np.nanmean(data.dense, axis=0) if len(data.dense) else np.zeros(data.dense.shape[1])
    mean = np.where(np.isnan(mean), 0.0, mean)
    filled = np.where(np.isnan(data.dense), mean, data.dense)
    scale = filled.std(axis=0)
    scale = np.where(scale > 0, scale, 1.0)  # as StandardScaler does for constant columns
    vectorizer = None
    if config.text_weight > 0:
        vectorizer = TfidfVectorizer(
            analyzer=functools.partial(terms, ngram=config.ngram),
            sublinear_tf=True,
            min_df=config.min_df,
        )
        try:
            vectorizer.fit(data.texts)
        except ValueError:  # no term reaches min_df (tiny data): words are left out
            vectorizer = None
    classifier = LogisticRegression(
        C=config.C, class_weight="balanced", max_iter=5000, random_state=SEED
    )
    fitted = Fitted(config, vectorizer, mean, scale, classifier)
    classifier.fit(fitted.design(data), data.y)
    return fitted


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
    log: Log = _stderr,
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
    log: Log = _stderr,
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
    log: Log = _stderr,
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
