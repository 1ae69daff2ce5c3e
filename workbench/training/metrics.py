"""Precision, recall, F1 per class, macro-F1 and the confusion matrix. Pure Python."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class ClassScores:
    """Scores of one class."""

    label: str
    precision: float
    recall: float
    f1: float
    support: int  # gold items of this class


@dataclass(frozen=True)
class LabelScores:
    """Everything ``workbench eval`` prints."""

    labels: tuple[str, ...]
    classes: tuple[ClassScores, ...]
    macro_f1: float
    accuracy: float
    #: confusion[i][j]: items of gold class labels[i] predicted as labels[j]
    confusion: tuple[tuple[int, ...], ...]

    def scores(self, label: str) -> ClassScores:
        """The scores of class ``label``."""
        return next(c for c in self.classes if c.label == label)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form (figures rounded to 4 decimals)."""
        return {
            "labels": list(self.labels),
            "classes": {
                c.label: {
                    "precision": round(c.precision, 4),
                    "recall": round(c.recall, 4),
                    "f1": round(c.f1, 4),
                    "support": c.support,
                }
                for c in self.classes
            },
            "macro_f1": round(self.macro_f1, 4),
            "accuracy": round(self.accuracy, 4),
            "confusion": {
                "rows": "gold",
                "columns": "predicted",
                "matrix": [list(row) for row in self.confusion],
            },
        }


def _ratio(a: float, b: float) -> float:
    return a / b if b else 0.0


def evaluate(gold: Sequence[str], predicted: Sequence[str], labels: Sequence[str]) -> LabelScores:
    """Scores of ``predicted`` against ``gold``; ``labels`` fixes the order of the classes.

    A class never predicted has precision 0, a class absent from gold has recall 0, and F1
    is 0 when precision and recall are both 0 (scikit-learn's ``zero_division=0``).
    """
    if len(gold) != len(predicted):
        raise ValueError(f"{len(gold)} gold labels but {len(predicted)} predictions")
    position = {label: i for i, label in enumerate(labels)}
    matrix = [[0] * len(labels) for _ in labels]
    for g, p in zip(gold, predicted, strict=True):
        matrix[position[g]][position[p]] += 1
    classes = []
    for i, label in enumerate(labels):
        tp = matrix[i][i]
        predicted_i = sum(row[i] for row in matrix)
        support = sum(matrix[i])
        precision = _ratio(tp, predicted_i)
        recall = _ratio(tp, support)
        f1 = _ratio(2 * precision * recall, precision + recall)
        classes.append(ClassScores(label, precision, recall, f1, support))
    correct = sum(matrix[i][i] for i in range(len(labels)))
    return LabelScores(
        labels=tuple(labels),
        classes=tuple(classes),
        macro_f1=sum(c.f1 for c in classes) / len(classes) if classes else 0.0,
        accuracy=_ratio(correct, len(gold)),
        confusion=tuple(tuple(row) for row in matrix),
    )


def render_scores(report: LabelScores, *, title: str = "", highlight: str | None = None) -> str:
    """A plain-text table of ``report``; ``highlight`` names the class whose F1 leads."""
    lines = [title] if title else []
    if highlight is not None:
        lines.append(f"F1 of {highlight}: {report.scores(highlight).f1:.4f}")
    lines.append(f"macro-F1: {report.macro_f1:.4f}   accuracy: {report.accuracy:.4f}")
    width = max(len("class"), *(len(c) for c in report.labels))
    lines.append("")
    lines.append(f"{'class':<{width}}  precision  recall      f1  support")
    for c in report.classes:
        lines.append(
            f"{c.label:<{width}}  {c.precision:9.4f}  {c.recall:6.4f}  {c.f1:6.4f}  {c.support:7d}"
        )
    lines.append("")
    lines.append("confusion (rows: gold, columns: predicted)")
    cell = max(6, width, *(len(str(n)) for row in report.confusion for n in row))
    lines.append(" " * (width + 2) + "  ".join(f"{label:>{cell}}" for label in report.labels))
    for label, row in zip(report.labels, report.confusion, strict=True):
        lines.append(f"{label:<{width}}  " + "  ".join(f"{n:>{cell}}" for n in row))
    return "\n".join(lines) + "\n"
