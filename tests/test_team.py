"""Several reviewers, one database: concurrent writers, merges, git, agreement, Datasette."""

from __future__ import annotations

import json
import multiprocessing
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import hand_made
from workbench.cli.main import cli
from workbench.review.rubrics import load_rubric
from workbench.store import Store
from workbench.usecases import actions

URL = "https://stats.example.org/wheat"
TEXT = "\n\n".join(
    f"Freedonia reported that convoy {i} carried {i * 1000} tonnes of grain." for i in range(6)
)


def run(*args: str, reviewer: str = "alice"):
    return CliRunner().invoke(cli, list(args), env={"WORKBENCH_REVIEWER": reviewer})


def claim_ids(db: Path) -> list[str]:
    with Store(db) as store:
        return [c.id for c in store.claims()]


@pytest.fixture
def team_db(tmp_path: Path) -> Path:
    path = tmp_path / "team.db"
    article, claims = hand_made(text=TEXT)
    with Store(path) as store:
        store.add_article(article, claims, "editor")
    return path


def snapshot(db: Path) -> dict:
    """Everything the projections hold, in a comparable form."""
    with Store(db) as store:
        return {
            "claims": [
                (c.id, c.claim, c.kind, c.status, c.verdict,
                 sorted((v.reviewer, v.rating, v.note, v.at, v.approved_by) for v in c.verdicts))
                for c in store.claims()
            ],
            "articles": [(a.id, a.ingested_at) for a in store.articles()],
            "sources": sorted((by, s.url) for c in store.claims()
                              for by, s in store.claim_sources(c.id)),
            "events": sorted(e.id for e in store.events()),
        }  # fmt: skip


# -- local concurrency -----------------------------------------------------------------------


def _writer(db: str, reviewer: str, count: int) -> None:
    rubric = load_rubric("default")
    with Store(db) as store:
        ids = [c.id for c in store.claims()]
        for i in range(count):
            actions.record_verdict(
                store, ids[i % len(ids)], "unsupported", rubric, reviewer, note=f"{reviewer} {i}"
            )


def test_four_concurrent_writers_lose_nothing(team_db: Path) -> None:
    ctx = multiprocessing.get_context("spawn")
    workers = [ctx.Process(target=_writer, args=(str(team_db), f"r{n}", 200)) for n in range(4)]
    for w in workers:
        w.start()
    for w in workers:
        w.join(timeout=300)
    assert [w.exitcode for w in workers] == [0, 0, 0, 0]
    conn = sqlite3.connect(team_db)
    counts = dict(
        conn.execute(
            "SELECT actor, count(*) FROM events WHERE action = 'verdict.recorded' GROUP BY actor"
        ).fetchall()
    )
    notes = {r[0] for r in conn.execute("SELECT json_extract(payload, '$.note') FROM events")}
    conn.close()
    assert counts == {"r0": 200, "r1": 200, "r2": 200, "r3": 200}
    assert {f"r{n} {i}" for n in range(4) for i in range(200)} <= notes
    assert run("verify", "--db", str(team_db)).exit_code == 0


def test_a_stale_view_never_overwrites_a_newer_verdict(team_db: Path) -> None:
    rubric = load_rubric("default")
    cid = claim_ids(team_db)[0]
    with Store(team_db) as alice_view, Store(team_db) as bob:
        seen = alice_view.claim_version(cid)  # alice opens the claim
        actions.record_verdict(bob, cid, "false", rubric, "bob", [actions.SourceInput(URL)])
        with pytest.raises(actions.StaleError, match="bob changed this claim"):
            actions.record_verdict(
                alice_view, cid, "accurate", rubric, "alice", [actions.SourceInput(URL)], seen=seen
            )
        assert [v.reviewer for v in alice_view.claim(cid).verdicts] == ["bob"]
        seen = alice_view.claim_version(cid)  # she looks again, then decides
        actions.record_verdict(
            alice_view, cid, "accurate", rubric, "alice", [actions.SourceInput(URL)], seen=seen
        )
        assert alice_view.claim(cid).status == "conflict"


