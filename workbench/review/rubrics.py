"""Rubrics: the ratings a reviewer may give, loaded from TOML files and validated.

Built-in rubrics ship in ``workbench/data/rubrics`` (``rubrics/`` at the top of the
repository). A rubric can also be loaded from any path. Every problem is reported as one
line naming the file, the field and, where it can be found, the line.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path

from workbench.core.errors import WorkbenchError
from workbench.core.values import Rubric, RubricRules, RubricVerdict

DEFAULT_RUBRIC = "default"
_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")
_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")
_TOP_KEYS = {"name", "title", "description", "methodology", "rules", "claimreview", "verdicts"}
_VERDICT_KEYS = {
    "id", "label", "key", "rating_value", "alternate_name", "colour", "sources_required", "help",
}  # fmt: skip
_RULE_KEYS = {"min_independent_sources", "require_approval"}


class RubricError(WorkbenchError):
    """A rubric file is missing, malformed or inconsistent."""


@dataclass(frozen=True)
class _Where:
    path: str
    text: str

    def line_of(self, pattern: str, nth: int = 0) -> int | None:
        """1-based line of the nth line matching ``pattern`` (a regex), if any."""
        count = 0
        for number, line in enumerate(self.text.splitlines(), start=1):
            if re.match(pattern, line.strip()):
                if count == nth:
                    return number
                count += 1
        return None

    def fail(self, message: str, line: int | None = None) -> RubricError:
        at = f"{self.path}, line {line}" if line else self.path
        return RubricError(f"{at}: {message}")


def builtin_names() -> list[str]:
    """Names of the rubrics that ship with workbench, sorted."""
    folder = files("workbench.data") / "rubrics"
    return sorted(p.name[:-5] for p in folder.iterdir() if p.name.endswith(".toml"))


def load_rubric(name_or_path: str | None = None) -> Rubric:
    """A built-in rubric by name, or a rubric file by path (anything with / or .toml)."""
    wanted = name_or_path or DEFAULT_RUBRIC
    if "/" in wanted or wanted.endswith(".toml") or Path(wanted).exists():
        return parse_rubric_file(Path(wanted))
    if wanted not in builtin_names():
        raise RubricError(
            f"no rubric named '{wanted}' (built-in: {', '.join(builtin_names())}; "
            "or give a path to a .toml file)"
        )
    resource = files("workbench.data") / "rubrics" / f"{wanted}.toml"
    return parse_rubric(resource.read_text(encoding="utf-8"), f"rubrics/{wanted}.toml")


def parse_rubric_file(path: Path) -> Rubric:
    """Read and validate a rubric file."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise RubricError(f"no such rubric file: {path}") from None
    except OSError as err:
        raise RubricError(f"cannot read {path}: {err.strerror}") from None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise RubricError(f"{path}: not a UTF-8 text file") from None
    return parse_rubric(text, str(path))


def parse_rubric(text: str, path: str = "<rubric>") -> Rubric:
    """Validate rubric TOML text and build a Rubric; raise RubricError on the first problem."""
    where = _Where(path, text)
    try:
        doc = tomllib.loads(text)
    except tomllib.TOMLDecodeError as err:
        raise where.fail(f"not valid TOML: {err}") from None
    unknown = sorted(set(doc) - _TOP_KEYS)
    if unknown:
        raise where.fail(f"unknown field '{unknown[0]}'", where.line_of(rf"{unknown[0]}\s*="))
    name = _text(doc, "name", where, required=True)
    if not _ID.match(name):
        raise where.fail(
            f"name '{name}' must be lowercase letters, digits and dashes",
            where.line_of(r"name\s*="),
        )
    scale = doc.get("claimreview", {})
    if not isinstance(scale, dict):
        raise where.fail("[claimreview] must be a table", where.line_of(r"claimreview\s*="))
    best = _int(scale, "best_rating", where, default=5, section="claimreview")
    worst = _int(scale, "worst_rating", where, default=1, section="claimreview")
    if worst >= best:
        raise where.fail(
            "claimreview.worst_rating must be below best_rating", where.line_of(r"worst_rating")
        )
    rules = _rules(doc.get("rules", {}), where)
    raw = doc.get("verdicts")
    if not isinstance(raw, list) or not raw:
        raise where.fail("needs at least one [[verdicts]] table")
    verdicts = [_verdict(item, i, where, best, worst) for i, item in enumerate(raw)]
    _check_unique(verdicts, where)
    return Rubric(
        name=name,
        title=_text(doc, "title", where) or name,
        verdicts=tuple(sorted(verdicts, key=lambda v: v.key)),
        rules=rules,
        description=_text(doc, "description", where),
        methodology=" ".join(_text(doc, "methodology", where).split()),
        best_rating=best,
        worst_rating=worst,
        path=path,
    )


def _text(table: dict, key: str, where: _Where, *, required: bool = False) -> str:
    value = table.get(key)
    if value is None:
        if required:
            raise where.fail(f"missing field '{key}'")
        return ""
    if not isinstance(value, str) or (required and not value.strip()):
        raise where.fail(f"field '{key}' must be text", where.line_of(rf"{key}\s*="))
    return value.strip()


