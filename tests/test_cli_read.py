"""Reading commands: claims, show, history, stats — output a user relies on."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from workbench.cli.main import cli

CLAIM_FIELDS = {
    "id", "article_id", "text", "claim", "kind", "speaker", "speaker_type", "stance", "quote",
    "start", "end",
    "cues", "checkworthiness", "entities", "status", "verdict", "verdicts", "matches",
}  # fmt: skip


def run(*args: str, env: dict | None = None):
    return CliRunner().invoke(cli, list(args), env=env)


def claims_json(db_path: Path, *args: str) -> list[dict]:
    result = run("claims", "--db", str(db_path), "--format", "json", *args)
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def test_claims_json_shape(db_path: Path) -> None:
    found = claims_json(db_path)
    assert len(found) == 3
    assert set(found[0]) == CLAIM_FIELDS
    first = found[0]
    assert first["text"] == "Ruritania shipped 40,000 tonnes of grain to Freedonia in March."
    assert first["speaker"] is None and first["quote"] is False
    assert first["start"] == 0 and first["end"] == len(first["text"])
    assert first["status"] == "unreviewed" and first["verdict"] is None
    assert first["verdicts"] == [] and first["matches"] == []
    assert first["entities"] == [{"text": "Ruritania", "label": "GPE"}]
    assert found[1]["speaker"] == "the minister"


def test_claims_filters(db_path: Path) -> None:
    assert [c["kind"] for c in claims_json(db_path, "--kind", "opinion")] == ["opinion"]
    assert len(claims_json(db_path, "--status", "unreviewed")) == 3
    assert claims_json(db_path, "--status", "false") == []
    article_id = claims_json(db_path)[0]["article_id"]
    assert len(claims_json(db_path, "--article", article_id[:5])) == 3
    result = run("claims", "--db", str(db_path), "--article", "abcdef9999")
    assert result.exit_code == 1
    assert result.output.strip() == "error: no article with id abcdef9999"


def test_claims_jsonl_csv_and_table(db_path: Path) -> None:
    lines = run("claims", "--db", str(db_path), "--format", "jsonl").output.splitlines()
    assert [json.loads(line)["kind"] for line in lines] == ["fact", "fact", "opinion"]
    rows = list(
        csv.DictReader(io.StringIO(run("claims", "--db", str(db_path), "--format", "csv").output))
    )
    assert rows[2]["cues"] == "evaluative: remarkable" and rows[0]["quote"] == "False"
    table = run("claims", "--db", str(db_path)).output.splitlines()
    assert table[0].split() == ["ID", "KIND", "CW", "SPEAKER", "STATUS", "CLAIM"]
    assert "the minister" in table[2] and "0.60" in table[2]


def test_db_from_environment(db_path: Path) -> None:
    result = run("claims", "--format", "json", env={"WORKBENCH_DB": str(db_path)})
    assert len(json.loads(result.output)) == 3


def test_reading_a_missing_database_writes_nothing(tmp_path: Path) -> None:
    result = run("claims")
    assert result.exit_code == 1
    assert "no workbench database at claims.db" in result.output
    assert not (tmp_path / "claims.db").exists()


def test_show_by_prefix(db_path: Path) -> None:
    claim = claims_json(db_path)[1]
    result = run("show", claim["id"][:6], "--db", str(db_path))
    assert result.exit_code == 0
    assert "speaker          the minister" in result.output
    assert result.output.rstrip().endswith(
        "The minister said the shipment was a gesture of goodwill."
    )
    as_json = json.loads(
        run("show", claim["id"][:6], "--db", str(db_path), "--format", "json").output
    )
    assert as_json == claim


def test_history_oldest_first_with_actor(db_path: Path) -> None:
    claim = claims_json(db_path)[2]
    out = run("history", claim["id"], "--db", str(db_path)).output.splitlines()
    assert len(out) == 1
    assert "  tester  claim.extracted  opinion by the article: This is a remarkable" in out[0]
    article_events = run("history", claim["article_id"][:8], "--db", str(db_path)).output
    assert "article.ingested  Grain for Freedonia" in article_events


def test_stats(db_path: Path) -> None:
    figures = json.loads(run("stats", "--db", str(db_path), "--format", "json").output)
    assert figures["articles"] == 1 and figures["claims"] == 3
    assert figures["claims_by_kind"] == {"fact": 2, "opinion": 1}
    assert figures["boilerplate_dropped"] == 1 and figures["events"] == 4
    text = run("stats", "--db", str(db_path)).output
    assert "claims by kind       fact 2, opinion 1" in text


def test_unknown_id_is_one_line(db_path: Path) -> None:
    result = run("show", "0000000000000", "--db", str(db_path))
    assert result.exit_code == 1
    assert result.output == "error: no claim with id 0000000000000\n"


@pytest.mark.parametrize("command", ["claims", "stats", "verify", "show", "history"])
def test_commands_without_nlp_do_not_import_spacy_or_textual(db_path: Path, command: str) -> None:
    code = (
        "import sys\n"
        "from workbench.cli.main import cli\n"
        f"args = [{command!r}, '--db', {str(db_path)!r}]\n"
        "args[1:1] = ['0'] if args[0] in ('show', 'history') else []\n"
        "try:\n"
        "    cli(args, standalone_mode=False)\n"
        "except (Exception, SystemExit):\n"
        "    pass\n"
        "heavy = [m for m in ('spacy', 'textual', 'trafilatura', 'thinc') if m in sys.modules]\n"
        "print('HEAVY=' + ','.join(heavy))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip().splitlines()[-1] == "HEAVY="


def test_python_dash_m_and_help_examples() -> None:
    out = subprocess.run(
        [sys.executable, "-m", "workbench", "--version"], capture_output=True, text=True
    )
    assert out.returncode == 0 and out.stdout.startswith("workbench, version ")
    for command in ("ingest", "split", "claims", "show", "history"):
        assert "Example:" in run(command, "--help").output
