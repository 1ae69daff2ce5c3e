"""Remove boilerplate (appeals, captions, share/newsletter lines, ...) from article text.

Rules live in ``workbench/data/boilerplate.toml`` and in optional user files. Each
rule has a scope:

* ``paragraph`` rules mark appeal sentences; a paragraph that opens with one, or whose
  sentences are mostly appeals, is dropped whole.
* ``inline`` rules cut the matched span out of a paragraph; where the cut sits at a
  sentence boundary the text on either side becomes its own paragraph.

Every removed segment is reported as a :class:`Dropped` with the rule's name.
"""

from __future__ import annotations

import os
import re
import tomllib
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Literal

from workbench.core.errors import InputError
from workbench.core.paths import config_file
from workbench.core.values import Cleaned, Dropped

Scope = Literal["paragraph", "inline"]
SCOPES: tuple[str, ...] = ("paragraph", "inline")
ENV_VAR = "WORKBENCH_BOILERPLATE"
_RULE_KEYS = {"name", "pattern", "scope", "description", "verbose", "enabled"}


@dataclass(frozen=True)
class Rule:
    """One compiled boilerplate rule."""

    name: str
    pattern: re.Pattern[str]
    scope: Scope
    description: str = ""
    origin: str = ""  # the file it came from


@dataclass(frozen=True)
class Rules:
    """An ordered, immutable set of compiled rules."""

    rules: tuple[Rule, ...] = ()

    @property
    def paragraph(self) -> tuple[Rule, ...]:
        """Rules with paragraph scope."""
        return tuple(r for r in self.rules if r.scope == "paragraph")

    @property
    def inline(self) -> tuple[Rule, ...]:
        """Rules with inline scope."""
        return tuple(r for r in self.rules if r.scope == "inline")

    @property
    def names(self) -> tuple[str, ...]:
        """Rule names in order."""
        return tuple(r.name for r in self.rules)

    def __len__(self) -> int:
        return len(self.rules)


# --------------------------------------------------------------------------- loading


def load_rules(extra: Sequence[Path] = ()) -> Rules:
    """Load the bundled rules plus the user's rule files.

    Files are read in this order, later rules replacing earlier ones of the same name
    (``enabled = false`` removes a rule): the bundled ``boilerplate.toml``,
    ``~/.config/workbench/boilerplate.toml`` (or under ``$XDG_CONFIG_HOME``) if it
    exists, each path in ``$WORKBENCH_BOILERPLATE`` (``os.pathsep``-separated), then
    ``extra``. A malformed file raises InputError naming the file and the problem.
    """
    merged: dict[str, Rule] = {}
    for origin, text in _rule_sources(extra):
        for name, rule in parse_rules(text, origin):
            if rule is None:
                merged.pop(name, None)
            else:
                merged[name] = rule
    return Rules(tuple(merged.values()))


def bundled_rules_text() -> str:
    """The text of the bundled ``boilerplate.toml``."""
    return resources.files("workbench").joinpath("data", "boilerplate.toml").read_text("utf-8")


def user_rules_path() -> Path | None:
    """Where the per-user rules file lives (it may not exist), or None without a home."""
    return config_file("boilerplate.toml")


def _rule_sources(extra: Sequence[Path]) -> Iterator[tuple[str, str]]:
    yield "bundled boilerplate.toml", bundled_rules_text()
    user = user_rules_path()
    if user is not None and user.is_file():
        yield str(user), _read_rules_file(user, "")
    for entry in os.environ.get(ENV_VAR, "").split(os.pathsep):
        if entry.strip():
            yield entry, _read_rules_file(Path(entry), f" (listed in {ENV_VAR})")
    for path in extra:
        yield str(path), _read_rules_file(Path(path), "")


def _read_rules_file(path: Path, hint: str) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise InputError(f"no such boilerplate rules file: {path}{hint}") from None
    except IsADirectoryError:
        raise InputError(f"boilerplate rules file {path}{hint} is a folder") from None
    except PermissionError:
        raise InputError(f"cannot read boilerplate rules file {path}: permission denied") from None
    except UnicodeDecodeError:
        raise InputError(f"boilerplate rules file {path} is not valid UTF-8") from None
    except OSError as exc:
        raise InputError(f"cannot read boilerplate rules file {path}: {exc.strerror}") from None


