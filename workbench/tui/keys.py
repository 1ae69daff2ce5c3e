"""Key bindings of the review session, and the config file that can rebind them.

``~/.config/workbench/keys.toml`` (or the file named by ``$WORKBENCH_KEYS``)::

    [keys]
    next = "j,down"
    source = "s,ctrl+s"
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass
from pathlib import Path

from workbench.core.errors import WorkbenchError
from workbench.core.paths import config_file


@dataclass(frozen=True)
class Key:
    id: str
    keys: str  # comma-separated Textual key names
    action: str
    description: str  # for the help screen
    short: str = ""  # footer label; only keys with one are shown in the footer


KEYS: tuple[Key, ...] = (
    Key("next", "j,down", "move(1)", "Next claim"),
    Key("next_unreviewed", "space", "next_unreviewed", "Next claim without your verdict"),
    Key("previous", "k,up", "move(-1)", "Previous claim"),
    Key("first", "g,home", "first", "First claim"),
    Key("last", "G,end", "last", "Last claim"),
    *(
        Key(f"verdict_{n}", str(n), f"verdict({n})", f"Verdict {n} of the rubric")
        for n in range(1, 10)
    ),
    Key("source", "s", "source", "Add a source (URL, title, excerpt)", "Source"),
    Key("note", "n", "note", "Add a note (multi-line)", "Note"),
    # flip, edit, approve and history are in ? only: the footer keeps room for ? and q at 80
    Key("flip", "o", "flip", "Flip fact / opinion"),
    Key("edit", "e", "edit", "Edit the claim's wording"),
    Key("approve", "a", "approve", "Approve another reviewer's verdict"),
    Key("undo", "u", "undo", "Undo your last action", "Undo"),
    Key("adopt", "m", "adopt", "Adopt the verdict of the matching earlier claim", "Adopt"),
    Key("search", "slash", "search", "Search claims", "Search"),
    Key(
        "filter",
        "f",
        "cycle_filter",
        "Next filter: unreviewed, all, mine, conflicts, needs approval",
        "Filter",
    ),
    Key("history", "h", "history", "History of the claim"),
    Key("article", "v", "view_article", "The whole article, the claim highlighted"),
    Key("stats", "S", "stats", "Figures: claims by state, agreed verdicts as bars, reviewers"),
    Key(
        "resolve", "r", "resolve", "Settle a conflict: keep one reviewer's verdict or give another"
    ),
    Key("browser", "b", "open_article", "Open the article (or the first source) in the browser"),
    Key("web_search", "w", "web_search", "Search the web for the claim ($WORKBENCH_SEARCH_URL)"),
    Key("copy", "c", "copy_claim", "Copy the claim's wording and id to the clipboard"),
    Key(
        "bulk_opinions",
        "x",
        "bulk_opinions",
        "Rate every unrated opinion in this view as not checkable (one undo)",
    ),
    Key(
        "bulk_adopt",
        "M",
        "bulk_adopt",
        "Adopt the matched verdict for every unrated claim in this view (one undo)",
    ),
    Key("help", "question_mark", "help", "All keys", "Keys"),
    Key("quit", "q", "quit", "Quit (everything is already saved)", "Quit"),
)
IDS = frozenset(k.id for k in KEYS)


class KeymapError(WorkbenchError):
    """The key configuration file is malformed."""


def keymap_path() -> Path | None:
    return config_file("keys.toml", "WORKBENCH_KEYS")


def load_keymap(path: Path | None = None) -> dict[str, str]:
    """Binding id -> keys from the config file; {} when there is none."""
    path = path or keymap_path()
    if path is None or not path.exists():
        if os.environ.get("WORKBENCH_KEYS"):
            raise KeymapError(f"no such key file: {path}")
        return {}
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as err:
        raise KeymapError(f"cannot read {path}: {err}") from None
    except tomllib.TOMLDecodeError as err:
        raise KeymapError(f"{path}: not valid TOML: {err}") from None
    keys = data.get("keys", {})
    if not isinstance(keys, dict):
        raise KeymapError(f"{path}: [keys] must be a table")
    out = {}
    for binding_id, value in keys.items():
        if binding_id not in IDS:
            raise KeymapError(
                f"{path}: unknown key binding '{binding_id}' (known: {', '.join(sorted(IDS))})"
            )
        if not isinstance(value, str) or not value.strip():
            raise KeymapError(f'{path}: keys.{binding_id} must be text such as "j,down"')
        out[binding_id] = ",".join(part.strip() for part in value.split(","))
    return out
