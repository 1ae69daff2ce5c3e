"""One model fitted: its settings (Config), the feature matrix and the fitted pipeline."""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from workbench.core.errors import ModelError
from workbench.splitting.features import ALL_DENSE_NAMES, SpanFeatures, terms
from workbench.splitting.linear import LinearModel
from workbench.training.datasets import CLASSES, Example

SEED = 0
SKLEARN_MISSING = "scikit-learn is needed to train: pip install 'workbench[train]'"

Log = Callable[[str], None]


def say(message: str) -> None:
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
