"""Sentence embeddings for the subjectivity model, on onnxruntime (no torch).

The shipped encoder (``workbench/data/encoder/``, built by
:mod:`workbench.training.encoder`) is the first three layers of all-MiniLM-L6-v2
(sentence-transformers, Apache License 2.0; see ``LICENSE`` beside it), 8-bit, mean-pooled:
384 numbers per text, L2-normalised. Texts are cut to :data:`MAX_TOKENS` word pieces and
run in batches of similar length, so padding costs little.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Sequence
from importlib.resources import files

import numpy as np

from workbench.splitting.wordpiece import WordPiece

WIDTH = 384
MAX_TOKENS = 96
BATCH = 32


class Encoder:
    """The sentence encoder: :meth:`encode` texts into rows of :data:`WIDTH` numbers."""

    def __init__(self, model_path: str, vocab_path: str, *, threads: int | None = None) -> None:
        import onnxruntime

        options = onnxruntime.SessionOptions()
        options.intra_op_num_threads = threads or min(2, os.cpu_count() or 1)
        options.inter_op_num_threads = 1
        options.log_severity_level = 3  # the graph's shape notes are not the user's business
        self.session = onnxruntime.InferenceSession(
            model_path, options, providers=["CPUExecutionProvider"]
        )
        self.tokenizer = WordPiece.from_file(vocab_path)

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """One L2-normalised row per text (float64, len(texts) × WIDTH)."""
        out = np.zeros((len(texts), WIDTH), dtype=np.float64)
        if not texts:
            return out
        ids = [self.tokenizer.encode(t, MAX_TOKENS) for t in texts]
        order = sorted(range(len(ids)), key=lambda i: len(ids[i]))
        for start in range(0, len(order), BATCH):
            rows = order[start : start + BATCH]
            length = max(len(ids[i]) for i in rows)
            batch = np.zeros((len(rows), length), dtype=np.int64)
            mask = np.zeros((len(rows), length), dtype=np.int64)
            for j, i in enumerate(rows):
                batch[j, : len(ids[i])] = ids[i]
                mask[j, : len(ids[i])] = 1
            (pooled,) = self.session.run(None, {"input_ids": batch, "attention_mask": mask})
            out[rows] = pooled
        norms = np.linalg.norm(out, axis=1, keepdims=True)
        return out / np.where(norms == 0, 1.0, norms)


@functools.cache
def shipped_encoder() -> Encoder:
    """The encoder in the package, loaded once per process."""
    folder = files("workbench.data") / "encoder"
    return Encoder(str(folder / "encoder.onnx"), str(folder / "vocab.txt"))
