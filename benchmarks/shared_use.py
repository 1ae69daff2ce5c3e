"""Stress one database file as a team uses it: review sessions and CLI writers at once.

Review sessions run the real app (headless, driven by Textual's Pilot) in their own
processes and add notes and flip kinds by keys; CLI writers run `workbench note` in a
loop, each command its own process, as colleagues in other terminals do. Every write that
reported success (an event returned to the session, exit 0 and "note added" from the CLI)
must be in the file afterwards, and `workbench verify --deep` must pass.

    python benchmarks/shared_use.py                      # 2 sessions, 6 writers, 60 s
    python benchmarks/shared_use.py --seconds 10 --json  # shorter; figures as JSON

Exit status 1 when a write was lost or verification failed.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

TEXT = "\n\n".join(
    f"Freedonia reported that convoy {i} carried {i * 1000 + 500} tonnes of grain to Selene Bay."
    for i in range(12)
)


def make_database(path: Path) -> list[str]:
    """A database holding one hand-made article (no NLP needed); its claim ids."""
    from workbench.core.values import ClaimDraft, Cleaned, Document
    from workbench.ingest.articles import make_article, make_claims
    from workbench.store import Store

    article = make_article(Document(text=TEXT, source="stress.txt"), Cleaned(TEXT, ()))
    drafts, start = [], 0
    for para in TEXT.split("\n\n"):
        start = TEXT.index(para, start)
        drafts.append(ClaimDraft(text=para, claim=para, start=start, end=start + len(para),
                                 kind="fact", checkworthiness=0.5))  # fmt: skip
        start += len(para)
    with Store(path) as store:
        store.add_article(article, make_claims(article, drafts), "editor")
        return [c.id for c in store.claims()]


# -- a review session, in its own process ----------------------------------------------------


async def drive_session(db: Path, name: str, seconds: float, out: Path) -> None:
    from workbench.review.rubrics import load_rubric
    from workbench.tui.app import ReviewApp

    app = ReviewApp(db, name, load_rubric("default"), offer_sample=False, filter_name="all")
    attempted, acknowledged = 0, []
    async with app.run_test(size=(120, 40)) as pilot:
        while not app.loaded:
            await pilot.pause(0.05)
        end = time.monotonic() + seconds
        i = 0
        while time.monotonic() < end:
            i += 1
            before = len(app._own_events)
            attempted += 1
            if i % 5 == 0:
                await pilot.press("o")  # flip fact/opinion
                label = None
            else:
                label = f"{name}-{i}"
                await pilot.press("n", *label, "ctrl+s")
            await pilot.pause()
            if len(app._own_events) > before and label is not None:
                acknowledged.append(label)
            elif len(app._own_events) > before:
                acknowledged.append(None)
            await pilot.press("j" if i % 13 else "g")
        refused = [n.message for n in app._notifications if n.severity == "error"]
        await pilot.press("q")
    out.write_text(
        json.dumps({"attempted": attempted, "acknowledged": acknowledged, "errors": refused})
    )


# -- the run ----------------------------------------------------------------------------------


def cli_writer(db: Path, name: str, ids: list[str], seconds: float, results: dict) -> None:
    env = {**os.environ, "WORKBENCH_REVIEWER": name, "PYTHONPATH": str(ROOT)}
    attempted, acknowledged, errors = 0, [], []
    end = time.monotonic() + seconds
    i = 0
    while time.monotonic() < end:
        i += 1
        text = f"{name}-{i}"
        attempted += 1
        done = subprocess.run(
            [sys.executable, "-m", "workbench", "note", ids[i % len(ids)], text, "--db", str(db)],
            capture_output=True, text=True, env=env,
        )  # fmt: skip
        if done.returncode == 0 and "note added" in done.stdout:
            acknowledged.append(text)
        else:
            errors.append(done.stderr.strip().splitlines()[-1] if done.stderr.strip() else "?")
    results[name] = {"attempted": attempted, "acknowledged": acknowledged, "errors": errors}


def run(seconds: float, sessions: int, writers: int, folder: Path) -> dict:
    db = folder / "shared.db"
    ids = make_database(db)
    started = time.monotonic()
    procs = []
    for n in range(sessions):
        out = folder / f"session-{n}.json"
        procs.append((out, subprocess.Popen(
            [sys.executable, __file__, "--session", f"reviewer{n}", "--db", str(db),
             "--seconds", str(seconds), "--out", str(out)],
            env={**os.environ, "PYTHONPATH": str(ROOT)},
        )))  # fmt: skip
    results: dict = {}
    threads = [
        threading.Thread(target=cli_writer, args=(db, f"writer{k}", ids, seconds, results))
        for k in range(writers)
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    for out, proc in procs:
        if proc.wait(timeout=seconds + 120) != 0:
            raise SystemExit(f"a review session failed (exit {proc.returncode})")
        results[out.stem] = json.loads(out.read_text())
    elapsed = time.monotonic() - started

    from workbench.store import Store

    with Store(db, create=False) as store:
        notes = {
            e.payload["text"] for e in store.events() if e.action == "note.added"
        }  # undone notes stay in the log too
        events = store.event_count()
    acknowledged_notes = [t for r in results.values() for t in r["acknowledged"] if t]
    flips = sum(1 for r in results.values() for t in r["acknowledged"] if t is None)
    lost = sorted(set(acknowledged_notes) - notes)
    deep = subprocess.run(
        [sys.executable, "-m", "workbench", "verify", "--deep", "--db", str(db)],
        capture_output=True, text=True, env={**os.environ, "PYTHONPATH": str(ROOT)},
    )  # fmt: skip
    return {
        "seconds": round(elapsed, 1),
        "sessions": sessions,
        "cli_writers": writers,
        "writes_attempted": sum(r["attempted"] for r in results.values()),
        "writes_acknowledged": len(acknowledged_notes) + flips,
        "notes_acknowledged": len(acknowledged_notes),
        "notes_present": len(set(acknowledged_notes) & notes),
        "lost": lost,
        "by_writer": {k: [r["attempted"], len(r["acknowledged"])] for k, r in results.items()},
        "refused": [e for r in results.values() for e in r.get("errors", [])][:5],
        "events": events,
        "verify_deep": (deep.stdout or deep.stderr).strip(),
        "verify_ok": deep.returncode == 0,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--sessions", type=int, default=2)
    parser.add_argument("--writers", type=int, default=6)
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--session", help=argparse.SUPPRESS)  # internal: run one session
    parser.add_argument("--db", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--out", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.session:
        asyncio.run(drive_session(args.db, args.session, args.seconds, args.out))
        return
    with tempfile.TemporaryDirectory() as tmp:
        figures = run(args.seconds, args.sessions, args.writers, Path(tmp))
    if args.json:
        print(json.dumps(figures, indent=2))
    else:
        print(
            f"{figures['sessions']} review sessions + {figures['cli_writers']} CLI writers, "
            f"{figures['seconds']} s: writes attempted {figures['writes_attempted']}, "
            f"acknowledged {figures['writes_acknowledged']} "
            f"(notes {figures['notes_acknowledged']}, present {figures['notes_present']}), "
            f"lost {len(figures['lost'])}; {figures['events']} events"
        )
        for message in dict.fromkeys(figures["refused"]):  # a write not acknowledged says why
            print(f"refused: {message}")
        print(f"verify --deep: {figures['verify_deep']}")
    if figures["lost"] or not figures["verify_ok"]:
        sys.exit(1)


if __name__ == "__main__":
    main()
