"""Who is acting: the name recorded as the actor of every event."""

from __future__ import annotations

import getpass
import os
import subprocess


def current_reviewer(explicit: str | None = None) -> str:
    """``explicit``, else WORKBENCH_REVIEWER, else git's user.name, else the login name."""
    for name in (explicit, os.environ.get("WORKBENCH_REVIEWER")):
        if name and name.strip():
            return name.strip()
    try:
        out = subprocess.run(
            ["git", "config", "user.name"], capture_output=True, text=True, timeout=2, check=False
        )
        if out.returncode == 0 and out.stdout.strip():
            return out.stdout.strip()
    except (OSError, subprocess.SubprocessError):
        pass
    try:
        return getpass.getuser()
    except (OSError, KeyError):
        return "unknown"
