"""Verdicts, approvals, edits, sources, notes and undo from the command line."""

from __future__ import annotations

import hashlib
import http.server
import json
import sqlite3
import threading
from pathlib import Path

import pytest
from click.testing import CliRunner

from workbench.cli.main import cli

SRC = "https://stats.example.org/wheat-2025"


def run(db: Path, *args: str, reviewer: str | None = "alice"):
    env = {"WORKBENCH_DB": str(db)}
    if reviewer:
        env["WORKBENCH_REVIEWER"] = reviewer
    return CliRunner().invoke(cli, list(args), env=env)


def claims(db: Path) -> list[dict]:
    return json.loads(run(db, "claims", "--format", "json").output)


def first_id(db: Path) -> str:
    return claims(db)[0]["id"]


def events(db: Path) -> int:
    conn = sqlite3.connect(db)
    try:
        return conn.execute("SELECT count(*) FROM events").fetchone()[0]
    finally:
        conn.close()


def ok(result) -> str:
    assert result.exit_code == 0, result.output
    return result.output


def refused(db: Path, result, message: str) -> None:
    assert result.exit_code != 0
    assert result.output.count("\n") == 1 and result.output.startswith("error: ")
    assert message in result.output


def test_verdict_with_source_shows_in_claims_json(db_path: Path) -> None:
    cid = first_id(db_path)
    out = ok(
        run(
            db_path, "verdict", cid[:6], "false", "--source", SRC, "--title", "Wheat 2025",
            "--excerpt", "imports fell to 38 per cent", "--note", "the figure is from 2024",
        )
    )  # fmt: skip
    assert out == f"{cid}: alice rated 'False'; status reviewed\n"
    claim = claims(db_path)[0]
    assert claim["verdict"] == "false" and claim["status"] == "reviewed"
    (verdict,) = claim["verdicts"]
    assert verdict["reviewer"] == "alice" and verdict["rating"] == "false"
    assert verdict["note"] == "the figure is from 2024"
    assert verdict["sources"][0]["url"] == SRC
    assert verdict["sources"][0]["title"] == "Wheat 2025"
    assert verdict["sources"][0]["excerpt"] == "imports fell to 38 per cent"
    assert verdict["at"].endswith("Z")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("verdict", "{id}", "pants-on-fire", "--source", SRC), "'pants-on-fire' is not a rating"),
        (("verdict", "{id}", "false"), "'False' needs 1 source(s) in rubric 'default'"),
        (("verdict", "{id}", "false", "--source", "javascript:alert(1)"), "must be an http(s) URL"),
        (("verdict", "{id}", "false", "--source", "file:///etc/passwd"), "must be an http(s) URL"),
        (("verdict", "{id}", "false", "--source", "https://"), "has no host name"),
        (("verdict", "{id}", "false", "--source", "https://a b.org"), "contains spaces"),
        (("verdict", "{id}", "false", "--rubric", "nonesuch", "--source", SRC), "no rubric named"),
        (("verdict", "ffffffffffff", "false", "--source", SRC), "no claim with id"),
        (("approve", "{id}"), "has no verdict by another reviewer to approve"),
        (("reclassify", "{id}", "fact"), "is already a fact"),
        (("edit", "{id}", "   "), "the new wording is empty"),
        (("undo",), "alice has nothing to undo"),
        (("note", "{id}", " "), "the note is empty"),
        (("source", "add", "{id}", "ftp://files.example.org/x"), "must be an http(s) URL"),
    ],
)
def test_refusals_write_nothing(db_path: Path, args: tuple[str, ...], message: str) -> None:
    cid = first_id(db_path)
    before = events(db_path)
    result = run(db_path, *(a.replace("{id}", cid) for a in args))
    refused(db_path, result, message)
    assert events(db_path) == before


def test_rating_by_key_or_label_and_no_source_for_unsupported(db_path: Path) -> None:
    cid = first_id(db_path)
    ok(run(db_path, "verdict", cid, "Unsupported"))
    assert claims(db_path)[0]["verdict"] == "unsupported"
    ok(run(db_path, "verdict", cid, "1", "--source", SRC))
    assert claims(db_path)[0]["verdict"] == "accurate"


def test_one_current_verdict_per_reviewer_and_conflicts(db_path: Path) -> None:
    cid = first_id(db_path)
    ok(run(db_path, "verdict", cid, "false", "--source", SRC))
    ok(run(db_path, "verdict", cid, "misleading", "--source", SRC))
    claim = claims(db_path)[0]
    assert [v["rating"] for v in claim["verdicts"]] == ["misleading"]
    ok(run(db_path, "verdict", cid, "accurate", "--source", SRC, reviewer="bob"))
    claim = claims(db_path)[0]
    assert claim["status"] == "conflict" and claim["verdict"] is None
    assert sorted(v["reviewer"] for v in claim["verdicts"]) == ["alice", "bob"]
    ok(run(db_path, "verdict", cid, "misleading", reviewer="bob"))  # bob's source still counts
    assert claims(db_path)[0]["verdict"] == "misleading"


def test_second_reviewer_must_approve_under_politifact(db_path: Path) -> None:
    cid = first_id(db_path)
    ok(run(db_path, "verdict", cid, "half-true", "--rubric", "politifact", "--source", SRC))
    claim = claims(db_path)[0]
    assert claim["status"] == "needs_approval" and claim["verdict"] is None
    refused(db_path, run(db_path, "approve", cid), "no verdict by another reviewer")
    out = ok(run(db_path, "approve", cid, reviewer="bob"))
    assert out == f"{cid}: bob approved alice's 'half-true'; status reviewed\n"
    assert claims(db_path)[0]["verdict"] == "half-true"
    refused(db_path, run(db_path, "approve", cid, reviewer="bob"), "has already approved")


