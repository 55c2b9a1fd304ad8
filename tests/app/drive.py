"""Driving a session as two partners would: the keys they press, step by step."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from textual.pilot import Pilot

from tui.app import TandemApp
from tui.core.clock import FakeClock
from tui.core.model import Seat
from tui.screens.history import HistoryScreen
from tui.screens.session import SessionScreen

YES = {Seat.LEFT: "f", Seat.RIGHT: "j"}
NO = {Seat.LEFT: "d", Seat.RIGHT: "k"}


async def start(pilot: Pilot, exercise_id: str) -> SessionScreen:
    app: TandemApp = pilot.app  # type: ignore[assignment]
    app.start_exercise(app.library[exercise_id])
    await app.workers.wait_for_complete()
    await pilot.pause()
    assert isinstance(app.screen, SessionScreen)
    return app.screen


async def settle(pilot: Pilot) -> None:
    """Until the workers are done and the screen has caught up."""
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def open_history(pilot: Pilot) -> HistoryScreen:
    """From home, as the partners would: `h`, then wait for the first rows."""
    await settle(pilot)
    await pilot.press("h")
    await settle(pilot)
    screen = pilot.app.screen
    assert isinstance(screen, HistoryScreen)
    return screen


Answer = Callable[[SessionScreen], Awaitable[None]]


async def play_through(pilot: Pilot, *, answer: str = "7", text: str = "Hug [b]🍝",
                       not_quite_first: bool = True, seconds_per_step: float = 30) -> int:
    """Press keys as two partners would until the session ends; returns the number of key moments."""
    app: TandemApp = pilot.app  # type: ignore[assignment]
    clock: FakeClock = app.clock  # type: ignore[assignment]
    moments = 0
    while isinstance(app.screen, SessionScreen):
        view = app.screen.engine.current
        assert view is not None
        moments += 1
        assert moments < 500, f"stuck on {view.header}"
        clock.advance(seconds_per_step)
        spec = view.input
        waiting = [seat for seat in Seat if spec and seat in spec.seats and seat not in spec.answered]
        if spec and waiting:
            typed = {"scale": answer, "choice": "1", "text": text}[spec.kind.value]
            await pilot.press(*typed, "enter")
        elif view.check_by is not None:
            await pilot.press(NO[view.check_by] if view.attempt == 1 and not_quite_first else YES[view.check_by])
        elif view.kind == "choose_first":
            await pilot.press("j")
        elif view.needs - view.ready:
            for seat in sorted(view.needs - view.ready):
                await pilot.press(YES[seat])
        else:
            assert view.can_next, f"no way on from {view.header}"
            await pilot.press("n")
    await app.workers.wait_for_complete()
    app.writes.drain()
    return moments
