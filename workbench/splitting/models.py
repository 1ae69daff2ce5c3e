"""Learned scores for the splitter: subjectivity and check-worthiness.

Two logistic-regression models ship as JSON in ``workbench/data/models/``:

* ``subjectivity.json`` — trained on NewsSD-ENG (train + val): does a sentence carry the
  writer's own opinion?
* ``checkworthiness.json`` — trained on CheckThat! 2024 Task 1 English (ClaimBuster): is it
  a factual claim worth checking?

Both read the features of :mod:`workbench.splitting.features`: the subjectivity model only
the named cues and measures (the kind cues by category, the check-worthiness features,
shares of entities, figures, adjectives …), the check-worthiness model those plus TF-IDF
words and the mean token vector. They are scored with numpy alone
(:mod:`workbench.splitting.linear`). Loading is lazy and cached: nothing here is read until a
span is scored. Training them again is :mod:`workbench.training`.
"""

from __future__ import annotations

import functools
from importlib.resources import as_file, files
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from workbench.splitting.linear import LinearModel

__all__ = ["MODEL_NAMES", "checkworthiness_model", "load_model", "subjectivity_model"]

MODEL_NAMES = ("subjectivity", "checkworthiness")


@functools.cache
def load_model(name: str) -> LinearModel:
    """The shipped model ``name`` (one of :data:`MODEL_NAMES`), read once."""
    from workbench.core.errors import ModelError
    from workbench.splitting.linear import LinearModel

    if name not in MODEL_NAMES:
        raise ModelError(f"no model named {name!r}")
    resource = files("workbench.data") / "models" / f"{name}.json"
    if not resource.is_file():
        raise ModelError(f"the {name} model is missing; run `workbench train` to make it")
    with as_file(resource) as path:
        return LinearModel.load(path)


def subjectivity_model() -> LinearModel:
    """The shipped subjectivity model (positive class: SUBJ)."""
    return load_model("subjectivity")


def checkworthiness_model() -> LinearModel:
    """The shipped check-worthiness model (positive class: Yes)."""
    return load_model("checkworthiness")
