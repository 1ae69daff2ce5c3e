"""Word lists as data: the shipped lexicon, a user's additions and removals, malformed files,
and the pattern component that keeps its patterns in a saved pipeline."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.spacy_support import needs_model
from workbench.splitting.lexicon import (
    LexiconError,
    WordList,
    apply_user_file,
    load_lexicon,
    parse_builtin,
)

ROOT = Path(__file__).resolve().parents[1]
SENTENCE = "The ceasefire will ostensibly hold until the spring."


def run_split(article: Path, lexicon: Path | None, home: Path) -> subprocess.CompletedProcess:
    """`workbench split` in its own process (the lexicon is read when the splitter loads)."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), "HOME": str(home)}
    env.pop("WORKBENCH_LEXICON", None)
    if lexicon is not None:
        env["WORKBENCH_LEXICON"] = str(lexicon)
    return subprocess.run(
        [sys.executable, "-m", "workbench", "split", str(article)],
        capture_output=True, text=True, env=env,
    )  # fmt: skip


def cues_with(text: str, lexicon: Path | None, tmp_path: Path) -> list[str]:
    article = tmp_path / "article.txt"
    article.write_text(text, encoding="utf-8")
    done = run_split(article, lexicon, tmp_path / "home")
    assert done.returncode == 0, done.stderr
    (claim,) = [json.loads(line) for line in done.stdout.splitlines()]
    return claim["cues"]


@needs_model
@pytest.mark.parametrize(
    ("text", "table", "cue", "added"),
    [
        (SENTENCE, '[hedge_words]\nadd = ["ostensibly"]\n', "hedge: ostensibly", True),
        # a phrase goes through the pattern component (the SpanRuler), here from a folder
        ("Officials in Ruritania are rumoured to be weighing new grain quotas.",
         '[hedge_phrases]\nadd = ["rumoured to"]\n', "hedge: rumoured to", True),
        ("The minister said the plan was a shameful stunt.",
         '[evaluative_nouns]\nremove = ["stunt"]\n', "evaluative: stunt", False),
    ],
)  # fmt: skip
def test_a_user_lexicon_file_adds_and_removes_cues(
    tmp_path: Path, text: str, table: str, cue: str, added: bool
) -> None:
    assert (cue in cues_with(text, None, tmp_path)) is not added
    folder = tmp_path / "lexicon"
    folder.mkdir()
    (folder / "mine.toml").write_text(table, encoding="utf-8")
    lexicon = folder if "phrases" in table else folder / "mine.toml"
    assert (cue in cues_with(text, lexicon, tmp_path)) is added


def test_a_malformed_user_lexicon_is_one_line_naming_file_and_line(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text(SENTENCE, encoding="utf-8")
    bad = tmp_path / "bad.toml"
    bad.write_text('# mine\n\n[hedge_wordz]\nadd = ["ostensibly"]\n', encoding="utf-8")
    done = run_split(article, bad, tmp_path / "home")
    assert done.returncode == 1
    assert done.stderr.startswith(f"error: {bad}:3: [hedge_wordz] is not a lexicon list")
    assert len(done.stderr.strip().splitlines()) == 1


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[hedge_words]\nadd = 'x'\n", ":1: [hedge_words] add must be a list of non-empty strings"),
        ("[hedge_words]\nadd = ['two words']\n", ":1: [hedge_words] holds single words"),
        ("[hedge_words]\nreplace = ['x']\n", ":1: [hedge_words] takes only 'add' and 'remove'"),
        ("[hedge_words\n", ": not valid TOML"),
    ],
)
def test_user_file_errors(text: str, message: str) -> None:
    with pytest.raises(LexiconError) as info:
        apply_user_file(load_lexicon([]), "mine.toml", text)
    assert str(info.value).startswith("mine.toml") and message in str(info.value)


def test_shipped_files_are_checked_too() -> None:
    with pytest.raises(LexiconError, match=r"x.toml:2: \[a\] needs exactly one of"):
        parse_builtin("x.toml", '# c\n[a]\nabout = "A"\nwords = ["x"]\nphrases = ["y z"]\n')


def test_phrases_are_token_tuples_and_removals_apply() -> None:
    lists = {"p": WordList("p", "P", phrases=frozenset({("may", "well")}))}
    out = apply_user_file(lists, "u.toml", '[p]\nadd = ["It  Seems"]\nremove = ["may well"]\n')
    assert out["p"].phrases == frozenset({("it", "seems")})


def test_every_shipped_list_is_used_by_the_code() -> None:
    """A list in the data files that no rule reads would be a silent no-op for users: each
    list is read by patterns.py by name, or defines a constant another module uses."""
    import ast
    import re

    folder = ROOT / "workbench" / "splitting"
    others = "\n".join(p.read_text() for p in folder.glob("*.py") if p.name != "lexicon.py")
    reads: dict[str, set[str]] = {}  # constant -> the list names and constants it is made of
    for node in ast.parse((folder / "lexicon.py").read_text()).body:
        target = node.targets[0] if isinstance(node, ast.Assign) else getattr(node, "target", None)
        if isinstance(target, ast.Name) and node.value is not None:
            parts = reads.setdefault(target.id, set())
            for sub in ast.walk(node.value):
                if isinstance(sub, ast.Name):
                    parts.add(sub.id)
                elif isinstance(sub, ast.Constant) and isinstance(sub.value, str):
                    parts.add(sub.value)
    used = {c for c in reads if re.search(rf"\b{c}\b", others)}
    while True:  # what a used constant is made of is used too
        more = {part for c in used for part in reads.get(c, ())} - used
        if not more:
            break
        used |= more
    unused = [name for name in load_lexicon([]) if f'"{name}"' not in others and name not in used]
    assert unused == []


@needs_model
def test_the_pattern_component_keeps_its_patterns_in_a_saved_pipeline(tmp_path: Path) -> None:
    import spacy

    from workbench.splitting import load_nlp

    nlp = load_nlp()
    nlp.to_disk(tmp_path / "pipeline")
    again = spacy.load(tmp_path / "pipeline")
    assert again.pipe_names == nlp.pipe_names
    ours = nlp.get_pipe("workbench_patterns").patterns
    assert again.get_pipe("workbench_patterns").patterns == ours and ours
    text = "Prices are likely to rise, and figures from the ministry show a 4 per cent drop."
    assert [s.label_ for s in again(text).spans["workbench_patterns"]] == [
        s.label_ for s in nlp(text).spans["workbench_patterns"]
    ]


@needs_model
def test_two_processes_split_like_one(tmp_path: Path) -> None:
    """Nothing passes between components outside the Doc: nlp.pipe(n_process=2) agrees."""
    from workbench.splitting import load_nlp
    from workbench.splitting.pipeline import drafts_from_doc

    texts = [
        "Ruritania shipped 40,000 tonnes of grain in March. The minister said it was a stunt.",
        "Analysts expect prices to rise. Is this really a good deal?",
        "According to the treasury, exports fell by 4 per cent, and imports rose.",
        "Figures from the statistics office show that wheat prices doubled since January.",
    ] * 2
    nlp = load_nlp()
    one = [drafts_from_doc(doc) for doc in nlp.pipe(texts, batch_size=2)]
    two = [drafts_from_doc(doc) for doc in nlp.pipe(texts, batch_size=2, n_process=2)]
    assert two == one
    assert all(doc._.view is None for doc in nlp.pipe(texts[:2]))  # nothing left on the Doc
