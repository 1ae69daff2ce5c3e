"""What the audit trail promises beyond the hash chain: derived rows that match the events
(`verify --deep`, `rebuild`), a head recorded elsewhere that catches truncation, and
outside events checked like a reviewer's input."""

from __future__ import annotations

import json
import re
import shutil
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from workbench.cli.main import cli
from workbench.store import Store

URL = "https://stats.example.org/wheat"


def run(*args: str, reviewer: str = "alice"):
    return CliRunner().invoke(cli, list(args), env={"WORKBENCH_REVIEWER": reviewer})


def claim_ids(db: Path) -> list[str]:
    with Store(db) as store:
        return [c.id for c in store.claims()]


def edit_file(db: Path, sql: str, *params: object) -> None:
    """Change the file behind workbench's back, as a person with the sqlite3 shell could."""
    conn = sqlite3.connect(db)
    conn.execute(sql, params)
    conn.commit()
    conn.close()


@pytest.fixture
def reviewed_db(db_path: Path) -> Path:
    ids = claim_ids(db_path)
    assert run("verdict", ids[0], "false", "--source", URL, "--db", str(db_path)).exit_code == 0
    assert run("note", ids[1], "ask the ministry", "--db", str(db_path)).exit_code == 0
    return db_path


def head_of(db: Path) -> str:
    result = run("verify", "--db", str(db))
    assert result.exit_code == 0, result.output
    return result.output.split()[-1]


# -- verify --deep and rebuild ---------------------------------------------------------------


def test_deep_verify_passes_on_an_honest_file(reviewed_db: Path) -> None:
    result = run("verify", "--deep", "--db", str(reviewed_db))
    assert result.exit_code == 0, result.output
    assert "every derived row matches the events" in result.output


@pytest.mark.parametrize(
    ("sql", "expected"),
    [
        ("UPDATE claims SET kind = 'opinion' WHERE position = 0",
         r"claims row [0-9a-f]+: kind is 'opinion' in the file but 'fact' from the events"),
        ("UPDATE verdicts SET rating = 'accurate'",
         r"verdicts row [0-9a-f]+: rating is 'accurate' in the file but 'false' from the events"),
        ("DELETE FROM notes", r"notes row [0-9a-f]+ is missing from the file"),
        ("INSERT INTO sources (id, claim_id, url) VALUES ('forged', 'c', 'https://x.example')",
         r"sources row forged is in the file but no event created it"),
    ],
)  # fmt: skip
def test_deep_verify_finds_an_edited_projection_and_rebuild_mends_it(
    reviewed_db: Path, sql: str, expected: str
) -> None:
    edit_file(reviewed_db, sql)
    assert run("verify", "--db", str(reviewed_db)).exit_code == 0  # the chain itself is intact
    result = run("verify", "--deep", "--db", str(reviewed_db))
    assert result.exit_code == 1
    assert re.search(expected, result.output), result.output
    rebuilt = run("rebuild", "--db", str(reviewed_db))
    assert rebuilt.exit_code == 0 and "rebuilt the tables from 6 events" in rebuilt.output
    assert run("verify", "--deep", "--db", str(reviewed_db)).exit_code == 0


def test_show_and_export_print_what_the_events_say_after_rebuild(reviewed_db: Path) -> None:
    edit_file(reviewed_db, "UPDATE claims SET verdict = 'accurate'")
    run("rebuild", "--db", str(reviewed_db))
    claim = json.loads(run("show", claim_ids(reviewed_db)[0], "--format", "json",
                           "--db", str(reviewed_db)).output)  # fmt: skip
    assert claim["verdict"] == "false"


def test_rebuild_refuses_a_broken_chain(reviewed_db: Path) -> None:
    conn = sqlite3.connect(reviewed_db)
    conn.execute("DROP TRIGGER events_no_update")
    conn.execute("UPDATE events SET actor = 'mallory' WHERE seq = 5")
    conn.commit()
    conn.close()
    result = run("rebuild", "--db", str(reviewed_db))
    assert result.exit_code == 1
    assert result.output.startswith("error: refusing to rebuild from a broken chain")


