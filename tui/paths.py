"""Where Tandem keeps things: the built-in library, the user's exercises, the user's data, a cache."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import platformdirs

APP_NAME = "tandem"
DATA_DIR_VARIABLE = "TANDEM_DATA_DIR"


def builtin_exercises_dir() -> Path:
    """Inside an installed wheel the library sits in the package; in a checkout, beside it."""
    packaged = Path(__file__).parent / "exercises"
    return packaged if packaged.is_dir() else Path(__file__).parent.parent / "exercises"


@dataclass(frozen=True)
class Paths:
    data_dir: Path
    user_exercises_dir: Path
    # Only things Tandem can make again: the library as last read (tui/library_cache.py).
    cache_dir: Path

    @classmethod
    def resolve(cls, data_dir: str | os.PathLike[str] | None = None) -> Paths:
        """The folders to use: the command line wins over the environment, which wins over the default."""
        chosen = data_dir or os.environ.get(DATA_DIR_VARIABLE) or platformdirs.user_data_dir(APP_NAME, appauthor=False)
        exercises = Path(platformdirs.user_config_dir(APP_NAME, appauthor=False)) / "exercises"
        cache = Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False))
        return cls(data_dir=Path(chosen).expanduser(), user_exercises_dir=exercises, cache_dir=cache)