def parse_rules(text: str, origin: str) -> list[tuple[str, Rule | None]]:
    """Parse one rules file; return (name, rule) pairs, rule None for ``enabled = false``.

    Raises InputError naming ``origin`` for bad TOML, unknown keys, bad values or a
    pattern that does not compile.
    """

    def fail(problem: str) -> InputError:
        return InputError(f"invalid boilerplate rules in {origin}: {problem}")

    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise fail(f"bad TOML: {exc}") from None
    unknown = sorted(set(data) - {"rule"})
    if unknown:
        raise fail(f"unknown top-level key '{unknown[0]}' (rules are [[rule]] tables)")
    tables = data.get("rule", [])
    if not isinstance(tables, list) or not all(isinstance(t, dict) for t in tables):
        raise fail("'rule' must be a list of [[rule]] tables")

    out: list[tuple[str, Rule | None]] = []
    seen: set[str] = set()
    for index, table in enumerate(tables, start=1):
        name = table.get("name")
        if not isinstance(name, str) or not name.strip():
            raise fail(f"rule #{index} needs a non-empty string 'name'")
        name = name.strip()
        label = f"rule '{name}'"
        if name in seen:
            raise fail(f"{label} is defined twice")
        seen.add(name)
        extra_keys = sorted(set(table) - _RULE_KEYS)
        if extra_keys:
            raise fail(f"{label} has unknown key '{extra_keys[0]}'")
        for key in ("verbose", "enabled"):
            if key in table and not isinstance(table[key], bool):
                raise fail(f"{label}: '{key}' must be true or false")
        if table.get("enabled", True) is False:
            out.append((name, None))
            continue
        pattern = table.get("pattern")
        if not isinstance(pattern, str) or not pattern.strip():
            raise fail(f"{label} needs a non-empty string 'pattern'")
        scope = table.get("scope")
        if scope not in SCOPES:
            raise fail(f'{label} has scope {scope!r}; expected "paragraph" or "inline"')
        description = table.get("description", "")
        if not isinstance(description, str):
            raise fail(f"{label}: 'description' must be a string")
        flags = re.IGNORECASE | re.MULTILINE | (re.VERBOSE if table.get("verbose") else 0)
        try:
            compiled = re.compile(pattern, flags)
        except re.error as exc:
            where = f" at position {exc.pos}" if exc.pos is not None else ""
            raise fail(f"{label} has an invalid pattern: {exc.msg}{where}") from None
        if compiled.fullmatch(""):
            raise fail(f"{label} has a pattern that matches empty text")
        out.append((name, Rule(name, compiled, scope, description.strip(), origin)))
    return out


# --------------------------------------------------------------------------- cleaning

Span = tuple[int, int, str]  # start, end, rule name

# Sentence boundary: terminal punctuation, optional closing quotes/brackets, whitespace.
_SENTENCE_END_RE = re.compile(r"(?<=[.!?…])[\"'”’)\]]*\s+|\n")
_ENDS_SENTENCE_RE = re.compile(r"[.!?…:;\"'”’)\]]$")
_WORD_RE = re.compile(r"\w")


def clean(text: str, rules: Rules | None = None) -> Cleaned:
    """Remove boilerplate from ``text``.

    Paragraphs are separated by blank lines; within a paragraph, whitespace is
    collapsed on each line and the lines are stripped. Returns the kept paragraphs
    joined by a blank line and the dropped segments in document order.
    """
    if rules is None:
        rules = load_rules()
    paragraph_rules = rules.paragraph
    inline_rules = rules.inline
    kept: list[str] = []
    dropped: list[Dropped] = []
    for paragraph in split_paragraphs(text):
        rule = _appeal_rule(paragraph, paragraph_rules, inline_rules)
        if rule is not None:
            dropped.append(Dropped(paragraph, rule))
            continue
        for piece, cut_rule in _cut_inline(paragraph, inline_rules):
            if cut_rule is not None:
                dropped.append(Dropped(piece, cut_rule))
                continue
            rule = _appeal_rule(piece, paragraph_rules, ())
            if rule is not None:
                dropped.append(Dropped(piece, rule))
            else:
                kept.append(piece)
    return Cleaned(text="\n\n".join(kept), dropped=tuple(dropped))


