"""Reports in every format: golden files, hostile text kept inert, ClaimReview, round trip."""

from __future__ import annotations

import csv
import io
import json
import os
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.conftest import hand_made
from workbench import actions
from workbench.cli import cli
from workbench.rubrics import load_rubric
from workbench.store import Store

GOLDEN = Path(__file__).parent / "golden"
FIXED = "2026-03-14T09:00:00.000000Z"
HOSTILE = (
    'Officials said <script>alert("x")</script> that 40,000 tonnes were "shipped" in March.\n\n'
    '=HYPERLINK("http://evil.example/","click") was posted by the ministry on Monday.\n\n'
    "[click](javascript:alert(1)) marks a remarkable moment for the region."
)


@pytest.fixture
def report_db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setattr("workbench.store.events.now_iso", lambda: FIXED)
    path = tmp_path / "report.db"
    article, claims = hand_made(text=HOSTILE, title='Grain <b>talks</b> & "quotes"')
    article = type(article)(**{**article.__dict__, "url": "https://ledger.example/grain",
                               "published": "2026-03-13", "outlet": "Test Ledger"})  # fmt: skip
    rubric = load_rubric("default")
    with Store(path) as store:
        store.add_article(article, claims, "tester")
        first, second, third = (c.id for c in claims)
        actions.record_verdict(
            store, first, "false", rubric, "alice",
            [actions.SourceInput("https://port.example.org/manifest?id=7&x=(1)",
                                 title="Manifest <i>7</i>", publisher="Port =Authority",
                                 excerpt="](javascript:alert(2)) 4,000 tonnes")],
            note='Port records show 4,000 tonnes, not 40,000. <img src=x onerror="alert(3)">',
        )  # fmt: skip
        actions.record_verdict(
            store, second, "misleading", rubric, "bob",
            [actions.SourceInput("https://ministry.example.gov/posts/12")],
            note="=1+2 the post existed but was deleted",
        )  # fmt: skip
        actions.record_verdict(store, third, "not-checkable", rubric, "alice")
    return path