# -- the head, kept elsewhere ------------------------------------------------------------------


def test_expect_head_catches_removed_newest_events(reviewed_db: Path) -> None:
    head = head_of(reviewed_db)
    assert run("verify", "--expect-head", head, "--db", str(reviewed_db)).exit_code == 0
    assert run("verify", "--expect-head", head[:12], "--db", str(reviewed_db)).exit_code == 0
    conn = sqlite3.connect(reviewed_db)
    conn.execute("DROP TRIGGER events_no_delete")
    conn.execute("DELETE FROM events WHERE seq = (SELECT max(seq) FROM events)")
    conn.commit()
    conn.close()
    assert run("verify", "--db", str(reviewed_db)).exit_code == 0  # the chain alone cannot tell
    result = run("verify", "--expect-head", head, "--db", str(reviewed_db))
    assert result.exit_code == 1
    assert "is not in this chain" in result.output
    assert "events were removed from the end, or the chain was rewritten" in result.output


def test_expect_head_still_holds_after_more_work(reviewed_db: Path) -> None:
    head = head_of(reviewed_db)
    run("note", claim_ids(reviewed_db)[2], "later work", "--db", str(reviewed_db))
    result = run("verify", "--expect-head", f"6:{head}", "--db", str(reviewed_db))
    assert result.exit_code == 0, result.output
    moved = run("verify", "--expect-head", f"5:{head}", "--db", str(reviewed_db))
    assert moved.exit_code == 1 and "was event #5 but is now #6" in moved.output


def test_expect_head_refuses_a_useless_hash(reviewed_db: Path) -> None:
    result = run("verify", "--expect-head", "abc", "--db", str(reviewed_db))
    assert result.exit_code == 2 and "at least 12 hex digits" in result.output


def test_json_report_and_merge_record_the_head(reviewed_db: Path, tmp_path: Path) -> None:
    report = json.loads(run("export", "--format", "json", "--db", str(reviewed_db)).output)
    assert f"{report['head']['hash']}" == head_of(reviewed_db)
    assert report["head"]["seq"] == 6
    other = tmp_path / "other.db"
    shutil.copy(reviewed_db, other)
    run("note", claim_ids(other)[2], "from the copy", "--db", str(other), reviewer="bob")
    merged = run("merge", str(other), "--db", str(reviewed_db))
    assert merged.exit_code == 0, merged.output
    assert f"head #7 {head_of(reviewed_db)}" in merged.output


# -- outside events checked like a reviewer's input ---------------------------------------------


def report_of(db: Path) -> dict:
    return json.loads(run("export", "--format", "json", "--db", str(db)).output)


def import_report(data: dict, tmp_path: Path, db: Path) -> object:
    path = tmp_path / "incoming.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return run("import", str(path), "--db", str(db))


def verdict_event(data: dict) -> dict:
    return next(e for e in data["events"] if e["action"] == "verdict.recorded")


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda e: e["payload"].update(rating="probably"),
         "rating 'probably' is not a verdict of rubric 'default'"),
        (lambda e: e["payload"]["sources"][0].update(url="javascript:alert(1)"),
         "must be an http(s) URL"),
        (lambda e: e.update(at="yesterday"), "'at' is not an ISO-8601 UTC time"),
        (lambda e: e.update(at="2026-02-30T10:00:00Z"), "'at' is not a real date and time"),
        (lambda e: e.update(payload=["not", "an", "object"]), "'payload' is not an object"),
        (lambda e: e["payload"].update(rules="strict"), "payload 'rules' must be an object"),
        (lambda e: e.update(action="verdict.erased"), "action 'verdict.erased' is unknown"),
    ],
)  # fmt: skip
def test_import_refuses_a_bad_event_by_name_and_writes_nothing(
    reviewed_db: Path, tmp_path: Path, change, message: str
) -> None:
    data = report_of(reviewed_db)
    target = verdict_event(data)
    change(target)
    fresh = tmp_path / "fresh.db"
    result = import_report(data, tmp_path, fresh)
    assert result.exit_code == 1
    line = result.output.strip()
    assert "\n" not in line and line.startswith("error: event ")
    assert target["id"][:16] in line and message in line and "nothing was imported" in line
    assert not fresh.exists() or run("stats", "--db", str(fresh)).output.count("events 0")