def test_independent_sources_rule_under_pinocchio(db_path: Path) -> None:
    cid = first_id(db_path)
    ok(
        run(
            db_path, "verdict", cid, "two-pinocchios", "--rubric", "pinocchio",
            "--source", "https://www.ledger.example/a", "--source", "https://ledger.example/b",
        )
    )  # fmt: skip
    claim = claims(db_path)[0]
    assert claim["status"] == "needs_sources" and claim["verdict"] is None
    ok(run(db_path, "source", "add", cid, "https://archive.example.net/c"))
    assert claims(db_path)[0]["status"] == "reviewed"
    assert claims(db_path)[0]["verdict"] == "two-pinocchios"


def test_reclassify_edit_note_and_undo(db_path: Path) -> None:
    cid = first_id(db_path)
    original = claims(db_path)[0]["claim"]
    ok(run(db_path, "reclassify", cid, "opinion"))
    ok(run(db_path, "edit", cid, "Ruritania sent 40,000 tonnes of grain in March."))
    ok(run(db_path, "note", cid, "ask the port authority"))
    claim = claims(db_path)[0]
    assert claim["kind"] == "opinion" and claim["claim"].startswith("Ruritania sent")
    assert claim["text"].startswith("Ruritania shipped")  # the verbatim span never changes
    assert ok(run(db_path, "undo")) == f"{cid}: undid alice's note.added\n"
    assert ok(run(db_path, "undo")) == f"{cid}: undid alice's claim.edited\n"
    assert claims(db_path)[0]["claim"] == original
    ok(run(db_path, "undo"))
    assert claims(db_path)[0]["kind"] == "fact"
    refused(db_path, run(db_path, "undo"), "alice has nothing to undo")


def test_undo_restores_the_previous_verdict_and_only_your_own(db_path: Path) -> None:
    cid = first_id(db_path)
    ok(run(db_path, "verdict", cid, "false", "--source", SRC))
    ok(run(db_path, "verdict", cid, "accurate", "--source", SRC))
    ok(run(db_path, "note", cid, "bob was here", reviewer="bob"))
    ok(run(db_path, "undo"))
    assert claims(db_path)[0]["verdict"] == "false"
    assert ok(run(db_path, "undo", "--reviewer", "bob")).endswith("undid bob's note.added\n")
    assert claims(db_path)[0]["verdict"] == "false"


def test_history_and_verify_after_a_review_sequence(db_path: Path) -> None:
    cid = first_id(db_path)
    ok(run(db_path, "verdict", cid, "half-true", "--rubric", "politifact", "--source", SRC))
    ok(run(db_path, "approve", cid, reviewer="bob"))
    ok(
        run(
            db_path,
            "edit",
            cid,
            "Ruritania shipped 40,000 t of grain in March 2026.",
            reviewer="bob",
        )
    )
    ok(run(db_path, "undo", reviewer="bob"))
    lines = ok(run(db_path, "history", cid)).splitlines()
    actions = [line.split("  ")[2] for line in lines]
    assert actions == [
        "claim.extracted", "verdict.recorded", "verdict.approved", "claim.edited", "action.undone",
    ]  # fmt: skip
    assert [line.split("  ")[1] for line in lines] == ["tester", "alice", "bob", "bob", "bob"]
    assert f"rated 'Half True' (politifact); source {SRC}" in lines[1]
    assert "approved alice's 'half-true'" in lines[2]
    assert "reworded: Ruritania shipped 40,000 t" in lines[3]
    assert "undid claim.edited" in lines[4]
    assert [line[:27] for line in lines] == sorted(line[:27] for line in lines)
    assert ok(run(db_path, "verify")).startswith("ok: 8 events")


def test_reviewer_defaults_to_git_user_then_login(
    db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    gitconfig = tmp_path / "gitconfig"
    gitconfig.write_text("[user]\n\tname = Grace Git\n")
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", str(gitconfig))
    monkeypatch.delenv("WORKBENCH_REVIEWER")
    cid = first_id(db_path)
    ok(run(db_path, "note", cid, "from git", reviewer=None))
    assert "  Grace Git  note.added" in ok(run(db_path, "history", cid))
    from workbench.core.identity import current_reviewer

    monkeypatch.setenv("GIT_CONFIG_GLOBAL", str(tmp_path / "none"))
    monkeypatch.setattr("getpass.getuser", lambda: "login-name")
    assert current_reviewer() == "login-name"
    monkeypatch.setenv("WORKBENCH_REVIEWER", "env-name")
    assert current_reviewer() == "env-name"
    assert current_reviewer("explicit") == "explicit"


def test_source_add_fetch_saves_snapshot(db_path: Path) -> None:
    body = (
        b"<html><body><article><p>Wheat imports fell to 38 per cent in 2025, "
        b"the office said.</p></article></body></html>"
    )

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    server = http.server.HTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        url = f"http://127.0.0.1:{server.server_port}/wheat"
        cid = first_id(db_path)
        out = ok(
            run(
                db_path, "source", "add", cid, url, "--title", "Wheat", "--fetch", "--allow-private"
            )
        )
    finally:
        server.shutdown()
    conn = sqlite3.connect(db_path)
    payload = json.loads(
        conn.execute("SELECT payload FROM events WHERE action = 'source.added'").fetchone()[0]
    )
    assert "38 per cent" in payload["snapshot"]
    digest = hashlib.sha256(payload["snapshot"].encode()).hexdigest()
    assert payload["snapshot_hash"] == digest and digest[:12] in out
    assert conn.execute("SELECT snapshot_hash FROM sources").fetchone()[0] == digest
