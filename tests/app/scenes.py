"""The main screens in a known state, for snapshot tests and for screenshots/ (one definition for both)."""

from __future__ import annotations

import random
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path

from textual.pilot import Pilot

from tui.app import TandemApp
from tui.core.clock import FakeClock
from tui.core.library import ExerciseFolder, load_library
from tui.core.partners import Partner, Partners
from tui.core.settings import Settings
from tui.paths import builtin_exercises_dir
from tui.store import Store

from couple import WALL
from drive import play_through, start

# Names a couple might really choose, with the characters that break careless markup.
PARTNERS = Partners(Partner("Robin [the early bird]", "coral"), Partner("Ana 🌙", "teal"))


def build_app(data_dir: Path, *, named: bool = True) -> tuple[TandemApp, Store]:
    store = Store.open(data_dir)
    if named:
        store.save_settings(Settings(partners=PARTNERS, theme="tandem-evening"))
    library = load_library([ExerciseFolder(builtin_exercises_dir(), builtin=True)])
    app = TandemApp(library, store, FakeClock(500.0), store.load_settings(), rng=random.Random(3), wall=lambda: WALL)
    return app, store


async def _home(pilot: Pilot) -> None:
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def _speaker_in_wrap_up(pilot: Pilot) -> None:
    await start(pilot, "speaker-listener")
    await pilot.press("f")
    pilot.app.clock.advance(80)


async def _reflection_to_check(pilot: Pilot) -> None:
    await start(pilot, "speaker-listener")
    await pilot.press("f", "n")
    pilot.app.clock.advance(75)  # past its minute: the clock counts the extra time


async def _card(pilot: Pilot) -> None:
    await start(pilot, "deck-getting-closer")
    pilot.app.clock.advance(12)


async def _private_answer(pilot: Pilot) -> None:
    await start(pilot, "closeness-now")
    await pilot.press("8", "enter", "6")


async def _revealed(pilot: Pilot) -> None:
    await start(pilot, "closeness-now")
    await pilot.press("8", "enter", "6", "enter")


async def _breathing(pilot: Pilot) -> None:
    await start(pilot, "breathe-together")
    pilot.app.clock.advance(3)


async def _time_out(pilot: Pilot) -> None:
    await start(pilot, "breathe-together")
    pilot.app.clock.advance(30)
    await pilot.press("space")


async def _summary(pilot: Pilot) -> None:
    await start(pilot, "three-appreciations")
    await play_through(pilot, text="Your laugh [b]!", seconds_per_step=40)


async def _help(pilot: Pilot) -> None:
    await _home(pilot)
    await pilot.press("question_mark")


async def _refresh(pilot: Pilot) -> None:
    # The screen redraws from the clock on a timer; draw once more after the clock moved.
    screen = pilot.app.screen
    if hasattr(screen, "refresh_view"):
        screen.refresh_view()
    await pilot.pause()


@dataclass(frozen=True)
class Scene:
    setup: Callable[[Pilot], Awaitable[None]]
    named: bool = True

    async def run(self, pilot: Pilot) -> None:
        await self.setup(pilot)
        await _refresh(pilot)


SCENES: dict[str, Scene] = {
    "first-run": Scene(_home, named=False),
    "home": Scene(_home),
    "session-speaker": Scene(_speaker_in_wrap_up),
    "session-reflection": Scene(_reflection_to_check),
    "session-card": Scene(_card),
    "session-private-answer": Scene(_private_answer),
    "session-revealed": Scene(_revealed),
    "session-breathing": Scene(_breathing),
    "time-out": Scene(_time_out),
    "summary": Scene(_summary),
    "help": Scene(_help),
}
