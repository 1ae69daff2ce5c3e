"""Named, ordered schema migrations. ``PRAGMA user_version`` holds how many have run.

Add a migration by appending a function ``mNNN_what_it_does(db)`` to MIGRATIONS;
never edit or reorder one that has shipped.
"""

from __future__ import annotations

from collections.abc import Callable

import sqlite_utils

APPLICATION_ID = 0x57424E43  # "WBNC": marks the file as a workbench database


def m001_initial(db: sqlite_utils.Database) -> None:
    """Event log with append-only triggers, and the first projections."""
    db["events"].create(
        {
            "seq": int,
            "id": str,
            "at": str,
            "actor": str,
            "action": str,
            "subject": str,
            "payload": str,
            "prev_hash": str,
            "hash": str,
        },
        pk="seq",
        not_null={"id", "at", "actor", "action", "subject", "payload", "prev_hash", "hash"},
    )
    db["events"].create_index(["id"], unique=True)
    db["events"].create_index(["subject"])
    for op in ("UPDATE", "DELETE"):
        db.execute(
            f"CREATE TRIGGER events_no_{op.lower()} BEFORE {op} ON events "
            "BEGIN SELECT RAISE(ABORT, 'events are append-only'); END"
        )
    db["articles"].create(
        {
            "id": str,
            "content_hash": str,
            "title": str,
            "outlet": str,
            "url": str,
            "published": str,
            "source": str,
            "text": str,
            "dropped": str,
            "ingested_at": str,
            "ingested_by": str,
        },
        pk="id",
        not_null={"content_hash", "text"},
    )
    db["articles"].create_index(["content_hash"], unique=True)
    db["claims"].create(
        {
            "id": str,
            "article_id": str,
            "position": int,
            "text": str,
            "claim": str,
            "kind": str,
            "speaker": str,
            "quote": int,
            "start": int,
            "end": int,
            "cues": str,
            "checkworthiness": float,
            "entities": str,
            "status": str,
            "verdict": str,
        },
        pk="id",
        not_null={"article_id", "text", "claim", "kind", "status"},
        foreign_keys=[("article_id", "articles", "id")],
    )
    db["claims"].create_index(["article_id", "position"])
    db["claims"].create_index(["status", "checkworthiness"])
    db["verdicts"].create(
        {
            "id": str,
            "claim_id": str,
            "reviewer": str,
            "rating": str,
            "rubric": str,
            "note": str,
            "at": str,
            "current": int,
        },
        pk="id",
        not_null={"claim_id", "reviewer", "rating", "at"},
        foreign_keys=[("claim_id", "claims", "id")],
    )
    db["verdicts"].create_index(["claim_id", "reviewer"])
    db["sources"].create(
        {
            "id": str,
            "claim_id": str,
            "verdict_id": str,
            "url": str,
            "title": str,
            "publisher": str,
            "excerpt": str,
            "accessed_at": str,
            "snapshot_hash": str,
        },
        pk="id",
        not_null={"claim_id", "url"},
    )
    db["sources"].create_index(["claim_id"])


def m002_review(db: sqlite_utils.Database) -> None:
    """Who approved a verdict, who added a source, and reviewers' notes."""
    db["verdicts"].add_column("approved_by", str)
    db["sources"].add_column("added_by", str)
    db["notes"].create(
        {"id": str, "claim_id": str, "author": str, "text": str, "at": str},
        pk="id",
        not_null={"claim_id", "author", "text", "at"},
        foreign_keys=[("claim_id", "claims", "id")],
    )
    db["notes"].create_index(["claim_id"])


def m003_claims_fts(db: sqlite_utils.Database) -> None:
    """Full-text search over claims (used by Datasette and search), kept current by triggers."""
    db["claims"].enable_fts(["claim", "text", "speaker"], create_triggers=True)


def m004_matches(db: sqlite_utils.Database) -> None:
    """Links to earlier claims found on ingest, and repeats within one article."""
    db["matches"].create(
        {"claim_id": str, "match_id": str, "score": float},
        pk=("claim_id", "match_id"),
        not_null={"score"},
    )
    db["matches"].create_index(["match_id"])
    db["claims"].add_column("duplicate_of", str)
    # Matching keys: compatible claims have equal numbers, so numkey is an exact block.
    db["claims"].add_column("numkey", str)
    db["claims"].add_column("match_text", str)
    db["claims"].create_index(["numkey"])
    db.execute("CREATE VIRTUAL TABLE claims_fts_vocab USING fts5vocab(claims_fts, 'row')")
    # The keys of claims stored before this are filled by the replay that follows (see
    # REPLAY_AFTER): a migration changes the schema only, so it never runs live code.