@pytest.mark.parametrize(
    ("frame", "message"),
    [
        ({"path": "Lenz"}, "frame 'path' must be a list of strings"),
        ({"path": ["Lenz"]}, "frame 'path' must be empty or [from, to]"),
        ({"places": [1]}, "frame 'places' must be a list of strings"),
        ({"tense": "soon"}, "frame 'tense' must be future, past or null"),
    ],
)
def test_import_refuses_a_claim_with_a_malformed_frame(
    reviewed_db: Path, tmp_path: Path, frame: dict, message: str
) -> None:
    data = report_of(reviewed_db)
    target = next(e for e in data["events"] if e["action"] == "claim.extracted")
    target["payload"]["frame"] = frame
    result = import_report(data, tmp_path, tmp_path / "fresh.db")
    assert result.exit_code == 1
    assert message in result.output and "nothing was imported" in result.output


def test_an_edited_report_is_refused_by_its_hashes_before_anything_is_written(
    reviewed_db: Path, tmp_path: Path
) -> None:
    data = report_of(reviewed_db)
    verdict_event(data)["payload"]["rating"] = "accurate"
    verdict_event(data)["actor"] = "mallory"
    before = head_of(reviewed_db)
    for target in (reviewed_db, tmp_path / "fresh.db"):
        result = import_report(data, tmp_path, target)
        assert result.exit_code == 1
        line = result.output.strip()
        assert "\n" not in line and line.startswith("error: event ")
        assert "does not match its hash: the file was altered after it was exported" in line
    assert head_of(reviewed_db) == before
    assert (
        not (tmp_path / "fresh.db").exists()
        or "events 0" in run("stats", "--db", str(tmp_path / "fresh.db")).output
    )


def test_an_altered_copy_of_a_known_event_is_a_conflict_not_skipped(
    reviewed_db: Path, tmp_path: Path
) -> None:
    from workbench.store.events import canonical_json, event_hash

    data = report_of(reviewed_db)
    event = verdict_event(data)
    event["payload"]["rating"] = "accurate"
    event["actor"] = "mallory"
    fields = [event[k] for k in ("id", "at", "actor", "action", "subject")]
    # a forger who recomputes the hash still meets the copy already in this database
    event["hash"] = event_hash(event["prev_hash"], *fields, canonical_json(event["payload"]))
    before = head_of(reviewed_db)
    result = import_report(data, tmp_path, reviewed_db)
    assert result.exit_code == 1
    assert "is already here with a different actor and payload" in result.output
    assert "one of the two copies was altered" in result.output
    assert head_of(reviewed_db) == before


def test_merge_refuses_a_copy_whose_chain_was_rewritten_with_an_altered_event(
    reviewed_db: Path, tmp_path: Path
) -> None:
    """A forger who edits a verdict and re-hashes the whole chain passes `verify` on the copy;
    merging it into an honest database must not silently keep either version."""
    from workbench.store import events as ev

    forged = tmp_path / "forged.db"
    shutil.copy(reviewed_db, forged)
    conn = sqlite3.connect(forged)
    conn.execute("DROP TRIGGER events_no_update")
    prev = ev.GENESIS
    for seq, eid, at, actor, action, subject, payload in conn.execute(
        "SELECT seq, id, at, actor, action, subject, payload FROM events ORDER BY seq"
    ).fetchall():
        if action == "verdict.recorded":
            payload = payload.replace('"rating":"false"', '"rating":"accurate"')
        digest = ev.event_hash(prev, eid, at, actor, action, subject, payload)
        conn.execute(
            "UPDATE events SET payload = ?, prev_hash = ?, hash = ? WHERE seq = ?",
            (payload, prev, digest, seq),
        )
        prev = digest
    conn.commit()
    conn.close()
    assert run("verify", "--db", str(forged)).exit_code == 0
    result = run("merge", str(forged), "--db", str(reviewed_db))
    assert result.exit_code == 1
    assert "already here with a different payload" in result.output


