"""Labelled sentence files: NewsSD-ENG (subjectivity) and CheckThat! 2024 Task 1 (check-worthiness).

:func:`read_table` reads a ``.csv`` (comma) or ``.tsv`` (tab) file with a header row, quoted
fields and newlines inside quotes. A row with more fields than the header is a known defect
of the CT24 train file, where a missing newline joins two records
("…\\tNo29286\\tYou can't …\\tNo"): such a row is split back into its two records when the
field where they meet ends with the next record's numeric id, and skipped otherwise — with
a note on stderr either way. Pure Python: no NLP, no numpy.
"""

from __future__ import annotations

import csv
import re
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from workbench.core.errors import InputError

#: Accepted labels (case-insensitive) and the canonical form of each, per task.
LABELS: dict[str, dict[str, str]] = {
    "subjectivity": {"obj": "OBJ", "subj": "SUBJ"},
    "checkworthiness": {"no": "No", "yes": "Yes"},
}
#: (negative, positive) label of each task.
CLASSES: dict[str, tuple[str, str]] = {
    "subjectivity": ("OBJ", "SUBJ"),
    "checkworthiness": ("No", "Yes"),
}
TEXT_COLUMNS = ("sentence", "text", "tweet_text", "claim")
LABEL_COLUMNS = ("label", "class_label", "class")
ID_COLUMNS = ("sentence_id", "id", "tweet_id")

_JOINED = re.compile(r"^(.*?)(\d+)$", re.DOTALL)

Warn = Callable[[str], None]


def warn_stderr(message: str) -> None:
    """Print a note about the input on stderr."""
    print(f"note: {message}", file=sys.stderr)


@dataclass(frozen=True)
class Example:
    """One labelled sentence."""

    text: str
    label: str
    id: str = ""  # the row's id (Sentence_id), when the file has one


@dataclass(frozen=True)
class Table:
    """A delimited file: its header and rows (each a list as long as the header)."""

    path: Path
    header: list[str]
    rows: list[list[str]]

    def column(self, wanted: str | None, candidates: tuple[str, ...], what: str) -> int:
        """Index of column ``wanted`` (case-insensitive), or the first known candidate."""
        lowered = [h.strip().lower() for h in self.header]
        if wanted is not None:
            if wanted.lower() not in lowered:
                raise InputError(
                    f"{self.path.name}: no column {wanted!r} (columns: {', '.join(self.header)})"
                )
            return lowered.index(wanted.lower())
        for name in candidates:
            if name in lowered:
                return lowered.index(name)
        raise InputError(
            f"{self.path.name}: cannot tell which column holds the {what}; "
            f"name it with --{what}-column (columns: {', '.join(self.header)})"
        )


def delimiter_for(path: Path) -> str:
    """Tab for ``.tsv`` and ``.tab``, comma otherwise."""
    return "\t" if path.suffix.lower() in {".tsv", ".tab"} else ","


def _split_joined(row: list[str], width: int) -> list[list[str]] | None:
    """Two records joined by a missing newline, or None when the row is not that."""
    if len(row) != 2 * width - 1:
        return None
    match = _JOINED.match(row[width - 1])
    if match is None or not match.group(1):
        return None
    first = [*row[: width - 1], match.group(1)]
    second = [match.group(2), *row[width:]]
    return [first, second]


def read_table(path: Path | str, *, warn: Warn = warn_stderr) -> Table:
    """Read a delimited file with a header row (see the module docstring)."""
    path = Path(path)
    try:
        with path.open(encoding="utf-8-sig", newline="") as fh:
            return parse_table(fh, delimiter_for(path), path, warn=warn)
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{path}: is a folder, not a file") from None
    except (OSError, UnicodeDecodeError) as err:
        raise InputError(f"{path}: cannot read it as a table: {err}") from None


def parse_table(
    lines: Iterable[str], delimiter: str, path: Path | str, *, warn: Warn = warn_stderr
) -> Table:
    """Parse delimited text (an open file or lines); ``path`` names it in messages."""
    path = Path(path)
    try:
        raw = list(csv.reader(lines, delimiter=delimiter))
    except csv.Error as err:
        raise InputError(f"{path}: cannot read it as a table: {err}") from None
    if not raw:
        raise InputError(f"{path}: empty file")
    header, rows = raw[0], []
    width = len(header)
    for number, row in enumerate(raw[1:], start=2):
        if not row or all(not cell.strip() for cell in row):
            continue
        if len(row) == width:
            rows.append(row)
            continue
        joined = _split_joined(row, width)
        if joined is not None:
            warn(f"{path.name}: record {number} joins two records (a missing newline); split them")
            rows.extend(joined)
        else:
            warn(f"{path.name}: record {number} has {len(row)} fields, not {width}; skipped")
    return Table(path, header, rows)


def normalise_label(value: str, task: str) -> str | None:
    """The canonical label of ``value`` for ``task``, or None when it is not one."""
    return LABELS[task].get(value.strip().lower())


def load_examples(
    path: Path | str,
    task: str,
    *,
    text_column: str | None = None,
    label_column: str | None = None,
    warn: Warn = warn_stderr,
) -> list[Example]:
    """Labelled sentences of ``path`` for ``task`` ("subjectivity" or "checkworthiness").

    Columns default to the first known name (Sentence/Text, Label/class_label). Whitespace
    inside a sentence (newlines included) is folded to single spaces. An unknown label is an
    InputError naming it.
    """
    table = read_table(path, warn=warn)
    text_at = table.column(text_column, TEXT_COLUMNS, "text")
    label_at = table.column(label_column, LABEL_COLUMNS, "label")
    lowered = [h.strip().lower() for h in table.header]
    id_at = next((lowered.index(n) for n in ID_COLUMNS if n in lowered), None)
    examples = []
    for row in table.rows:
        label = normalise_label(row[label_at], task)
        if label is None:
            known = "/".join(CLASSES[task])
            raise InputError(
                f"{table.path.name}: unknown {task} label {row[label_at]!r} (expected {known})"
            )
        ident = row[id_at].strip() if id_at is not None else ""
        examples.append(Example(" ".join(row[text_at].split()), label, ident))
    return examples


def newssd(folder: Path | str, split: str, *, warn: Warn = warn_stderr) -> list[Example]:
    """NewsSD-ENG ``train``, ``val`` or ``test`` from ``folder`` (…/data/newssd-eng)."""
    return load_examples(Path(folder) / f"{split}.csv", "subjectivity", warn=warn)


def ct24(folder: Path | str, split: str, *, warn: Warn = warn_stderr) -> list[Example]:
    """CT24 English ``train``, ``dev`` or ``dev-test`` from ``folder`` (…/ct24-checkworthy)."""
    name = f"CT24_checkworthy_english_{split}.tsv"
    return load_examples(Path(folder) / name, "checkworthiness", warn=warn)
