"""The store: schema, append-only events, projections, refusals."""

from __future__ import annotations

import itertools
import sqlite3
from pathlib import Path

import pytest

from tests.conftest import hand_made
from workbench.core.errors import NotFoundError, StoreError
from workbench.store import Store
from workbench.store.migrations import SCHEMA_VERSION
from workbench.store.projections import _match_keys as _current_match_keys


def test_new_database_has_schema_wal_and_marker(tmp_path: Path) -> None:
    path = tmp_path / "new.db"
    with Store(path) as store:
        assert store.schema_version() == SCHEMA_VERSION
        conn = store.db.conn
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        names = {r[0] for r in conn.execute("SELECT name FROM _migrations")}
        assert names == {"m001_initial", "m002_review", "m003_claims_fts", "m004_matches",
                         "m005_claim_stance", "m006_claim_frame",
                         "m007_match_text_index", "m008_feeds",
                         "m009_index_claims_per_statement", "m010_numbered_terms",
                         "m011_unnumbered_terms", "m012_exact_numbers",
                         "m013_folded_letters", "m014_keys_fingerprint"}  # fmt: skip
        assert {"events", "articles", "claims", "verdicts", "sources"} <= set(
            store.db.table_names()
        )


def test_events_table_has_the_audit_columns(db_path: Path) -> None:
    with Store(db_path) as store:
        cols = {c.name for c in store.db["events"].columns}
    assert {"id", "at", "actor", "action", "subject", "payload", "prev_hash", "hash"} <= cols


def test_ingest_writes_events_and_projections(db_path: Path) -> None:
    with Store(db_path) as store:
        events = list(store.events())
        claims = store.claims()
    assert [e.action for e in events] == ["article.ingested"] + ["claim.extracted"] * 3
    assert all(e.actor == "tester" for e in events)
    assert events[0].at.endswith("Z") and "T" in events[0].at
    assert len({e.id for e in events}) == 4
    assert [c.kind for c in claims] == ["fact", "fact", "opinion"]
    assert claims[1].speaker == "the minister"
    assert claims[0].status == "unreviewed" and claims[0].verdict is None


def test_same_article_twice_is_a_no_op(db_path: Path) -> None:
    article, claims = hand_made()
    with Store(db_path) as store:
        result = store.add_article(article, claims, "someone-else")
        assert not result.created
        assert result.claims == 3
        assert store.event_count() == 4


def test_events_cannot_be_updated_or_deleted(db_path: Path) -> None:
    with Store(db_path) as store:
        conn = store.db.conn
        with pytest.raises(sqlite3.IntegrityError, match="append-only"):
            conn.execute("UPDATE events SET actor = 'mallory'")
        with pytest.raises(sqlite3.IntegrityError, match="append-only"):
            conn.execute("DELETE FROM events")
        conn.rollback()
        assert store.event_count() == 4


def test_failed_write_leaves_nothing(tmp_path: Path) -> None:
    path = tmp_path / "t.db"
    article, claims = hand_made()
    broken = list(claims)
    broken[2] = None  # type: ignore[call-overload]  # fails half-way through the transaction
    with Store(path) as store:
        with pytest.raises(AttributeError):
            store.add_article(article, broken, "tester")  # type: ignore[arg-type]
        assert store.event_count() == 0
        assert store.claims() == []


def test_rebuild_reproduces_the_projections(db_path: Path) -> None:
    with Store(db_path) as store:
        before = store.claims(), store.articles()
        assert store.rebuild() == 4
        assert (store.claims(), store.articles()) == before


def test_prefix_resolution(tmp_path: Path) -> None:
    # 17 paragraphs -> 17 claim ids; two of them must share a first hex digit
    text = "\n\n".join(f"Paragraph number {i} says something." for i in range(17))
    article, claims = hand_made(text=text)
    with Store(tmp_path / "p.db") as store:
        store.add_article(article, claims, "tester")
        ids = sorted(c.id for c in store.claims())
        assert store.resolve_id(ids[0][:7]) == ids[0]
        assert store.resolve_id(ids[0].upper()) == ids[0]
        shared = next(a[0] for a, b in itertools.pairwise(ids) if a[0] == b[0])
        with pytest.raises(NotFoundError, match="ambiguous"):
            store.resolve_id(shared)
        with pytest.raises(NotFoundError, match="no claim"):
            store.resolve_id("ffffffffffffff")
        with pytest.raises(NotFoundError, match="hexadecimal"):
            store.resolve_id("x'; DROP TABLE claims; --")
        assert store.resolve_id(article.id[:5], "articles") == article.id


