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
from workbench.cli.main import cli
from workbench.review.rubrics import load_rubric
from workbench.store import Store
from workbench.usecases import actions

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
    monkeypatch.setattr("workbench.reports.model.now_iso", lambda: "2026-03-15T08:00:00.000000Z")


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
            assert len(e["hash"]) == len(e["prev_hash"]) == 64  # they cover random ids
            e["hash"], e["prev_hash"] = f"hash-{i}", f"prev-hash-{i}"
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
    full = export(report_db, "html")
    # the one script element is ClaimReview data, which the CSP never runs and the
    # article text inside cannot close
    (data,) = re.findall(r'<script type="application/ld\+json">(.*?)</script>', full, re.S)
    assert "<" not in data and json.loads(data)[0]["@type"] == "ClaimReview"
    html = full.replace(data, "")
    assert html.lower().count("<script") == 1 and "onerror=" not in html.replace(
        "onerror=&quot;", ""
    )
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
    assert len(reviews) == 2  # the rated opinion gets none unless asked
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
    with_opinions = json.loads(export(report_db, "claimreview", "--include-opinions"))
    unrated = with_opinions[2]["reviewRating"]  # "not checkable" has no place on the scale
    assert unrated["alternateName"] == "Not checkable: opinion" and "ratingValue" not in unrated