def split_paragraphs(text: str) -> list[str]:
    """Split on blank lines; collapse whitespace within each line and strip the lines."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    out: list[str] = []
    for block in re.split(r"\n[^\S\n]*\n", text):
        lines = (" ".join(line.split()) for line in block.split("\n"))
        paragraph = "\n".join(line for line in lines if line)
        if paragraph:
            out.append(paragraph)
    return out


def _matches(paragraph: str, rules: Iterable[Rule]) -> list[Span]:
    spans = [
        (m.start(), m.end(), rule.name)
        for rule in rules
        for m in rule.pattern.finditer(paragraph)
        if m.end() > m.start()
    ]
    spans.sort(key=lambda s: (s[0], -s[1]))
    return spans


def _merge(spans: list[Span]) -> list[Span]:
    merged: list[Span] = []
    for start, end, name in spans:
        if merged and start < merged[-1][1]:
            last = merged[-1]
            merged[-1] = (last[0], max(last[1], end), last[2])
        else:
            merged.append((start, end, name))
    return merged


def _outside_quotes(text: str, spans: list[Span]) -> list[Span]:
    """Keep the spans that do not start inside a quotation (quoted appeals are news)."""
    kept: list[Span] = []
    opened = closed = straight = pos = 0
    for span in spans:  # sorted by start
        chunk = text[pos : span[0]]
        opened += chunk.count("“")
        closed += chunk.count("”")
        straight += chunk.count('"')
        pos = span[0]
        if opened <= closed and straight % 2 == 0:
            kept.append(span)
    return kept


def _sentences(paragraph: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _SENTENCE_END_RE.finditer(paragraph):
        if m.start() > start:
            spans.append((start, m.start()))
        start = m.end()
    if start < len(paragraph):
        spans.append((start, len(paragraph)))
    return spans


def _appeal_rule(paragraph: str, rules: Sequence[Rule], inline: Sequence[Rule]) -> str | None:
    """Name of the rule that makes ``paragraph`` an appeal to drop whole, else None."""
    if not rules:
        return None
    hits = _outside_quotes(paragraph, _matches(paragraph, rules))
    if not hits:
        return None
    # Characters that count as content: word characters outside inline boilerplate.
    content = [bool(_WORD_RE.match(ch)) for ch in paragraph]
    for start, end, _ in _matches(paragraph, inline):
        content[start:end] = [False] * (end - start)
    prefix = [0]
    for flag in content:
        prefix.append(prefix[-1] + flag)
    if prefix[-1] == 0:
        return None  # nothing but inline boilerplate; the inline cut deals with it
    first = content.index(True)
    for start, end, name in hits:
        if start <= first < end:
            return name  # the paragraph opens with an appeal
    counted = [(s, e) for s, e in _sentences(paragraph) if prefix[e] > prefix[s]]
    appeals = [(s, e) for s, e in counted if any(hs < e and he > s for hs, he, _ in hits)]
    if len(appeals) * 2 > len(counted):
        return hits[0][2]
    return None


def _cut_inline(paragraph: str, rules: Sequence[Rule]) -> list[tuple[str, str | None]]:
    """Cut inline matches out; return, in document order, kept pieces as (text, None)
    and cut segments as (text, rule name)."""
    spans = _merge(_matches(paragraph, rules)) if rules else []
    if not spans:
        return [(paragraph, None)]
    # Absorb punctuation-only leftovers (e.g. the "." after a cut phrase) into a cut.
    cuts = [[start, end, name] for start, end, name in spans]
    bounds = [0, *[p for c in cuts for p in (c[0], c[1])], len(paragraph)]
    for i in range(0, len(bounds), 2):
        gap = paragraph[bounds[i] : bounds[i + 1]]
        if gap.strip() and not _WORD_RE.search(gap):
            if i > 0:
                cuts[i // 2 - 1][1] = bounds[i + 1]
            else:
                cuts[0][0] = bounds[i]

    out: list[tuple[str, str | None]] = []
    pending: list[str] = []  # kept text that will be joined with what follows
    held: list[tuple[str, str | None]] = []  # cuts inside the pending piece
    pos = 0
    for index, (start, end, name) in enumerate(cuts):
        segment = paragraph[pos:start].strip()
        if segment:
            pending.append(segment)
        left = " ".join(pending)
        next_start = cuts[index + 1][0] if index + 1 < len(cuts) else len(paragraph)
        right = paragraph[end:next_start].strip()
        # Join across the cut only mid-sentence; otherwise split into two paragraphs.
        join = bool(left and right) and not (
            "\n" in paragraph[start:end]
            or _ENDS_SENTENCE_RE.search(left)
            or _starts_sentence(right)
        )
        cut = (paragraph[start:end].strip(), str(name))
        if join:
            held.append(cut)
        else:
            if left:
                out.append((left, None))
            out.extend(held)
            out.append(cut)
            pending, held = [], []
        pos = end
    tail = paragraph[pos:].strip()
    if tail:
        pending.append(tail)
    if pending:
        out.append((" ".join(pending), None))
    out.extend(held)
    return out


def _starts_sentence(text: str) -> bool:
    first = text[:1]
    return bool(first) and (first in "\"'“‘([" or first.isdigit() or first.isupper())