def test_newer_schema_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "future.db"
    Store(path).close()
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    with pytest.raises(StoreError, match="newer workbench"):
        Store(path)


def test_other_sqlite_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE recipes (name TEXT)")
    conn.commit()
    conn.close()
    with pytest.raises(StoreError, match="not a workbench database"):
        Store(path)
    conn = sqlite3.connect(path)
    assert [r[0] for r in conn.execute("SELECT name FROM sqlite_master")] == ["recipes"]


def test_non_sqlite_file_is_refused_and_untouched(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_text("these are my notes, not a database\n" * 20)
    before = path.read_bytes()
    with pytest.raises(StoreError, match="not an SQLite file"):
        Store(path)
    assert path.read_bytes() == before


def test_missing_database_for_reading(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no workbench database"):
        Store(tmp_path / "missing.db", create=False)
    assert not (tmp_path / "missing.db").exists()


def test_locked_database_gives_clear_error(db_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("workbench.store.db.BUSY_TIMEOUT_S", 0.1)
    blocker = sqlite3.connect(db_path)
    blocker.execute("BEGIN EXCLUSIVE")
    try:
        with Store(db_path) as store:
            article, claims = hand_made(text="Another text.\n\nWith two paragraphs.")
            with pytest.raises(StoreError, match="locked by another process"):
                store.add_article(article, claims[:1], "tester")
    except StoreError as err:  # opening itself may already wait on the lock
        assert "locked by another process" in str(err)
    finally:
        blocker.rollback()
        blocker.close()


def _m009_index(db, after: int) -> None:
    db.conn.execute(
        "INSERT INTO claims_fts (rowid, claim, text, speaker) "
        "SELECT rowid, claim, text, speaker FROM claims WHERE rowid > ?",
        (after,),
    )
    db.conn.execute(
        "INSERT INTO claims_match_fts (rowid, match_text) "
        "SELECT rowid, match_text FROM claims WHERE rowid > ?",
        (after,),
    )


def _keys_before_m010(claim: str, speaker: str | None, frame: dict | None = None, *_) -> dict:
    keys = _current_match_keys(claim, speaker, frame)
    del keys["numbered_terms"]
    return keys


def _keys_before_m011(claim: str, speaker: str | None, frame: dict | None = None, *_) -> dict:
    keys = _current_match_keys(claim, speaker, frame)
    if not keys["numkey"]:
        keys["numbered_terms"] = ""  # claims without numbers had no keyed words
    return keys


def old_database(
    path: Path,
    monkeypatch: pytest.MonkeyPatch,
    version: int,
    *patches: tuple[str, object],
    made: tuple | None = None,
):
    """A database written by the version with the first ``version`` migrations (``patches``
    make the projections write what that version wrote), holding ``made`` (an article and
    its claims; the hand-made one by default); returns the stored claims."""
    from workbench.store import migrations

    article, claims = made or hand_made()
    if version < 8:  # the canonical URL column came with m008
        patches += (("workbench.store.projections._article_address", lambda payload: {}),)
    if version < 9:  # before m009, triggers added each new claim to the full-text indexes
        patches += (("workbench.store.projections.index_new_claims", lambda db, after: None),)
    elif version < 10:
        patches += (("workbench.store.projections.index_new_claims", _m009_index),)
    if version < 10:  # numbered_terms came with m010 (a test's own patch comes after)
        patches = (("workbench.store.projections._match_keys", _keys_before_m010), *patches)
    elif version < 11:
        patches = (("workbench.store.projections._match_keys", _keys_before_m011), *patches)
    with monkeypatch.context() as m:
        m.setattr(migrations, "MIGRATIONS", migrations.MIGRATIONS[:version])
        m.setattr(migrations, "SCHEMA_VERSION", version)
        for target, value in patches:
            m.setattr(target, value)
        with Store(path) as store:
            store.add_article(article, claims, "tester")
            assert store.schema_version() == version
    return claims


def test_older_database_is_migrated_in_place(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "old.db"
    old_database(
        path, monkeypatch, 1,
        ("workbench.store.projections._match_keys", lambda claim, speaker, frame=None, *_: {}),
        ("workbench.store.projections._stance", lambda payload: {}),
        ("workbench.store.projections._frame", lambda payload: {}),
    )  # fmt: skip
    with Store(path) as store:
        assert store.schema_version() == SCHEMA_VERSION
        assert "notes" in store.db.table_names()
        assert len(store.claims()) == 3
        assert store.verify() is None
        numkeys = [
            r[0] for r in store.db.conn.execute("SELECT numkey FROM claims ORDER BY position")
        ]
        assert numkeys == ["40000", "", ""]  # matching keys filled in for the old claims


def test_upgrading_a_database_says_so_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A colleague on an older version can no longer open an upgraded file: the command
    that upgrades it says so, and how long the rebuild took; the next one says nothing."""
    from click.testing import CliRunner

    from workbench.cli.main import cli

    path = tmp_path / "m010.db"
    old_database(path, monkeypatch, 10)
    first = CliRunner().invoke(cli, ["stats", "--db", str(path)])
    assert first.exit_code == 0, first.output
    assert f"was upgraded from schema 10 to {SCHEMA_VERSION}, rebuilding its tables from 4 " in (
        first.stderr
    )
    assert "older versions of workbench can no longer open it" in first.stderr
    again = CliRunner().invoke(cli, ["stats", "--db", str(path)])
    assert again.exit_code == 0 and "upgraded" not in again.stderr
    new = CliRunner().invoke(cli, ["stats", "--db", str(tmp_path / "new.db")])
    assert "upgraded" not in new.stderr


def test_claims_stored_before_the_wording_index_are_found_through_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from workbench import matching

    path = tmp_path / "m006.db"
    claims = old_database(path, monkeypatch, 6)
    with Store(path) as store:
        assert store.schema_version() == SCHEMA_VERSION
        opinion = claims[2].claim
        found = matching.lookup(store, matching.signature(opinion))
        assert [cid for cid, _ in found] == [claims[2].id]
        store.rebuild()  # clearing and refilling the claims keeps the index in step
        found = matching.lookup(store, matching.signature(opinion))
        assert [cid for cid, _ in found] == [claims[2].id]


def test_articles_stored_before_feeds_are_known_by_their_canonical_address(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import dataclasses

    path = tmp_path / "m007.db"
    article, claims = hand_made()
    article = dataclasses.replace(article, url="HTTPS://News.Example/a?utm_source=x#top")
    old_database(path, monkeypatch, 7, made=(article, claims))
    with Store(path) as store:
        assert store.schema_version() == SCHEMA_VERSION
        assert store.stored_urls(["https://news.example/a", "https://news.example/b"]) == {
            "https://news.example/a"
        }
        assert store.projection_difference() is None


def assert_indexes_agree(store: Store) -> None:
    """FTS5's own check that both full-text indexes hold exactly the claims' current words
    (it fails on a claim missing from an index and on one indexed twice)."""
    for table in ("claims_fts", "claims_match_fts"):
        store.db.conn.execute(f"INSERT INTO {table}({table}, rank) VALUES ('integrity-check', 1)")
    store.db.conn.commit()  # the check writes nothing, but sqlite3 opened a transaction for it


def _found(store: Store, table: str, query: str) -> int:
    return store.db.conn.execute(
        f"SELECT count(*) FROM {table} WHERE {table} MATCH ?", (query,)
    ).fetchone()[0]


def test_full_text_indexes_follow_every_kind_of_write(tmp_path: Path) -> None:
    from workbench.store.db import read_events_from
    from workbench.usecases.actions import edit

    article, claims = hand_made()
    other, more = hand_made(
        "Freedonia sent 300 engineers to Ruritania in May.\n\n"
        "The envoy said more would follow.\n\nIt was a bold step.",
        title="Engineers",
    )
    path = tmp_path / "fts.db"
    with Store(path) as store:
        store.add_article(article, claims[:2], "a")
        assert store.add_article(article, claims, "a").restored == 1  # the missing claim
        store.add_article(other, more, "a")
        assert _found(store, "claims_fts", "engineers") == 1
        assert _found(store, "claims_fts", "remarkable") == 1
        edit(store, claims[0].id, "Ruritania shipped 50,000 tonnes of wheat to Freedonia.", "r")
        assert _found(store, "claims_fts", "wheat") == 1
        assert _found(store, "claims_match_fts", '"50000"') == 1
        assert _found(store, "claims_match_fts", '"40000"') == 0
        assert_indexes_agree(store)
        store.rebuild()
        assert_indexes_agree(store)
        assert _found(store, "claims_fts", "wheat") == 1
    copy = tmp_path / "copy.db"
    with Store(copy) as store:
        store.import_events(read_events_from(path))
        assert_indexes_agree(store)
        assert _found(store, "claims_fts", "engineers") == 1


def test_database_indexed_by_triggers_keeps_its_indexes_after_migration(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "m008.db"
    old_database(path, monkeypatch, 8)
    article, claims = hand_made("Freedonia sent 300 engineers to Ruritania in May.")
    with Store(path) as store:
        assert store.schema_version() == SCHEMA_VERSION
        store.add_article(article, claims, "tester")
        assert_indexes_agree(store)
        assert _found(store, "claims_fts", "engineers OR remarkable") == 2


def test_review_events_merged_before_their_claim_are_applied_when_it_arrives(
    db_path: Path, tmp_path: Path
) -> None:
    from workbench.store.db import read_events_from
    from workbench.usecases.actions import add_note

    with Store(db_path) as store:
        claim_id = store.claims()[0].id
        add_note(store, claim_id, "Port records confirm the tonnage.", "rev")
    events = read_events_from(db_path)
    notes = [e for e in events if e["action"] == "note.added"]
    copy = tmp_path / "copy.db"
    with Store(copy) as store:
        assert store.import_events(notes).added == 1  # a copy that got the note first
        assert store.import_events(events).added == len(events) - 1
        rows = store.db.conn.execute("SELECT claim_id, text FROM notes").fetchall()
        assert rows == [(claim_id, "Port records confirm the tonnage.")]
        assert store.projection_difference() is None


@pytest.mark.parametrize("version", [9, 10])
def test_claims_stored_before_keyed_words_get_them_on_migration(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, version: int
) -> None:
    """Before m010 no claim had words keyed by its numbers; before m011 claims without
    numbers had none. After migrating, every claim has them, indexed."""
    from workbench.matching.signature import number_key

    path = tmp_path / f"m{version:03}.db"
    old_database(path, monkeypatch, version)
    with Store(path) as store:
        assert store.schema_version() == SCHEMA_VERSION
        rows = store.db.conn.execute(
            "SELECT numkey, numbered_terms FROM claims ORDER BY position"
        ).fetchall()
        key, none = number_key("40000"), number_key("")  # no numbers have a key of their own
        words = ("ruritania", "sent", "tonne", "grain", "freedonia", "march")  # shipped = sent
        assert rows[0] == ("40000", " ".join(key + w for w in words))
        assert all(r[1].split() and r[1].startswith(none) for r in rows[1:])
        assert_indexes_agree(store)
        assert _found(store, "claims_match_fts", f'numbered_terms : "{key}grain"') == 1
        # "The minister said the shipment was a gesture of goodwill."
        assert _found(store, "claims_match_fts", f'numbered_terms : "{none}shipment"') == 1
        assert store.projection_difference() is None


def _number_before_m012(whole: str, fraction: str | None, scale: str | None) -> str:
    """How numbers were written before m012: six significant digits."""
    value = float(whole.replace(",", "") + (f".{fraction}" if fraction else ""))
    return f"{value * {'million': 1e6}.get((scale or '').lower(), 1):g}"


def test_numbers_keyed_with_six_digits_are_keyed_exactly_on_migration(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Before m012, 1,234,567 and 1,234,571 were both keyed "1.23457e+06" and could match.
    After migrating, the claim is keyed by its exact number; a frame stored with an old whole
    number ("1.2e+06") is read as that number, and one with a rounded number as the number
    its claim writes."""
    import dataclasses
    import importlib

    from workbench import matching
    from workbench.core.values import Frame

    signatures = importlib.import_module("workbench.matching.signature")
    article, claims = hand_made(
        "Turnout in Lenz was 1,234,567 voters.\n\n"
        "The ministry said 1.2 million ballots were printed.\n\nIt was a remarkable night."
        "\n\nThe fund holds 3,141,592 crowns."
    )
    whole = dataclasses.replace(claims[1], frame=Frame(numbers=("1.2e+06",)))
    rounded = dataclasses.replace(claims[3], frame=Frame(numbers=("3.14159e+06",)))
    claims = (claims[0], whole, claims[2], rounded)
    path = tmp_path / "m011.db"
    signatures.signature.cache_clear()  # the keys below are computed the old way
    with monkeypatch.context() as m:
        m.setattr(signatures, "_number", _number_before_m012)
        old_database(path, monkeypatch, 11, made=(article, claims))
    signatures.signature.cache_clear()
    conn = sqlite3.connect(path)
    before = conn.execute("SELECT numkey FROM claims ORDER BY position").fetchall()
    conn.close()
    assert before[0] == ("1.23457e+06",)
    with Store(path) as store:
        assert store.schema_version() == SCHEMA_VERSION
        numkeys = store.db.conn.execute("SELECT numkey FROM claims ORDER BY position").fetchall()
        # a frame's rounded number is taken back to the number its claim writes
        assert [k for (k,) in numkeys] == ["1234567", "1200000", "", "3141592"]
        same = matching.lookup(store, matching.signature("Turnout in Lenz was 1,234,567 voters."))
        assert [cid for cid, _ in same] == [claims[0].id]
        other = matching.signature("Turnout in Lenz was 1,234,571 voters.")
        assert matching.lookup(store, other) == []
        fund = matching.signature(
            "The fund holds 3,141,592 crowns.", None, Frame(numbers=("3141592",))
        )
        assert [cid for cid, _ in matching.lookup(store, fund)] == [claims[3].id]
        assert_indexes_agree(store)
        assert store.projection_difference() is None


def test_names_keyed_without_their_accents_folded_are_keyed_again_on_migration(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Before m013 matching read only ASCII letters: "Kılıç" was stored as "k l" and a claim
    spelling it "Kilic" was not found. After migrating, either spelling finds the claim."""
    import importlib
    import re

    from workbench import matching

    signatures = importlib.import_module("workbench.matching.signature")
    lowering = importlib.import_module("workbench.matching.lowered")
    article, claims = hand_made(
        "Minister Kılıç signed the grain accord in Lenz.\n\nIt was a remarkable night."
    )
    path = tmp_path / "m012.db"
    signatures.signature.cache_clear()
    lowering._read.cache_clear()
    with monkeypatch.context() as m:  # the keys below are computed the old way
        m.setattr(lowering, "fold_letters", lambda text: text)
        m.setattr(signatures, "_WORD", re.compile(r"[a-z0-9]+"))
        old_database(path, monkeypatch, 12, made=(article, claims))
    signatures.signature.cache_clear()
    lowering._read.cache_clear()
    conn = sqlite3.connect(path)
    (before,) = conn.execute("SELECT match_text FROM claims WHERE position = 0").fetchone()
    conn.close()
    assert "kilic" not in before.split()
    with Store(path) as store:
        assert store.schema_version() == SCHEMA_VERSION
        (after,) = store.db.conn.execute(
            "SELECT match_text FROM claims WHERE position = 0"
        ).fetchone()
        assert "kilic" in after.split()
        for spelling in ("Kılıç", "Kilic"):
            query = matching.signature(f"Minister {spelling} signed the grain accord in Lenz.")
            assert [cid for cid, _ in matching.lookup(store, query)] == [claims[0].id]
        assert_indexes_agree(store)
        assert store.projection_difference() is None


def test_a_file_keyed_with_other_word_lists_is_keyed_again_when_opened(tmp_path: Path) -> None:
    """Matching keys follow the word lists of matching.toml: a copy keyed by another
    version (stale wording keys) is keyed again on opening, once, and says so."""
    from workbench import matching

    article, claims = hand_made("Lenz let tainted grain into Karsovia.\n\nIt was a long night.")
    path = tmp_path / "keys.db"
    with Store(path) as store:
        assert store.warnings == []
        store.add_article(article, claims, "tester")
    conn = sqlite3.connect(path)
    with conn:  # as a version with other word lists would have left it
        conn.execute("UPDATE store_meta SET value = 'other lists'")
        conn.execute("UPDATE claims SET match_text = 'stale words', numkey = ''")
    conn.close()
    with Store(path) as store:
        assert len(store.warnings) == 1 and "keyed again" in store.warnings[0]
        (text,) = store.db.conn.execute(
            "SELECT match_text FROM claims WHERE position = 0"
        ).fetchone()
        assert text != "stale words"
        query = matching.signature("Lenz allowed tainted grain into Karsovia.")
        assert [cid for cid, _ in matching.lookup(store, query)] == [claims[0].id]
        assert_indexes_agree(store)
        assert store.projection_difference() is None
    with Store(path) as store:
        assert store.warnings == []  # keyed once
