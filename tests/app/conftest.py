"""Building the app as the command line does, with a fake clock, a seeded order and a private data folder."""

from __future__ import annotations

import random
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from textual.widgets import Input

from tui.app import TandemApp
from tui.core.clock import FakeClock
from tui.core.library import ExerciseFolder, Library, load_library
from tui.core.settings import Settings
from tui.paths import builtin_exercises_dir
from tui.store import Store

from couple import PARTNERS, WALL


@pytest.fixture(autouse=True)
def no_cursor_blink(monkeypatch: pytest.MonkeyPatch) -> None:
    """A blinking cursor would make snapshots depend on timing."""
    monkeypatch.setattr(Input, "cursor_blink", False)


@pytest.fixture(scope="session")
def library() -> Library:
    return load_library([ExerciseFolder(builtin_exercises_dir(), builtin=True)])


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    opened = Store.open(tmp_path / "data")
    yield opened
    opened.close()


@pytest.fixture
def make_app(library: Library, store: Store) -> Callable[..., TandemApp]:
    def make(*, named: bool = True, clock: FakeClock | None = None, theme: str = "tandem-evening") -> TandemApp:
        settings = Settings(partners=PARTNERS if named else None, theme=theme)
        if named:
            store.save_settings(settings)
        return TandemApp(
            library, store, clock or FakeClock(1000.0), store.load_settings(), rng=random.Random(7), wall=lambda: WALL
        )

    return make


