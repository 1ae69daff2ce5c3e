"""A linear classifier stored as plain JSON, scored with numpy only.

The score of a span is ``sigmoid(w_text · tfidf(terms) + w_dense · standardise(dense) + b)``:

* ``tfidf`` — the span's :func:`~workbench.splitting.features.terms` counted over the stored
  vocabulary, ``1 + log(count)`` when ``sublinear_tf``, times the stored IDF, then divided
  by its Euclidean norm (what scikit-learn's ``TfidfVectorizer`` does, so a model fitted
  there scores the same here);
* ``standardise`` — ``(x - mean) / scale`` with the stored means and scales
  (``StandardScaler``); a missing value (NaN) becomes 0, i.e. the training mean.

``threshold`` is the probability at which the positive class is predicted. :meth:`score`
shifts the probability so that the threshold maps to 0.5 — the number the splitter shows.

No pickle and nothing executable: a model file holds numbers, words and metadata.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from workbench.core.errors import ModelError
from workbench.splitting.features import ALL_DENSE_NAMES, SpanFeatures, terms

FORMAT = "workbench-linear/1"


def _logit(p: float) -> float:
    p = min(max(p, 1e-12), 1 - 1e-12)
    return math.log(p / (1 - p))


def _sigmoid(z: float) -> float:
    if z >= 0:
        return 1.0 / (1.0 + math.exp(-z))
    e = math.exp(z)
    return e / (1.0 + e)


@dataclass
class LinearModel:
    """A logistic-regression model over TF-IDF terms and standardised dense features."""

    task: str
    labels: tuple[str, str]  # (negative, positive)
    intercept: float
    threshold: float = 0.5
    vocabulary: list[str] = field(default_factory=list)
    idf: np.ndarray = field(default_factory=lambda: np.zeros(0))
    term_weights: np.ndarray = field(default_factory=lambda: np.zeros(0))
    ngram: int = 2
    sublinear_tf: bool = True
    dense_names: list[str] = field(default_factory=list)
    dense_mean: np.ndarray = field(default_factory=lambda: np.zeros(0))
    dense_scale: np.ndarray = field(default_factory=lambda: np.ones(0))
    dense_weights: np.ndarray = field(default_factory=lambda: np.zeros(0))
    metadata: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.idf = np.asarray(self.idf, dtype=np.float64)
        self.term_weights = np.asarray(self.term_weights, dtype=np.float64)
        self.dense_mean = np.asarray(self.dense_mean, dtype=np.float64)
        self.dense_scale = np.asarray(self.dense_scale, dtype=np.float64)
        self.dense_weights = np.asarray(self.dense_weights, dtype=np.float64)
        sizes = {len(self.vocabulary), len(self.idf), len(self.term_weights)}
        dense = {len(self.dense_names), len(self.dense_mean), len(self.dense_scale)}
        if len(sizes) != 1 or len(dense | {len(self.dense_weights)}) != 1:
            raise ModelError(f"{self.task} model: feature names, statistics and weights differ")
        unknown = set(self.dense_names) - set(ALL_DENSE_NAMES)
        if unknown:
            raise ModelError(f"{self.task} model: unknown features {sorted(unknown)[:3]}")
        self._index = {term: i for i, term in enumerate(self.vocabulary)}
        position = {name: i for i, name in enumerate(ALL_DENSE_NAMES)}
        self._columns = np.array([position[n] for n in self.dense_names], dtype=np.intp)
        scale = np.where(self.dense_scale == 0, 1.0, self.dense_scale)
        self._folded = self.dense_weights / scale  # weights on raw values
        self._offset = float(self.intercept - self._folded @ self.dense_mean)
        self._shift = _logit(self.threshold)

    @property
    def uses_encoder(self) -> bool:
        """True when the model reads the sentence encoder's embedding."""
        return any(name.startswith("encoder:") for name in self.dense_names)

    # ----------------------------------------------------------------------- scoring

    def text_vector(self, found: SpanFeatures | str) -> tuple[np.ndarray, np.ndarray]:
        """Column indices and TF-IDF values of the known terms (L2-normalised)."""
        words = terms(found, self.ngram) if isinstance(found, str) else found.terms(self.ngram)
        index = self._index
        counts: dict[int, int] = {}
        for term in words:
            col = index.get(term)
            if col is not None:
                counts[col] = counts.get(col, 0) + 1
        if not counts:
            return np.zeros(0, dtype=np.intp), np.zeros(0)
        cols = np.fromiter(counts.keys(), dtype=np.intp, count=len(counts))
        tf = np.fromiter(counts.values(), dtype=np.float64, count=len(counts))
        if self.sublinear_tf:
            tf = 1.0 + np.log(tf)
        values = tf * self.idf[cols]
        norm = math.sqrt(float(values @ values))
        return cols, values / norm if norm else values

    def decision(self, found: SpanFeatures) -> float:
        """The log-odds of the positive class."""
        z = self._offset
        if len(self.vocabulary):
            cols, values = self.text_vector(found)
            z += float(values @ self.term_weights[cols])
        if len(self._columns):
            x = found.dense[self._columns]
            missing = np.isnan(x)
            if missing.any():
                x = np.where(missing, self.dense_mean, x)
            z += float(x @ self._folded)
        return z

    def predict_proba(self, found: SpanFeatures) -> float:
        """The model's probability of the positive class (as scikit-learn's predict_proba)."""
        return _sigmoid(self.decision(found))

    def score(self, found: SpanFeatures) -> float:
        """The probability shifted so that the model's threshold is 0.5."""
        return _sigmoid(self.decision(found) - self._shift)

    # ----------------------------------------------------------------------- storage

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict (floats rounded to 7 significant digits)."""

        def floats(values: np.ndarray) -> list[float]:
            return [float(f"{v:.7g}") for v in np.asarray(values, dtype=np.float64).tolist()]

        return {
            "format": FORMAT,
            "task": self.task,
            "labels": list(self.labels),
            "intercept": float(f"{self.intercept:.10g}"),
            "threshold": float(f"{self.threshold:.6g}"),
            "text": {
                "ngram": self.ngram,
                "sublinear_tf": self.sublinear_tf,
                "norm": "l2",
                "vocabulary": list(self.vocabulary),
                "idf": floats(self.idf),
                "weights": floats(self.term_weights),
            },
            "dense": {
                "names": list(self.dense_names),
                "mean": floats(self.dense_mean),
                "scale": floats(self.dense_scale),
                "weights": floats(self.dense_weights),
            },
            "metadata": self.metadata,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> LinearModel:
        """The model stored by :meth:`to_dict`; ModelError when it is not one."""
        try:
            if data.get("format") != FORMAT:
                raise ModelError(f"not a {FORMAT} model (format {data.get('format')!r})")
            text, dense = data["text"], data["dense"]
            if text.get("norm", "l2") != "l2":
                raise ModelError(f"unsupported text norm {text.get('norm')!r}")
            negative, positive = data["labels"]
            return cls(
                task=str(data["task"]),
                labels=(str(negative), str(positive)),
                intercept=float(data["intercept"]),
                threshold=float(data.get("threshold", 0.5)),
                vocabulary=[str(t) for t in text["vocabulary"]],
                idf=np.array(text["idf"], dtype=np.float64),
                term_weights=np.array(text["weights"], dtype=np.float64),
                ngram=int(text.get("ngram", 2)),
                sublinear_tf=bool(text.get("sublinear_tf", True)),
                dense_names=[str(n) for n in dense["names"]],
                dense_mean=np.array(dense["mean"], dtype=np.float64),
                dense_scale=np.array(dense["scale"], dtype=np.float64),
                dense_weights=np.array(dense["weights"], dtype=np.float64),
                metadata=dict(data.get("metadata", {})),
            )
        except (KeyError, TypeError, ValueError) as err:
            raise ModelError(f"broken model data: {err}") from None

    def save(self, path: Path) -> None:
        """Write the model as compact JSON."""
        path.write_text(
            json.dumps(self.to_dict(), ensure_ascii=False, separators=(",", ":")) + "\n",
            encoding="utf-8",
        )

    @classmethod
    def load(cls, path: Path) -> LinearModel:
        """Read a model written by :meth:`save`."""
        try:
            data = json.loads(Path(path).read_text(encoding="utf-8"))
        except (OSError, ValueError) as err:
            raise ModelError(f"cannot read model {path}: {err}") from None
        if not isinstance(data, dict):
            raise ModelError(f"cannot read model {path}: not a JSON object")
        return cls.from_dict(data)