def test_network_filesystem_warning(team_db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("workbench.store.db.filesystem_type", lambda path: "nfs4")
    result = CliRunner().invoke(cli, ["stats", "--db", str(team_db)])
    assert result.exit_code == 0
    assert "warning: " in result.output and "network filesystem (nfs4)" in result.output
    assert "workbench merge" in result.output


# -- merge -----------------------------------------------------------------------------------


def copies(team_db: Path, tmp_path: Path) -> tuple[Path, Path]:
    a, b = tmp_path / "alice.db", tmp_path / "bob.db"
    shutil.copy(team_db, a)
    shutil.copy(team_db, b)
    return a, b


def test_merge_is_a_union_and_idempotent(team_db: Path, tmp_path: Path) -> None:
    a, b = copies(team_db, tmp_path)
    ids = claim_ids(team_db)
    assert run("verdict", ids[0], "false", "--source", URL, "--db", str(a)).exit_code == 0
    assert run("note", ids[1], "check the port log", "--db", str(b), reviewer="bob").exit_code == 0
    result = run("merge", str(b), "--db", str(a))
    assert result.exit_code == 0, result.output
    assert result.output.startswith(f"merged {b}: 1 new events (7 already here)")
    again = run("merge", str(b), "--db", str(a))
    assert again.output.startswith(f"merged {b}: 0 new events (8 already here)")
    with Store(a) as store:
        assert store.claim(ids[0]).verdict == "false"
        assert store.claim_notes(ids[1])[0][:2] == ("bob", "check the port log")
    assert run("verify", "--db", str(a)).exit_code == 0


def test_merge_surfaces_conflicts_and_resolve_settles_them(team_db: Path, tmp_path: Path) -> None:
    a, b = copies(team_db, tmp_path)
    cid = claim_ids(team_db)[2]
    run("verdict", cid, "false", "--source", URL, "--db", str(a))
    run("verdict", cid, "accurate", "--source", URL, "--db", str(b), reviewer="bob")
    result = run("merge", str(b), "--db", str(a))
    assert f"conflict {cid}: " in result.output
    assert "alice: false, bob: accurate" in result.output
    assert "settle each with `workbench resolve ID RATING`" in result.output
    claims = json.loads(run("claims", "--db", str(a), "--format", "json").output)
    (claim,) = [c for c in claims if c["id"] == cid]
    assert claim["status"] == "conflict" and claim["verdict"] is None
    assert sorted(v["rating"] for v in claim["verdicts"]) == ["accurate", "false"]
    refused = run("resolve", claim_ids(team_db)[0], "false", "--db", str(a), reviewer="editor")
    assert refused.exit_code == 1 and "is not in conflict" in refused.output
    settled = run("resolve", cid[:6], "misleading", "--db", str(a), reviewer="editor")
    assert settled.output == f"{cid}: resolved as 'Missing context / misleading'\n"
    with Store(a) as store:
        assert store.claim(cid).verdict == "misleading"
        assert store.claim(cid).status == "reviewed"
    assert (
        "resolved as 'Missing context / misleading' (alice: false, bob: accurate)"
        in run("history", cid, "--db", str(a)).output
    )
    assert run("verify", "--db", str(a)).exit_code == 0


def test_merging_either_way_gives_the_same_projections(team_db: Path, tmp_path: Path) -> None:
    a, b = copies(team_db, tmp_path)
    ids = claim_ids(team_db)
    run("verdict", ids[0], "false", "--source", URL, "--db", str(a))
    run("verdict", ids[0], "accurate", "--source", URL, "--db", str(b), reviewer="bob")
    run("verdict", ids[1], "unsupported", "--db", str(b), reviewer="bob")
    run("approve", ids[1], "--db", str(a))  # nothing to approve in alice's copy: refused
    run("edit", ids[3], "Convoy 3 carried 3,000 t.", "--db", str(a))
    run("undo", "--db", str(b), "--reviewer", "bob")  # bob undoes his 'unsupported'
    run("source", "add", ids[4], "https://ports.example.net/log", "--db", str(b), reviewer="bob")
    a2, b2 = tmp_path / "a2.db", tmp_path / "b2.db"
    shutil.copy(a, a2)
    shutil.copy(b, b2)
    assert run("merge", str(b), "--db", str(a2)).exit_code == 0
    assert run("merge", str(a), "--db", str(b2)).exit_code == 0
    assert snapshot(a2) == snapshot(b2)
    with Store(a2) as store:
        assert store.claim(ids[1]).verdicts == ()  # bob's undo travelled with the merge
        assert store.claim(ids[3]).claim == "Convoy 3 carried 3,000 t."


def test_merge_refuses_a_tampered_or_foreign_copy(team_db: Path, tmp_path: Path) -> None:
    a, b = copies(team_db, tmp_path)
    conn = sqlite3.connect(b)
    conn.execute("DROP TRIGGER events_no_update")
    conn.execute("UPDATE events SET actor = 'mallory' WHERE seq = 2")
    conn.commit()
    conn.close()
    result = run("merge", str(b), "--db", str(a))
    assert result.exit_code == 1 and "fails verification" in result.output
    other = tmp_path / "other.db"
    sqlite3.connect(other).execute("CREATE TABLE t (x)").connection.commit()
    assert "not a workbench database" in run("merge", str(other), "--db", str(a)).output
    assert "cannot merge a database into itself" in run("merge", str(a), "--db", str(a)).output


# -- git -------------------------------------------------------------------------------------


def git(repo: Path, *args: str) -> str:
    out = subprocess.run(
        ["git", "-C", str(repo), *args], capture_output=True, text=True, check=True,
        env={"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org",
             "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org",
             "HOME": str(repo), "PATH": "/usr/bin:/bin:/usr/local/bin"},
    )  # fmt: skip
    return out.stdout + out.stderr


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_git_merge_driver_on_two_branches(team_db: Path, tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    repo.mkdir()
    git(repo, "init", "-q", "-b", "main")
    db = repo / "claims.db"
    shutil.copy(team_db, db)
    setup = CliRunner().invoke(cli, ["git-setup", "--repo", str(repo), "--pattern", "claims.db"])
    assert setup.exit_code == 0, setup.output
    assert "claims.db merge=workbench" in (repo / ".gitattributes").read_text()
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", "articles")
    ids = claim_ids(db)
    git(repo, "checkout", "-q", "-b", "bob")
    assert run("verdict", ids[0], "accurate", "--source", URL, "--db", str(db), reviewer="bob")
    git(repo, "commit", "-qam", "bob's verdicts")
    git(repo, "checkout", "-q", "main")
    run("verdict", ids[0], "false", "--source", URL, "--db", str(db))
    run("verdict", ids[1], "unsupported", "--db", str(db))
    git(repo, "commit", "-qam", "alice's verdicts")
    output = git(repo, "merge", "--no-edit", "bob")
    assert "workbench: merged" in output and f"conflict {ids[0]}" in output
    with Store(db) as store:
        assert {v.reviewer for v in store.claim(ids[0]).verdicts} == {"alice", "bob"}
        assert store.claim(ids[0]).status == "conflict"
        assert store.claim(ids[1]).verdict == "unsupported"
        assert store.verify() is None
    assert "Unmerged" not in git(repo, "status")


# -- agreement and browsing -----------------------------------------------------------------


def test_agreement_command_matches_hand_computation(team_db: Path) -> None:
    rubric = load_rubric("default")
    ids = claim_ids(team_db)
    # alice / bob on four claims: agree on 3 (po = 0.75)
    plan = [("false", "false"), ("accurate", "accurate"), ("accurate", "mostly-accurate"),
            ("unsupported", "unsupported")]  # fmt: skip
    with Store(team_db) as store:
        for cid, (x, y) in zip(ids, plan, strict=False):
            actions.record_verdict(store, cid, x, rubric, "alice", [actions.SourceInput(URL)])
            actions.record_verdict(store, cid, y, rubric, "bob", [actions.SourceInput(URL)])
    out = json.loads(run("agreement", "--db", str(team_db), "--format", "json").output)
    # marginals a: false 1, accurate 2, unsupported 1; b: false 1, accurate 1, mostly 1, uns. 1
    # pe = (1*1 + 2*1 + 1*1) / 16 = 0.25; kappa = (0.75 - 0.25) / 0.75 = 0.6667
    (pair,) = out["pairs"]
    assert pair["claims"] == 4 and pair["observed"] == 0.75
    assert pair["kappa"] == pytest.approx(2 / 3)
    assert out["claims"] == 4 and out["alpha_nominal"] is not None
    text = run("agreement", "--db", str(team_db)).output
    assert "alice / bob: 4 claims, agree 75%, Cohen's kappa 0.667" in text


def test_database_opens_in_datasette_with_search(team_db: Path) -> None:
    datasette_app = pytest.importorskip("datasette.app")
    import asyncio
    from importlib.resources import files

    run("verdict", claim_ids(team_db)[0], "false", "--source", URL, "--db", str(team_db))
    metadata = json.loads((files("workbench.data") / "datasette-metadata.json").read_text())

    async def fetch() -> tuple[dict, dict]:
        ds = datasette_app.Datasette(immutables=[str(team_db)], metadata=metadata)
        tables = (await ds.client.get("/team.json")).json()
        found = (await ds.client.get("/team/claims.json?_search=convoy%203&_shape=array")).json()
        return tables, found

    tables, found = asyncio.run(fetch())
    names = {t["name"]: t for t in tables["tables"]}
    assert {"events", "claims", "verdicts", "sources", "articles"} <= set(names)
    assert names["claims_fts"]["hidden"] is True
    assert [row["claim"] for row in found] == [
        "Freedonia reported that convoy 3 carried 3000 tonnes of grain."
    ]
    assert sys.modules.get("datasette") is not None


# -- merges of copies that went their own ways ------------------------------------------------

_ACTIONS = st.lists(
    st.tuples(
        st.sampled_from(
            ["verdict", "edit", "kind", "source", "note", "undo", "approve", "article"]
        ),
        st.integers(0, 5),  # which claim
        st.sampled_from(["alice", "bob"]),
    ),
    max_size=8,
)


def _act(store: Store, action: str, k: int, reviewer: str, step: int) -> None:
    """One reviewer action on a copy; one refused (nothing to approve or undo) is skipped."""
    ids = [c.id for c in store.claims()]
    cid = ids[k % len(ids)]
    rubric = load_rubric("default")
    try:
        if action == "verdict":
            rating = ["accurate", "false", "unsupported"][(k + step) % 3]
            actions.record_verdict(store, cid, rating, rubric, reviewer)
        elif action == "edit":
            actions.edit(store, cid, f"Convoy {k} carried {step} tonnes ({reviewer}).", reviewer)
        elif action == "kind":
            actions.reclassify(store, cid, ["opinion", "fact"][step % 2], reviewer)
        elif action == "source":
            actions.add_source(store, cid, actions.SourceInput(f"{URL}/{step}"), reviewer)
        elif action == "note":
            actions.add_note(store, cid, f"note {step} by {reviewer}", reviewer)
        elif action == "undo":
            actions.undo(store, reviewer)
        elif action == "approve":
            actions.approve(store, cid, reviewer)
        else:  # an article of this copy's own, or one both copies ingest
            text = f"Osterlich reported that ferry {k} carried {k * 10} cars."
            article, claims = hand_made(text=text, title=f"Ferry {k}")
            store.add_article(article, claims, reviewer)
    except actions.ActionError:
        pass


@given(left=_ACTIONS, right=_ACTIONS)
@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
def test_copies_that_went_their_own_ways_merge_to_what_their_events_say(
    team_db: Path, tmp_path_factory: pytest.TempPathFactory, left: list, right: list
) -> None:
    # a merge applies only the events it adds; the tables must be what a replay of the whole
    # log gives (verify --deep), and the same whichever way the copies are merged
    tmp = tmp_path_factory.mktemp("merge")
    a, b = tmp / "a.db", tmp / "b.db"
    shutil.copy(team_db, a)
    shutil.copy(team_db, b)
    for path, steps in ((a, left), (b, right)):
        with Store(path) as store:
            for step, (action, k, reviewer) in enumerate(steps):
                _act(store, action, k, reviewer, step)
    a2, b2 = tmp / "a2.db", tmp / "b2.db"
    shutil.copy(a, a2)
    shutil.copy(b, b2)
    assert run("merge", str(b), "--db", str(a2)).exit_code == 0
    assert run("merge", str(a), "--db", str(b2)).exit_code == 0
    for merged in (a2, b2):
        with Store(merged) as store:
            assert store.projection_difference() is None
    assert snapshot(a2) == snapshot(b2)