def test_claimreview_needs_a_publisher_unless_a_draft(
    report_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("WORKBENCH_CONFIG", str(tmp_path / "none.toml"))
    plain = ["export", "--format", "claimreview", "--db", str(report_db)]
    refused = CliRunner().invoke(cli, plain)
    assert refused.exit_code == 1 and "ClaimReview needs its publisher" in refused.output
    draft = CliRunner().invoke(cli, [*plain, "--draft"])
    assert draft.exit_code == 0 and json.loads(draft.output)[0]["author"]["name"] == "workbench"


def test_claimreview_types_the_author_by_speaker_type() -> None:
    from workbench.reports.jsonld import AUTHOR_TYPES

    assert AUTHOR_TYPES["person"] == "Person"
    assert AUTHOR_TYPES["state"] == "GovernmentOrganization"
    assert AUTHOR_TYPES["group"] == "Organization" != AUTHOR_TYPES["person"]


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
        ('{"format": "workbench-report", "version": 99, "events": []}', "reads up to 2"),
        ('{"format": "workbench-report", "version": 1, "events": []}', "carry no hashes"),
        ('{"format": "workbench-report", "version": 2, "events": [{"id": "x"}]}',
         "event 1 (x): 'id' is not an id"),
        ('{"format": "workbench-report", "version": 2, "events": [{"id": "0a0b0c0d0e", '
         '"subject": "0a0b0c0d0e"}]}', "event 1 (0a0b0c0d0e): 'at' is not an ISO-8601 UTC time"),
        ('{"format": "workbench-report", "version": 2, "events": [{"id": "0a0b0c0d0e", '
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


@pytest.fixture
def mixed_db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An agreed verdict, a conflict between two reviewers, an unreviewed fact, a note."""
    monkeypatch.setattr("workbench.store.events.now_iso", lambda: FIXED)
    text = (
        "Ruritania shipped 40,000 tonnes of grain in March.\n\n"
        "Freedonia closed its border on Monday.\n\n"
        "Osterlich raised its tariffs by a third."
    )
    article, claims = hand_made(text=text, title="Mixed")
    rubric = load_rubric("default")
    source = [actions.SourceInput("https://port.example.org/log", title="Port log")]
    with Store(tmp_path / "mixed.db") as store:
        store.add_article(article, claims, "tester")
        agreed, disputed, _ = (c.id for c in claims)
        actions.record_verdict(store, agreed, "false", rubric, "alice", source)
        actions.record_verdict(store, disputed, "false", rubric, "alice", source,
                               note="- not a list item")  # fmt: skip
        actions.record_verdict(store, disputed, "accurate", rubric, "bob", source)
        actions.add_note(store, disputed, "+ checked the border log", "bob")
    return tmp_path / "mixed.db"


def test_summaries_count_only_agreed_verdicts(mixed_db: Path) -> None:
    markdown = export(mixed_db, "markdown")
    assert "**Agreed verdicts:** 1 False\n" in markdown
    waiting = markdown.split("### Awaiting agreement", 1)[1]
    assert "Freedonia closed its border on Monday." in waiting and "*in conflict*" in waiting
    assert "Reviewer: alice — False" in waiting and "Reviewer: bob — Accurate" in waiting
    assert "Note by alice: \\- not a list item" in waiting  # a note never becomes a list
    assert "Note by bob (2026-03-14): \\+ checked the border log" in waiting
    assert "added by alice" in waiting and "added by bob" in waiting
    final = export(mixed_db, "markdown", "--final-only")
    assert "Awaiting agreement" not in final and "Freedonia" not in final
    html = export(mixed_db, "html")
    assert html.count('class="pill"') == 1 and "1 × False" in html
    (card,) = [a for a in html.split('<article class="claim"')[1:] if "Freedonia closed" in a]
    assert "--verdict:#9aa0a6" in card  # grey until reviewers agree


def test_pill_text_meets_contrast_on_every_rubric_colour() -> None:
    from workbench.reports.html import text_colour

    def luminance(hex_colour: str) -> float:
        rgb = [int(hex_colour.lstrip("#")[i : i + 2], 16) / 255 for i in (0, 2, 4)]
        lin = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in rgb]
        return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]

    for verdict in load_rubric("default").verdicts:
        fg = "#ffffff" if text_colour(verdict.colour) == "#fff" else "#000000"
        a, b = sorted((luminance(verdict.colour), luminance(fg)), reverse=True)
        assert (a + 0.05) / (b + 0.05) >= 4.5, verdict.id


def test_a_filtered_json_report_holds_nothing_it_filtered_out(
    mixed_db: Path, tmp_path: Path
) -> None:
    data = json.loads(export(mixed_db, "json", "--reviewer", "alice"))
    review_actions = {"verdict.recorded", "note.added", "verdict.approved", "source.added"}
    review = [e for e in data["events"] if e["action"] in review_actions]
    assert review and {e["actor"] for e in review} == {"alice"}
    claims = [c for a in data["articles"] for c in a["claims"]]
    assert len(claims) == 3  # every claim of the article, reviewed or not
    assert all(v["reviewer"] == "alice" for c in claims for v in c["verdicts"])
    assert all(n["author"] == "alice" for c in claims for n in c["notes"])
    out = tmp_path / "alice.json"
    out.write_text(json.dumps(data), encoding="utf-8")
    fresh = tmp_path / "fresh.db"
    assert CliRunner().invoke(cli, ["import", str(out), "--db", str(fresh)]).exit_code == 0
    with Store(fresh) as store:
        assert {v.reviewer for c in store.claims() for v in c.verdicts} == {"alice"}
        assert not any(c.status == "conflict" for c in store.claims())


def test_a_round_trip_keeps_every_claim_and_the_same_report(mixed_db: Path, tmp_path: Path) -> None:
    first = tmp_path / "first.json"
    runner = CliRunner()
    assert runner.invoke(cli, ["export", "--format", "json", "-o", str(first),
                               "--db", str(mixed_db)]).exit_code == 0  # fmt: skip
    copy = tmp_path / "copy.db"
    assert runner.invoke(cli, ["import", str(first), "--db", str(copy)]).exit_code == 0
    with Store(copy) as a, Store(mixed_db) as b:
        assert len(a.claims()) == len(b.claims()) == 3
    assert runner.invoke(cli, ["verify", "--db", str(copy)]).exit_code == 0

    def comparable(db: Path) -> dict:
        data = json.loads(export(db, "json"))
        for key in ("generated_at", "head", "events"):
            data.pop(key)
        return data

    assert comparable(copy) == comparable(mixed_db)


def test_re_ingesting_an_article_adds_back_the_claims_it_is_missing(tmp_path: Path) -> None:
    text = "Ruritania shipped grain in March.\n\nFreedonia closed its border on Monday."
    article, claims = hand_made(text=text, title="Partial")
    with Store(tmp_path / "p.db") as store:
        store.add_article(article, claims[:1], "tester")
        result = store.add_article(article, claims, "tester")
        assert (result.created, result.restored, result.claims) == (False, 1, 2)
        assert len(store.claims()) == 2
        assert store.add_article(article, claims, "tester").restored == 0


def test_since_compares_times_and_refuses_what_is_not_a_date(report_db: Path) -> None:
    def reviewers(since: str) -> list[str]:
        data = json.loads(export(report_db, "json", "--since", since))
        return [v["reviewer"] for a in data["articles"] for c in a["claims"] for v in c["verdicts"]]

    assert reviewers("2026-03-14T09:00:00Z") == ["alice", "bob", "alice"]  # FIXED is .000000Z
    assert reviewers("2026-03-14T09:00:01Z") == []
    later = json.loads(export(report_db, "json", "--since", "2026-03-14T09:00:01Z"))
    assert not any(e["action"].startswith("verdict.") for e in later["events"])
    for bad in ("2026-13-45", "yesterday"):
        result = CliRunner().invoke(
            cli, ["export", "--format", "json", "--since", bad, "--db", str(report_db)]
        )
        assert result.exit_code == 2 and "use a date such as 2026-03-01" in result.output


def test_an_article_address_that_is_not_http_never_becomes_a_link(tmp_path: Path) -> None:
    from workbench.core.values import Cleaned, Document
    from workbench.ingest.articles import make_article

    doc = Document(text="Ruritania shipped grain.", source="a.md", url="javascript:alert(1)")
    assert make_article(doc, Cleaned(doc.text)).url is None
    result = CliRunner().invoke(
        cli, ["ingest", "-", "--url", "javascript:alert(1)", "--db", str(tmp_path / "x.db")],
        input="Ruritania shipped grain.",
    )  # fmt: skip
    assert result.exit_code != 0 and "must be an http(s) URL" in result.output


def test_csv_gives_each_source_title_publisher_and_excerpt(report_db: Path) -> None:
    import csv
    import io

    rows = list(csv.DictReader(io.StringIO(export(report_db, "csv"))))
    first = rows[0]
    assert first["sources"] == "https://port.example.org/manifest?id=7&x=(1)"
    assert first["source_titles"] == "Manifest <i>7</i>"
    assert "Port =Authority" in first["source_publishers"]
    assert "4,000 tonnes" in first["source_excerpts"]


def test_another_org_does_not_inherit_the_configured_publisher_url(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from workbench.reports.config import load_publisher

    config = tmp_path / "config.toml"
    config.write_text(
        '[publisher]\nname = "Ledger"\nurl = "https://ledger.example"\n'
        'base_url = "https://ledger.example/fc/"\n',
        encoding="utf-8",
    )
    monkeypatch.setenv("WORKBENCH_CONFIG", str(config))
    assert load_publisher().url == "https://ledger.example"
    other = load_publisher(name="Other Desk")
    assert other.name == "Other Desk" and other.url is None and other.configured


def test_the_html_report_draws_agreed_verdicts_and_a_strip_per_article(mixed_db: Path) -> None:
    import xml.etree.ElementTree as ET

    html = export(mixed_db, "html")
    svgs = re.findall(r"<svg .*?</svg>", html, flags=re.S)
    chart, strip = (ET.fromstring(svg) for svg in svgs)  # both parse as XML
    bars = [r for r in chart.iter("rect") if r.get("class") == "bar"]
    assert len(bars) == 1 and bars[0].find("title").text == "1 × False"
    cells = list(strip.iter("rect"))
    assert len(cells) == 3  # one per claim of the article
    assert [c.get("fill") for c in cells] == ["#c62828", "#9aa0a6", "#e8eaed"]
    assert "http" not in "".join(svgs)  # nothing to load


def test_stats_chart_draws_the_agreed_verdicts(mixed_db: Path) -> None:
    out = CliRunner().invoke(cli, ["stats", "--chart", "--db", str(mixed_db)]).output
    assert "Agreed verdicts" in out
    (bar,) = [line for line in out.splitlines() if "█" in line]
    assert bar.strip().startswith("false") and bar.strip().endswith(" 1")


def test_site_has_a_page_per_fact_check_at_the_url_its_claimreview_names(
    report_db: Path, tmp_path: Path
) -> None:
    from workbench.reports.jsonld import problems

    folder = tmp_path / "site"
    result = CliRunner().invoke(
        cli, ["export", "--format", "site", "-o", str(folder), "--db", str(report_db),
              "--org", "Ledger Fact Check", "--base-url", "https://ledger.example/fc/"],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    pages = sorted(p.name for p in folder.glob("*.html") if p.name != "index.html")
    assert len(pages) == 2  # the two agreed facts; the rated opinion has none
    index = (folder / "index.html").read_text(encoding="utf-8")
    for name in pages:
        text = (folder / name).read_text(encoding="utf-8")
        assert "<script>" not in text and "default-src 'none'" in text
        (data,) = re.findall(r'<script type="application/ld\+json">(.*?)</script>', text, re.S)
        (review,) = json.loads(data)
        assert review["url"] == f"https://ledger.example/fc/{name}"
        assert problems(review) == []
        assert f'href="{name}"' in index
    assert not list(folder.glob(".*.partial"))


def test_every_claimreview_has_what_google_requires(report_db: Path) -> None:
    from workbench.reports.jsonld import problems

    reviews = json.loads(export(report_db, "claimreview", "--include-opinions"))
    assert reviews and all(problems(r) == [] for r in reviews)
    assert problems({"reviewRating": {"ratingValue": 1}}) == [
        "missing claimReviewed", "missing url", "missing author",
        "reviewRating without alternateName", "ratingValue without bestRating and worstRating",
        "author without a name", "url is not an http(s) page",
    ]  # fmt: skip


def test_claim_reviewed_is_shortened_only_by_dropping_a_trailing_aside() -> None:
    from workbench.reports.jsonld import short_claim

    long = (
        "Osterlich launched a full-scale offensive against Karsovia in May 2024, "
        "prompting a wave of sanctions from its neighbours."
    )
    assert (
        short_claim(long)
        == "Osterlich launched a full-scale offensive against Karsovia in May 2024."
    )
    during = "Grain prices in the northern provinces of Ruritania doubled, during the long war."
    assert short_claim(during) == during  # "during …" says when: it stays
    assert short_claim("Lenz closed its port.") == "Lenz closed its port."


def test_the_written_message_counts_what_the_file_holds(report_db: Path, tmp_path: Path) -> None:
    def wrote(fmt: str) -> str:
        out = tmp_path / f"r.{fmt}"
        return CliRunner().invoke(
            cli, ["export", "--format", fmt, "-o", str(out), "--db", str(report_db),
                  "--org", "Ledger", "--base-url", "https://ledger.example/fc/"],
        ).output  # fmt: skip

    assert "2 ClaimReviews from 1 articles" in wrote("claimreview")
    assert "3 reviewed claims from 1 articles" in wrote("json")


def test_an_unknown_article_prefix_is_named_in_plain_english(report_db: Path) -> None:
    result = CliRunner().invoke(
        cli, ["export", "--format", "json", "--article", "ffff", "--db", str(report_db)]
    )
    assert result.exit_code != 0 and "no article with id ffff" in result.output
    wrong = CliRunner().invoke(
        cli, ["export", "--format", "json", "--article", "xyz!", "--db", str(report_db)]
    )
    assert "'xyz!' is not an article id" in wrong.output


def test_a_json_report_gives_each_claim_and_event_a_line_of_its_own(mixed_db: Path) -> None:
    """Readable and diffable: the structure indented, a claim or an event per line."""
    text = export(mixed_db, "json")
    data = json.loads(text)
    lines = text.splitlines()
    claims = [c for a in data["articles"] for c in a["claims"]]
    for item in [*claims, *data["events"]]:
        assert sum(json.loads(line.strip().rstrip(",")) == item for line in lines
                   if line.lstrip().startswith("{\"")) == 1  # fmt: skip
    assert lines[1] == '  "format": "workbench-report",'
