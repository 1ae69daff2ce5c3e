"""User configuration: ``~/.config/workbench/config.toml`` (or ``$WORKBENCH_CONFIG``).

[publisher]
name = "The Meridian Ledger Fact Check"
url = "https://ledger.example.org"
base_url = "https://ledger.example.org/fact-checks/"
"""

from __future__ import annotations

import tomllib
from pathlib import Path

from workbench.core.errors import WorkbenchError
from workbench.core.paths import config_file
from workbench.reports.model import Publisher


class ConfigError(WorkbenchError):
    """The configuration file is malformed."""


def config_path() -> Path | None:
    return config_file("config.toml", "WORKBENCH_CONFIG")


def load_publisher(
    name: str | None = None, url: str | None = None, base_url: str | None = None
) -> Publisher:
    """The publisher from the config file, with any of the given values taking precedence."""
    path = config_path()
    table: dict = {}
    if path is not None and path.exists():
        try:
            table = tomllib.loads(path.read_text(encoding="utf-8")).get("publisher", {})
        except (OSError, UnicodeDecodeError) as err:
            raise ConfigError(f"cannot read {path}: {err}") from None
        except tomllib.TOMLDecodeError as err:
            raise ConfigError(f"{path}: not valid TOML: {err}") from None
        if not isinstance(table, dict):
            raise ConfigError(f"{path}: [publisher] must be a table")
        for key, value in table.items():
            if key not in ("name", "url", "base_url") or not isinstance(value, str):
                raise ConfigError(f"{path}: publisher.{key} is not a known text field")
    default = Publisher()
    chosen_name = name or table.get("name")
    # the config's url belongs to the config's publisher, not to another --org
    same_org = name is None or name == table.get("name")
    chosen_base = base_url or table.get("base_url")
    return Publisher(
        name=chosen_name or default.name,
        url=url or (table.get("url") if same_org else None) or default.url,
        base_url=chosen_base or default.base_url,
        configured=bool(chosen_name and chosen_base),
    )