def export(db: Path, fmt: str, *extra: str) -> str:
    result = CliRunner().invoke(
        cli,
        ["export", "--format", fmt, "--db", str(db), "--base-url", "https://ledger.example/fc/",
         "--org", "Ledger Fact Check", *extra],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    return result.output


def _generated(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("workbench.export.report.now_iso", lambda: "2026-03-15T08:00:00.000000Z")


@pytest.mark.parametrize(
    ("fmt", "suffix"),
    [
        ("markdown", "md"),
        ("html", "html"),
        ("json", "json"),
        ("csv", "csv"),
        ("claimreview", "jsonld"),
    ],
)
def test_golden_files(
    report_db: Path, monkeypatch: pytest.MonkeyPatch, fmt: str, suffix: str
) -> None:
    _generated(monkeypatch)
    out = export(report_db, fmt)
    if fmt == "json":  # event ids are random; the rest is stable
        data = json.loads(out)
        for i, e in enumerate(data["events"]):
            e["id"] = f"event-{i}"
        assert len(data["head"]["hash"]) == 64  # hashes cover random ids
        data["head"]["hash"] = "head-hash"
        for a in data["articles"]:
            for c in a["claims"]:
                for v in c["verdicts"]:
                    v.pop("event_id", None)
        out = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    golden = GOLDEN / f"report.{suffix}"
    if os.environ.get("WORKBENCH_UPDATE_GOLDEN"):
        golden.write_text(out, encoding="utf-8")
    assert out == golden.read_text(encoding="utf-8")


def test_html_is_inert_and_self_contained(report_db: Path) -> None:
    html = export(report_db, "html")
    assert "<script" not in html.lower() and "onerror=" not in html.replace("onerror=&quot;", "")
    assert "&lt;script&gt;" in html and "&lt;img src=x onerror=&quot;alert(3)&quot;&gt;" in html
    assert "javascript:" not in html.replace("](javascript:alert(2))", "").replace(
        "[click](javascript:alert(1))", ""
    )
    assert 'href="javascript' not in html
    assert "http://" not in html.replace("http://evil.example/", "")  # no external loads
    assert "<link" not in html and "src=" not in html.replace("&lt;img src=x", "")
    assert "Grain &lt;b&gt;talks&lt;/b&gt; &amp; &quot;quotes&quot;" in html


def test_markdown_is_inert(report_db: Path) -> None:
    md = export(report_db, "markdown")
    assert "<script>" not in md and "\\<script\\>" in md
    assert not re.search(r"(?<!\\)\]\(javascript:", md)  # every ] before it is escaped
    assert "\\](javascript:alert(2))" in md
    assert "\\[click\\](javascript:alert(1))" in md
    # Rendered by a CommonMark renderer, nothing of the article becomes markup.
    from markdown_it import MarkdownIt

    rendered = MarkdownIt("commonmark").render(md)
    assert "<script" not in rendered and "<img" not in rendered and "<i>" not in rendered
    assert 'href="javascript' not in rendered
    assert rendered.count("<a href=") == 3  # article URL and the two sources, nothing else
    assert "[Manifest \\<i\\>7\\</i\\>](https://port.example.org/manifest?id=7&x=%281%29)" in md


def test_csv_has_one_row_per_verdict_and_no_formulas(report_db: Path) -> None:
    rows = list(csv.DictReader(io.StringIO(export(report_db, "csv"))))
    assert [(r["reviewer"], r["rating"]) for r in rows] == [
        ("alice", "false"), ("bob", "misleading"), ("alice", "not-checkable"),
    ]  # fmt: skip
    for row in rows:
        for value in row.values():
            assert not value.startswith(("=", "+", "-", "@")), value
    assert rows[1]["claim"].startswith("'=HYPERLINK(")
    assert rows[1]["note"] == "'=1+2 the post existed but was deleted"


REQUIRED = {"@context", "@type", "claimReviewed", "datePublished", "url", "author", "reviewRating",
            "itemReviewed"}  # fmt: skip


def test_claimreview_fields(report_db: Path) -> None:
    text = export(report_db, "claimreview")
    assert "<" not in text and ">" not in text  # safe inside <script type="application/ld+json">
    reviews = json.loads(text)
    assert len(reviews) == 3
    first = reviews[0]
    assert set(first) >= REQUIRED
    assert first["@context"] == "https://schema.org" and first["@type"] == "ClaimReview"
    assert first["url"].startswith("https://ledger.example/fc/")
    assert first["datePublished"] == "2026-03-14"
    assert first["author"] == {"@type": "Organization", "name": "Ledger Fact Check"}
    rating = first["reviewRating"]
    assert rating == {
        "@type": "Rating",
        "alternateName": "False",
        "ratingValue": 1,
        "bestRating": 5,
        "worstRating": 1,
        "ratingExplanation": "Port records show 4,000 tonnes, not 40,000. <img src=x "
        'onerror="alert(3)">',
    }
    item = first["itemReviewed"]
    assert item["@type"] == "Claim" and item["datePublished"] == "2026-03-13"
    assert item["author"] == {"@type": "Organization", "name": "Test Ledger"}
    assert item["appearance"] == {"@type": "CreativeWork", "url": "https://ledger.example/grain"}
    unrated = reviews[2]["reviewRating"]  # "not checkable" has no place on the scale
    assert unrated["alternateName"] == "Not checkable: opinion" and "ratingValue" not in unrated


def test_filters(report_db: Path) -> None:
    def claims(*extra: str) -> list[str]:
        data = json.loads(export(report_db, "json", *extra))
        return [v["reviewer"] for a in data["articles"] for c in a["claims"] for v in c["verdicts"]]

    assert claims() == ["alice", "bob", "alice"]
    assert claims("--reviewer", "bob") == ["bob"]
    assert claims("--since", "2026-03-15") == []
    assert claims("--since", "2026-03-14") == ["alice", "bob", "alice"]
    assert claims("--final-only") == ["alice", "bob", "alice"]
    result = CliRunner().invoke(cli, ["export", "--format", "json", "--since", "yesterday",
                                      "--db", str(report_db)])  # fmt: skip
    assert result.exit_code == 2 and "use a date such as 2026-03-01" in result.output


def test_export_to_file_then_import_round_trip(report_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "report.json"
    result = CliRunner().invoke(
        cli, ["export", "--format", "json", "-o", str(out), "--db", str(report_db)]
    )
    assert result.exit_code == 0 and "wrote" in result.output
    other = tmp_path / "other.db"
    runner = CliRunner()
    first = runner.invoke(cli, ["import", str(out), "--db", str(other)])
    assert first.exit_code == 0, first.output
    assert re.fullmatch(
        r"imported 7 events \(0 already present\); head #7 [0-9a-f]{64}\n", first.output
    )
    again = runner.invoke(cli, ["import", str(out), "--db", str(other)])
    assert again.output.startswith("imported 0 events (7 already present); head #7 ")

    def state(db: Path) -> list:
        with Store(db) as store:
            return [
                (c.id, c.claim, c.kind, c.speaker, c.status, c.verdict,
                 [(v.reviewer, v.rating, v.note, v.at, v.sources) for v in c.verdicts])
                for c in store.claims()
            ]  # fmt: skip

    assert state(other) == state(report_db)
    assert runner.invoke(cli, ["verify", "--db", str(other)]).exit_code == 0


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("not json", "is not a JSON report"),
        ('{"format": "something-else"}', "is not a workbench JSON report"),
        ('{"format": "workbench-report", "version": 99, "events": []}', "reads up to 1"),
        ('{"format": "workbench-report", "version": 1, "events": [{"id": "x"}]}',
         "event 1 (x): 'id' is not an id"),
        ('{"format": "workbench-report", "version": 1, "events": [{"id": "0a0b0c0d0e", '
         '"subject": "0a0b0c0d0e"}]}', "event 1 (0a0b0c0d0e): 'at' is not an ISO-8601 UTC time"),
        ('{"format": "workbench-report", "version": 1, "events": [{"id": "0a0b0c0d0e", '
         '"at": "2026-03-14T09:00:00Z", "actor": "a", "action": "claim.teleported", '
         '"subject": "0a0b0c0d0e", "payload": {}}]}',
         "action 'claim.teleported' is unknown to this version"),
    ],
)  # fmt: skip
def test_bad_import_files(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "bad.json"
    path.write_text(content)
    result = CliRunner().invoke(cli, ["import", str(path), "--db", str(tmp_path / "x.db")])
    assert result.exit_code == 1 and message in result.output
    assert result.output.count("\n") == 1


def test_html_report_renders_in_headless_chromium(report_db: Path, tmp_path: Path) -> None:
    import shutil
    import subprocess

    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    if browser is None:
        pytest.skip("Chromium is not installed (apt-get install chromium)")
    page = tmp_path / "report.html"
    page.write_text(export(report_db, "html"), encoding="utf-8")
    shot = tmp_path / "report.png"
    subprocess.run(
        [browser, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         f"--user-data-dir={tmp_path / 'profile'}", "--window-size=1100,1400",
         f"--screenshot={shot}", page.as_uri()],
        capture_output=True, timeout=120, check=False,
    )  # fmt: skip
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 20_000  # a page, not a blank


def test_publisher_from_config_file(
    report_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    config = tmp_path / "config.toml"
    config.write_text(
        '[publisher]\nname = "Meridian Checks"\nbase_url = "https://checks.example/c/"\n'
    )
    monkeypatch.setenv("WORKBENCH_CONFIG", str(config))
    result = CliRunner().invoke(cli, ["export", "--format", "claimreview", "--db", str(report_db)])
    first = json.loads(result.output)[0]
    assert first["author"]["name"] == "Meridian Checks"
    assert first["url"].startswith("https://checks.example/c/")
    config.write_text("[publisher]\ncolour = 3\n")
    result = CliRunner().invoke(cli, ["export", "--format", "claimreview", "--db", str(report_db)])
    assert result.exit_code == 1 and "publisher.colour is not a known text field" in result.output
