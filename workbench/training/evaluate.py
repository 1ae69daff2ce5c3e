"""Score a shipped model on a labelled file (``workbench eval``)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from workbench.training.sentences import texts_features

if TYPE_CHECKING:
    from spacy.language import Language

    from workbench.training.metrics import LabelScores


def evaluate_file(
    task: str,
    path: str | Path,
    *,
    text_column: str | None = None,
    label_column: str | None = None,
    nlp: Language | None = None,
) -> tuple[LabelScores, dict[str, Any]]:
    """Score the shipped model for ``task`` on a labelled file.

    ``subjectivity`` compares ``subjective`` with OBJ/SUBJ, ``checkworthiness`` compares
    ``checkworthiness >= 0.5`` with No/Yes. Returns the report and a summary of the run
    (file, number of sentences, the model's training date and threshold).
    """
    from workbench.splitting.models import load_model
    from workbench.training.datasets import CLASSES, load_examples
    from workbench.training.metrics import evaluate

    examples = load_examples(path, task, text_column=text_column, label_column=label_column)
    model = load_model(task)
    negative, positive = CLASSES[task]
    predicted = []
    for found in texts_features([e.text for e in examples], nlp):
        predicted.append(positive if model.score(found) >= 0.5 else negative)
    report = evaluate([e.label for e in examples], predicted, [negative, positive])
    summary = {
        "task": task,
        "file": str(path),
        "sentences": len(examples),
        "model": {
            "trained": model.metadata.get("trained"),
            "threshold": model.threshold,
        },
    }
    return report, summary