def _int(table: dict, key: str, where: _Where, *, default: int, section: str) -> int:
    value = table.get(key, default)
    if isinstance(value, bool) or not isinstance(value, int):
        raise where.fail(f"{section}.{key} must be a whole number", where.line_of(rf"{key}\s*="))
    return value


def _rules(raw: object, where: _Where) -> RubricRules:
    if not isinstance(raw, dict):
        raise where.fail("[rules] must be a table", where.line_of(r"rules\s*="))
    unknown = sorted(set(raw) - _RULE_KEYS)
    if unknown:
        raise where.fail(f"unknown field 'rules.{unknown[0]}'", where.line_of(rf"{unknown[0]}\s*="))
    minimum = _int(raw, "min_independent_sources", where, default=1, section="rules")
    if minimum < 0:
        raise where.fail(
            "rules.min_independent_sources cannot be negative",
            where.line_of(r"min_independent_sources"),
        )
    approval = raw.get("require_approval", False)
    if not isinstance(approval, bool):
        raise where.fail(
            "rules.require_approval must be true or false", where.line_of(r"require_approval")
        )
    return RubricRules(min_independent_sources=minimum, require_approval=approval)


def _verdict(item: object, index: int, where: _Where, best: int, worst: int) -> RubricVerdict:
    line = where.line_of(r"\[\[verdicts\]\]", index)
    label = f"verdicts[{index + 1}]"
    if not isinstance(item, dict):
        raise where.fail(f"{label} must be a table", line)

    def field_line(key: str) -> int | None:
        # the field's own line inside this [[verdicts]] table, else the table's header
        if line is None:
            return None
        lines = where.text.splitlines()
        for number in range(line, len(lines)):
            stripped = lines[number].strip()
            if stripped.startswith("[["):
                break
            if re.match(rf"{key}\s*=", stripped):
                return number + 1
        return line

    unknown = sorted(set(item) - _VERDICT_KEYS)
    if unknown:
        raise where.fail(f"{label}: unknown field '{unknown[0]}'", field_line(unknown[0]))
    for key in ("id", "label", "key", "alternate_name", "colour"):
        if key not in item:
            raise where.fail(f"{label}: missing field '{key}'", line)
    vid = item["id"]
    if not isinstance(vid, str) or not _ID.match(vid):
        raise where.fail(
            f"{label}.id must be lowercase letters, digits and dashes", field_line("id")
        )
    label = f"verdict '{vid}'"
    for key in ("label", "alternate_name", "help"):
        if key in item and (not isinstance(item[key], str) or not item[key].strip()):
            raise where.fail(f"{label}: {key} must be non-empty text", field_line(key))
    key = item["key"]
    if isinstance(key, bool) or not isinstance(key, int) or not 1 <= key <= 9:
        raise where.fail(f"{label}: key must be a whole number from 1 to 9", field_line("key"))
    colour = item["colour"]
    if not isinstance(colour, str) or not _COLOUR.match(colour):
        raise where.fail(f"{label}: colour must look like #1b7f3b", field_line("colour"))
    needed = item.get("sources_required", 0)
    if isinstance(needed, bool):
        needed = int(needed)
    if not isinstance(needed, int) or needed < 0:
        raise where.fail(
            f"{label}: sources_required must be a whole number, 0 or more",
            field_line("sources_required"),
        )
    value = item.get("rating_value")
    if value is not None and (
        isinstance(value, bool) or not isinstance(value, int) or not worst <= value <= best
    ):
        raise where.fail(
            f"{label}: rating_value must be a whole number from {worst} to {best}",
            field_line("rating_value"),
        )
    return RubricVerdict(
        id=vid,
        label=item["label"].strip(),
        key=key,
        alternate_name=item["alternate_name"].strip(),
        colour=colour.lower(),
        sources_required=needed,
        help=" ".join(item.get("help", "").split()),
        rating_value=value,
    )


def _check_unique(verdicts: list[RubricVerdict], where: _Where) -> None:
    for attr in ("id", "key", "label"):
        seen: set = set()
        for v in verdicts:
            value = getattr(v, attr)
            folded = value.casefold() if isinstance(value, str) else value
            if folded in seen:
                raise where.fail(
                    f"two verdicts share the {attr} {value!r}",
                    where.line_of(rf"{attr}\s*=\s*\"?{re.escape(str(value))}\"?$", 1),
                )
            seen.add(folded)


def rubric_to_dict(rubric: Rubric) -> dict:
    """The JSON shape printed by ``workbench rubrics show --format json``."""
    return {
        "name": rubric.name,
        "title": rubric.title,
        "description": rubric.description,
        "methodology": rubric.methodology,
        "rules": {
            "min_independent_sources": rubric.rules.min_independent_sources,
            "require_approval": rubric.rules.require_approval,
        },
        "claimreview": {"best_rating": rubric.best_rating, "worst_rating": rubric.worst_rating},
        "verdicts": [
            {
                "id": v.id,
                "label": v.label,
                "key": v.key,
                "rating_value": v.rating_value,
                "alternate_name": v.alternate_name,
                "colour": v.colour,
                "sources_required": v.sources_required,
                "help": v.help,
            }
            for v in rubric.verdicts
        ],
    }