def m005_claim_stance(db: sqlite_utils.Database) -> None:
    """What the speaker does with each claim (asserts, denies, questions …) and what kind of
    speaker it is; claims split before these existed were read as assertions by a speaker
    of no known type."""
    db["claims"].add_column("stance", str, not_null_default="asserts")
    db["claims"].add_column("speaker_type", str)


def m006_claim_frame(db: sqlite_utils.Database) -> None:
    """What each claim says by role (who, to whom, when, how many, polarity), for matching;
    claims split before it existed have none and match by their wording alone."""
    db["claims"].add_column("frame", str)


def m007_match_text_index(db: sqlite_utils.Database) -> None:
    """A full-text index over each claim's normalised wording (``match_text``: one form per
    synonym and name, stems, numbers), so that matching finds a paraphrase by the words it
    shares after normalisation and narrows a large block of claims with the same numbers by
    its rarest words. Kept current by triggers; the rows it indexes are the claims table's."""
    statements = [
        "CREATE VIRTUAL TABLE claims_match_fts USING fts5("
        "match_text, content='claims', content_rowid='rowid')",
        "INSERT INTO claims_match_fts(claims_match_fts) VALUES ('rebuild')",
        "CREATE VIRTUAL TABLE claims_match_fts_vocab USING fts5vocab(claims_match_fts, 'row')",
        "CREATE TRIGGER claims_match_ai AFTER INSERT ON claims BEGIN "
        "INSERT INTO claims_match_fts (rowid, match_text) VALUES (new.rowid, new.match_text); "
        "END",
        "CREATE TRIGGER claims_match_ad AFTER DELETE ON claims BEGIN "
        "INSERT INTO claims_match_fts (claims_match_fts, rowid, match_text) "
        "VALUES ('delete', old.rowid, old.match_text); END",
        "CREATE TRIGGER claims_match_au AFTER UPDATE OF match_text ON claims BEGIN "
        "INSERT INTO claims_match_fts (claims_match_fts, rowid, match_text) "
        "VALUES ('delete', old.rowid, old.match_text); "
        "INSERT INTO claims_match_fts (rowid, match_text) VALUES (new.rowid, new.match_text); "
        "END",
    ]
    for statement in statements:  # one by one: executescript would commit the migration
        db.execute(statement)


def m008_feeds(db: sqlite_utils.Database) -> None:
    """The news feeds ``workbench watch`` follows, with the validators of their last answer
    (ETag, Last-Modified) for conditional requests; and each article's canonical URL, so an
    article a feed links to again is known as stored before it is fetched."""
    db["feeds"].create(
        {
            "id": str,
            "url": str,
            "name": str,
            "outlet": str,
            "added_at": str,
            "added_by": str,
            "etag": str,
            "last_modified": str,
            "checked_at": str,
            "status": str,
            "error": str,
            "articles": int,
        },
        pk="id",
        not_null={"url", "added_at"},
        defaults={"articles": 0},
    )
    db["articles"].add_column("canonical_url", str)
    db["articles"].create_index(["canonical_url"])
    # Existing articles get their canonical URL from the replay that follows (REPLAY_AFTER).


def _reindex_on_update(trigger: str, fts: str, columns: list[str]) -> str:
    """A trigger that moves a claim's entry in the full-text index ``fts`` when one of its
    indexed ``columns`` changes."""
    names = ", ".join(columns)
    old = ", ".join(f"old.{c}" for c in columns)
    new = ", ".join(f"new.{c}" for c in columns)
    return (
        f"CREATE TRIGGER {trigger} AFTER UPDATE OF {names} ON claims BEGIN "
        f"INSERT INTO {fts} ({fts}, rowid, {names}) VALUES ('delete', old.rowid, {old}); "
        f"INSERT INTO {fts} (rowid, {names}) VALUES (new.rowid, {new}); END"
    )


def m009_index_claims_per_statement(db: sqlite_utils.Database) -> None:
    """New claims enter the two full-text indexes in one statement per stored batch (see
    ``projections.index_new_claims``) instead of a trigger per row, which cost FTS5 three
    times as much; and the search index is rewritten only when a claim's indexed words
    change, not on every verdict."""
    statements = [
        "DROP TRIGGER claims_ai",
        "DROP TRIGGER claims_match_ai",
        "DROP TRIGGER claims_au",
        _reindex_on_update("claims_au", "claims_fts", ["claim", "text", "speaker"]),
    ]
    for statement in statements:
        db.execute(statement)


