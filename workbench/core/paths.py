"""Where per-user files live: ``$XDG_CONFIG_HOME/workbench`` or ``~/.config/workbench``."""

from __future__ import annotations

import os
from pathlib import Path


def config_dir() -> Path | None:
    """The user's workbench configuration folder (it may not exist); None without a home."""
    base = os.environ.get("XDG_CONFIG_HOME")
    try:
        root = Path(base) if base else Path.home() / ".config"
    except RuntimeError:  # no home directory
        return None
    return root / "workbench"


def config_file(name: str, env_var: str | None = None) -> Path | None:
    """``$env_var`` if set, else ``name`` in the configuration folder."""
    explicit = os.environ.get(env_var) if env_var else None
    if explicit:
        return Path(explicit)
    folder = config_dir()
    return folder / name if folder else None
