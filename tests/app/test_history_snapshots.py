"""How the history list, one session's page and the stats look, at the smallest supported size and a roomy one."""

from __future__ import annotations

import time
from collections.abc import Awaitable, Callable, Iterator

import pytest
from textual.pilot import Pilot

from tui.store import Store
from tui.widgets.fill_table import FillTable

from drive import open_history, settle
from history_data import MARKUP_ID, fill

SIZES = {"80x24": (80, 24), "120x40": (120, 40)}


@pytest.fixture(autouse=True)
def utc(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Dates are shown in local time: pin the zone so the pictures are the same everywhere."""
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


async def history(pilot: Pilot) -> None:
    await open_history(pilot)


async def detail(pilot: Pilot) -> None:
    screen = await open_history(pilot)
    # The newest session: its names, title and a starred card all look like markup.
    table = screen.query_one(FillTable)
    assert table.coordinate_to_cell_key(table.cursor_coordinate).row_key == MARKUP_ID
    await pilot.press("enter")
    await settle(pilot)


async def stats(pilot: Pilot) -> None:
    await history(pilot)
    await pilot.press("t")
    await settle(pilot)


SCENES: dict[str, Callable[[Pilot], Awaitable[None]]] = {"list": history, "detail": detail, "stats": stats}


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("scene", SCENES)
def test_history_screen(snap_compare, make_app, store: Store, scene: str, size: str) -> None:
    fill(store)
    assert snap_compare(make_app(), terminal_size=SIZES[size], run_before=SCENES[scene])