def m010_numbered_terms(db: sqlite_utils.Database) -> None:
    """Each numbered claim's words keyed by its numbers (``numbered_terms``, see
    ``matching.signature.numbered_terms``), indexed beside its wording: the claims with the
    same numbers and two of a query's rare words were an intersection of long posting lists
    that grew with the database; now they are short lists of their own. The index is built
    again; the column is filled by the replay that follows (REPLAY_AFTER)."""
    db["claims"].add_column("numbered_terms", str)
    statements = [
        "DROP TRIGGER claims_match_ad",
        "DROP TRIGGER claims_match_au",
        "DROP TABLE claims_match_fts_vocab",
        "DROP TABLE claims_match_fts",
        "CREATE VIRTUAL TABLE claims_match_fts USING fts5("
        "match_text, numbered_terms, content='claims', content_rowid='rowid')",
        # merging two segments at a time keeps them few: a lookup probes every segment
        "INSERT INTO claims_match_fts(claims_match_fts, rank) VALUES ('usermerge', 2)",
        "INSERT INTO claims_match_fts(claims_match_fts) VALUES ('rebuild')",
        "CREATE VIRTUAL TABLE claims_match_fts_vocab USING fts5vocab(claims_match_fts, 'row')",
        "CREATE TRIGGER claims_match_ad AFTER DELETE ON claims BEGIN "
        "INSERT INTO claims_match_fts (claims_match_fts, rowid, match_text, numbered_terms) "
        "VALUES ('delete', old.rowid, old.match_text, old.numbered_terms); END",
        _reindex_on_update("claims_match_au", "claims_match_fts", ["match_text", "numbered_terms"]),
    ]
    for statement in statements:
        db.execute(statement)


def m011_unnumbered_terms(db: sqlite_utils.Database) -> None:
    """Claims without numbers get their words keyed too (by the key of no numbers, see
    ``matching.signature.numbered_terms``): a lookup for a claim without numbers read the
    posting lists of every claim holding its words, numbered or not, and those grew with the
    database. No schema changes; the column is filled by the replay that follows
    (REPLAY_AFTER)."""


def m012_exact_numbers(db: sqlite_utils.Database) -> None:
    """Numbers are compared with every significant digit (``core.numbers``): claims keyed
    before this wrote 1,234,567 and 1,234,571 alike ("1.23457e+06") and could match across
    them. No schema changes; the replay that follows (REPLAY_AFTER) keys every claim again."""


def m013_folded_letters(db: sqlite_utils.Database) -> None:
    """Matching reads letters without their accents and words of any script
    (``matching.actors.fold_letters``): claims keyed before this stored "Erdoğan" as
    "erdo an" and never met a claim that spells it "Erdogan". No schema changes; the replay
    that follows (REPLAY_AFTER) keys every claim again."""


def m014_keys_fingerprint(db: sqlite_utils.Database) -> None:
    """A table of facts about the file itself: ``keys_fingerprint`` says which word lists the
    claims' matching keys were made with (``core.keys_version``), so a file keyed by another
    version is keyed again when it is opened. The replay that follows (REPLAY_AFTER) keys
    the claims of an existing file."""
    db["store_meta"].create({"name": str, "value": str}, pk="name")


Migration = Callable[[sqlite_utils.Database], None]
MIGRATIONS: tuple[Migration, ...] = (
    m001_initial, m002_review, m003_claims_fts, m004_matches, m005_claim_stance,
    m006_claim_frame, m007_match_text_index, m008_feeds, m009_index_claims_per_statement,
    m010_numbered_terms, m011_unnumbered_terms, m012_exact_numbers, m013_folded_letters,
    m014_keys_fingerprint,
)  # fmt: skip
SCHEMA_VERSION = len(MIGRATIONS)

#: Migrations that add columns the projections derive from events. A file that had rows
#: before one of them ran is replayed through the current projections, in the same
#: transaction, so its old rows get the columns as new ones do; the migration itself stays
#: a frozen schema change that never imports live code.
REPLAY_AFTER: frozenset[str] = frozenset(
    {"m004_matches", "m005_claim_stance", "m006_claim_frame", "m008_feeds", "m010_numbered_terms",
     "m011_unnumbered_terms", "m012_exact_numbers", "m013_folded_letters",
     "m014_keys_fingerprint"}
)  # fmt: skip

# Tables the projections own: cleared and refilled by Store.rebuild().
PROJECTION_TABLES: tuple[str, ...] = (
    "matches", "notes", "sources", "verdicts", "claims", "articles", "feeds",
)  # fmt: skip
