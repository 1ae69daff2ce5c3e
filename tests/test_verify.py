"""`workbench verify` finds edited and removed events, even when the triggers are bypassed."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

from click.testing import CliRunner

from workbench.cli.main import cli


def run(*args: str):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def tamper(db_path: Path, sql: str, *params: object) -> None:
    conn = sqlite3.connect(db_path)
    conn.execute("DROP TRIGGER events_no_update")
    conn.execute("DROP TRIGGER events_no_delete")
    conn.execute(sql, params)
    conn.commit()
    conn.close()


def event_id(db_path: Path, seq: int) -> str:
    conn = sqlite3.connect(db_path)
    try:
        return conn.execute("SELECT id FROM events WHERE seq = ?", (seq,)).fetchone()[0]
    finally:
        conn.close()


def test_intact_log_verifies(db_path: Path) -> None:
    result = run("verify", "--db", str(db_path))
    assert result.exit_code == 0
    assert re.fullmatch(r"ok: 4 events, hash chain intact; head #4 [0-9a-f]{64}\n", result.output)


def test_one_character_edit_is_found(db_path: Path) -> None:
    target = event_id(db_path, 3)
    tamper(
        db_path,
        "UPDATE events SET payload = replace(payload, 'goodwill', 'goodwilL') WHERE seq = 3",
    )
    result = run("verify", "--db", str(db_path))
    assert result.exit_code == 1
    assert f"event #3 ({target}) was altered" in result.output


def test_edited_actor_is_found(db_path: Path) -> None:
    tamper(db_path, "UPDATE events SET actor = 'mallory' WHERE seq = 1")
    result = run("verify", "--db", str(db_path))
    assert result.exit_code == 1
    assert "event #1" in result.output and "altered" in result.output


def test_removed_event_is_found(db_path: Path) -> None:
    follower = event_id(db_path, 3)
    tamper(db_path, "DELETE FROM events WHERE seq = 2")
    result = run("verify", "--db", str(db_path))
    assert result.exit_code == 1
    assert f"event #3 ({follower}) does not follow the event before it" in result.output


def test_rewritten_hash_is_still_found(db_path: Path) -> None:
    # Editing a payload and recomputing only that row's hash breaks the link to the next event.
    from workbench.store.events import event_hash

    conn = sqlite3.connect(db_path)
    row = conn.execute(
        "SELECT id, at, actor, action, subject, payload, prev_hash FROM events WHERE seq = 2"
    ).fetchone()
    payload = row[5].replace("Ruritania", "Rurit4nia")
    new_hash = event_hash(row[6], *row[:5], payload)
    conn.close()
    tamper(db_path, "UPDATE events SET payload = ?, hash = ? WHERE seq = 2", payload, new_hash)
    result = run("verify", "--db", str(db_path))
    assert result.exit_code == 1
    assert "event #3" in result.output
