"""Ingest spread over machines: N shards of the inputs, each in its own database, merged,
equal a single ingest of the same inputs."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from workbench.cli.main import cli
from workbench.core.errors import InputError
from workbench.ingest.shards import Shard, canonical_url, file_key

PLACES = ["Ruritania", "Freedonia", "Osterlich", "Graustark", "Latveria", "Sylvania",
          "Elbonia", "Genovia"]  # fmt: skip
GOODS = ["grain", "fertiliser", "diesel", "timber", "steel"]


def run(*args: str):
    result = CliRunner().invoke(cli, list(args), env={"WORKBENCH_REVIEWER": "alice"})
    assert result.exit_code == 0, result.output
    return result


def write_articles(folder: Path, count: int) -> None:
    for i in range(count):
        a, b = PLACES[i % 8], PLACES[(i * 3 + 1) % 8]
        good = GOODS[i % 5]
        sub = folder / f"desk{i % 3}"
        sub.mkdir(parents=True, exist_ok=True)
        (sub / f"story{i:02d}.md").write_text(
            f"# {a} and {b}, report {i}\n\n"
            f"{a} shipped {1000 + 37 * i} tonnes of {good} to {b} in week {i + 1}, "
            f"the port authority said.\n\n"
            f'"We expect a second delivery before winter," a spokesperson for {b} told '
            f"reporters on day {i + 2}.\n",
            encoding="utf-8",
        )


def contents(db: Path) -> tuple[set, set]:
    conn = sqlite3.connect(db)
    try:
        articles = set(conn.execute("SELECT id, content_hash, title, text FROM articles"))
        claims = set(
            conn.execute(
                "SELECT id, article_id, position, claim, text, kind, speaker, stance, quote "
                "FROM claims"
            )
        )
    finally:
        conn.close()
    return articles, claims


def test_four_shards_merged_equal_one_ingest(tmp_path: Path) -> None:
    inputs = tmp_path / "articles"
    write_articles(inputs, 40)
    single = tmp_path / "single.db"
    run("ingest", str(inputs), "--db", str(single), "--quiet")

    parts = []
    for k in range(1, 5):
        part = tmp_path / f"part{k}.db"
        out = run("ingest", str(inputs), "--shard", f"{k}/4", "--db", str(part), "--quiet")
        parts.append(part)
        assert "articles" in out.output
    sizes = [len(contents(p)[0]) for p in parts]
    assert sum(sizes) == 40 and all(sizes), sizes  # disjoint shares covering every input

    merged = tmp_path / "merged.db"
    for part in parts:
        run("merge", str(part), "--db", str(merged))
    assert contents(merged) == contents(single)
    assert "ok" in run("verify", "--db", str(merged)).output.lower()


def test_shares_do_not_depend_on_where_the_folder_is(tmp_path: Path) -> None:
    shard = Shard(2, 3)
    here, there = Path("/data/articles"), Path("/mnt/copy/articles")
    for name in ("desk0/story01.md", "desk1/story07.md", "x.md"):
        assert shard.takes(file_key(here / name, here)) == shard.takes(
            file_key(there / name, there)
        )


def test_a_url_is_sharded_by_its_canonical_form() -> None:
    assert canonical_url("HTTPS://Example.org:443/a?utm_source=feed&id=3#top") == (
        "https://example.org/a?id=3"
    )


@pytest.mark.parametrize("text", ["0/4", "5/4", "2", "a/b", "1/0"])
def test_a_bad_shard_is_refused(text: str) -> None:
    with pytest.raises(InputError):
        Shard.parse(text)


def test_stdin_and_sample_are_not_sharded(tmp_path: Path) -> None:
    db = str(tmp_path / "c.db")
    sample = CliRunner().invoke(cli, ["ingest", "--sample", "--shard", "1/2", "--db", db])
    assert sample.exit_code != 0 and "cannot be sharded" in sample.output
    stdin = CliRunner().invoke(cli, ["ingest", "-", "--shard", "1/2", "--db", db], input="Hi.")
    assert stdin.exit_code != 0 and "cannot be sharded" in stdin.output