# -- opening files ---------------------------------------------------------------------------------


@pytest.mark.parametrize("command", [["stats"], ["verify"], ["claims"], ["history", "abcd"]])
def test_read_only_commands_refuse_a_missing_or_empty_file(
    tmp_path: Path, command: list[str]
) -> None:
    missing = tmp_path / "missing.db"
    result = run(*command, "--db", str(missing))
    assert result.exit_code == 1 and result.output.startswith("error: no workbench database at")
    assert not missing.exists()
    empty = tmp_path / "empty.db"
    empty.touch()
    result = run(*command, "--db", str(empty))
    assert result.exit_code == 1
    assert result.output == f"error: {empty} is empty (0 bytes), not a workbench database " \
        "(`workbench ingest` creates one)\n"  # fmt: skip
    assert empty.stat().st_size == 0


def test_unknown_migration_is_refused_like_a_newer_schema(db_path: Path) -> None:
    edit_file(db_path, "INSERT INTO _migrations VALUES ('m099_from_the_future', '2030-01-01')")
    result = run("stats", "--db", str(db_path))
    assert result.exit_code == 1
    assert "was migrated by a newer or different workbench (unknown migration " \
        "m099_from_the_future)" in result.output  # fmt: skip


def test_lock_message_states_the_real_wait(db_path: Path, monkeypatch) -> None:
    from workbench.core.errors import StoreError

    monkeypatch.setattr("workbench.store.db.BUSY_TIMEOUT_S", 0.2)
    blocker = sqlite3.connect(db_path)
    blocker.execute("BEGIN IMMEDIATE")
    try:
        with Store(db_path) as store, pytest.raises(StoreError) as info, store.transaction():
            pass
    finally:
        blocker.rollback()
        blocker.close()
    # four tries of 0.2 s each plus the pauses between them: about a second, not "0.2 s"
    waited = float(re.search(r"waited (\d+) s", str(info.value)).group(1))
    assert 1 <= waited <= 3


_JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=8),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner, max_size=3)
    ),
    max_leaves=6,
)


@given(data=st.data())
@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
def test_any_mangled_report_imports_or_gives_one_error_line(
    reviewed_db: Path, tmp_path: Path, data
) -> None:
    report = report_of(reviewed_db)
    event = data.draw(st.sampled_from(report["events"]))
    where = data.draw(st.sampled_from(["payload", "top"]))
    if where == "payload" and event["payload"]:
        key = data.draw(st.sampled_from(sorted(event["payload"])))
        event["payload"][key] = data.draw(_JSON_VALUES)
    else:
        key = data.draw(st.sampled_from(["at", "actor", "action", "subject", "payload"]))
        event[key] = data.draw(_JSON_VALUES)
    target = tmp_path / f"mangled-{data.draw(st.integers(0, 10**9))}.db"
    result = CliRunner().invoke(
        cli, ["import", str(_write(tmp_path, report)), "--db", str(target)],
        env={"WORKBENCH_REVIEWER": "alice"}, catch_exceptions=False,
    )  # fmt: skip
    lines = result.output.strip().splitlines()
    assert len(lines) == 1
    if result.exit_code == 0:
        assert lines[0].startswith("imported ")
        assert run("verify", "--deep", "--db", str(target)).exit_code == 0
    else:
        assert lines[0].startswith("error: ")


def _write(folder: Path, report: dict) -> Path:
    path = folder / "mangled.json"
    path.write_text(json.dumps(report), encoding="utf-8")
    return path
