"""The Tandem app: wiring, app-wide bindings and themes. Screens live in tui/screens/."""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import replace
from datetime import datetime
from typing import TYPE_CHECKING

from textual import work
from textual.app import App
from textual.binding import Binding
from textual.reactive import Initialize, Reactive
from textual.theme import Theme

from tui.commands import TandemCommands
from tui.core.clock import Clock, MonotonicClock, utc_now
from tui.core.library import Library
from tui.core.model import Cards, Exercise
from tui.core.settings import DEFAULT_THEME, Settings
from tui.screens.home import HomeScreen
from tui.store import Store
from tui.store_queue import StoreQueue
from tui.themes import TANDEM_THEMES

if TYPE_CHECKING:
    from tui.core.engine import SessionEngine
    from tui.screens.session import SessionScreen
    from tui.screens.summary import SummaryScreen

# Screens other than home, and the engine, are imported where first used, so that start-up
# stays close to a bare Textual app (benchmarks/startup.py).


def _saved_theme(app: TandemApp) -> str:
    theme = app.settings.theme
    return theme if theme in app.available_themes else DEFAULT_THEME


class TandemApp(App[None]):
    # Home is the first screen: its styles are read with the app's, sparing a second pass over all the CSS.
    CSS_PATH = ["app.tcss", "screens/home.tcss"]
    TITLE = "Tandem"
    COMMANDS = App.COMMANDS | {TandemCommands}
    BINDINGS = [
        Binding("question_mark", "help", "Help", id="help"),
        Binding("ctrl+q", "quit", "Quit", show=False, id="quit"),
    ]
    # The saved theme is in force from the start: choosing it later would read all the CSS a second time.
    theme: Reactive[str] = Reactive(Initialize(_saved_theme))

    def __init__(
        self,
        library: Library,
        store: Store,
        clock: Clock,
        settings: Settings,
        *,
        rng: random.Random | None = None,
        wall: Callable[[], datetime] = utc_now,
    ) -> None:
        self.settings = settings  # before App.__init__, which reads the theme
        super().__init__()
        self.library = library
        self.store = store
        self.clock = clock
        self.rng = rng or random.Random()
        self.wall = wall
        self.writes = StoreQueue(self._write_failed)

    @property
    def available_themes(self) -> dict[str, Theme]:
        # Tandem's own themes are known before App.__init__ looks the saved one up.
        return super().available_themes | TANDEM_THEMES

    def _write_failed(self, error: Exception) -> None:
        self.call_from_thread(
            self.notify, f"Could not save: {error}", title="Saving failed", severity="error", markup=False, timeout=15
        )

    async def on_unmount(self) -> None:
        # Every save made before quitting reaches the disk.
        self.writes.close()

    def on_mount(self) -> None:
        self.apply_theme(self.settings.theme)  # already in force; says so if it is unknown
        self._report_library_problems()
        for damaged in self.store.damaged:
            self.notify(
                str(damaged),
                title="Data file damaged",
                severity="warning",
                timeout=20,
                markup=False,
            )
        if self.settings.partners is None:
            from tui.screens.settings import SettingsScreen

            self.push_screen(SettingsScreen(self.settings, first_run=True), self._first_run_done)
        else:
            self.push_screen(HomeScreen())

    def watch_theme(self, theme: str) -> None:
        # A theme chosen in the command palette is kept, as one chosen in settings is.
        if theme != self.settings.theme:
            self.settings = replace(self.settings, theme=theme)
            self.save_settings(self.settings)

    def apply_theme(self, name: str) -> None:
        if name in self.available_themes:
            self.theme = name
        else:  # an unknown theme (say, from a newer version) must not stop the app
            self.notify(f"Unknown theme {name!r}; using the default.", severity="warning", markup=False)

    def _report_library_problems(self) -> None:
        files = len(self.library.files_with_problems)
        if files:
            noun = "file has" if files == 1 else "files have"
            self.notify(f"{files} exercise {noun} problems — run `tandem check`.", markup=False, timeout=8)
        for notice in self.library.notices:
            self.notify(str(notice), title="Note", markup=False, timeout=8)

    def _first_run_done(self, settings: Settings | None) -> None:
        if settings is not None:
            self.update_settings(settings)
        self.push_screen(HomeScreen())

    def update_settings(self, settings: Settings) -> None:
        self.settings = settings
        self.apply_theme(settings.theme)
        self.save_settings(settings)

    def save_settings(self, settings: Settings) -> None:
        self.writes.submit(self.store.save_settings, settings)

    def action_help(self) -> None:
        from tui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    def action_settings(self) -> None:
        from tui.screens.session import SessionScreen
        from tui.screens.settings import SettingsScreen

        if self.settings.partners is not None and not isinstance(self.screen, (SettingsScreen, SessionScreen)):
            self.push_screen(SettingsScreen(self.settings), self._settings_done)

    def action_history(self) -> None:
        from tui.screens.history import HistoryScreen
        from tui.screens.session import SessionScreen

        # Not in the middle of a session, and one history at a time.
        if self.settings.partners is not None and not any(
            isinstance(screen, (HistoryScreen, SessionScreen)) for screen in self.screen_stack
        ):
            self.push_screen(HistoryScreen())

    def _settings_done(self, settings: Settings | None) -> None:
        if settings is not None:
            self.update_settings(settings)
            self.notify("Settings saved.", markup=False)

    # --- sessions --------------------------------------------------------------------------

    @work(thread=True, exclusive=True, group="start")
    def start_exercise(self, exercise: Exercise) -> None:
        """Read what the engine needs from the store off the UI loop, then begin."""
        steps = self.library.expand(exercise)
        seen: set[str] = set()
        for step in steps:
            if isinstance(step, Cards):
                seen |= self.store.seen_cards(step.id)
        last_first = self.store.last_first_seat(exercise.id)
        commitments = self.store.last_commitments()
        self.call_from_thread(self._begin, exercise, steps, seen, last_first, commitments)

    def _begin(self, exercise: Exercise, steps: list[Exercise], seen, last_first, commitments) -> None:
        from tui.core.engine import SessionEngine
        from tui.screens.session import SessionScreen

        assert self.settings.partners is not None
        engine = SessionEngine(
            steps,
            self.settings.partners,
            self.clock,
            self.rng,
            seen_cards=seen,
            last_first_seat=last_first,
            previous_commitments=commitments,
            wall=self.wall,
        )
        self.push_screen(SessionScreen(engine, title=exercise.title, started_from=exercise.id))

    def resume_session(self, record: dict) -> None:
        from tui.core.engine import SessionEngine, SnapshotMismatch
        from tui.screens.session import SessionScreen

        exercise = self.library.exercises.get(record.get("started_from", ""))
        try:
            if exercise is None or not record.get("snapshot"):
                raise SnapshotMismatch("its exercise is no longer in the library")
            engine = SessionEngine.restore(record["snapshot"], self.library.expand(exercise), self.clock, wall=self.wall)
        except (SnapshotMismatch, KeyError, ValueError, TypeError) as error:
            self.notify(f"This session cannot be resumed ({error}); it is kept in your history as stopped.",
                        severity="warning", markup=False, timeout=10)
            self.set_aside(record)
            return
        self.push_screen(SessionScreen(engine, title=exercise.title, started_from=exercise.id))

    def set_aside(self, record: dict) -> None:
        self.writes.submit(self.store.mark_stopped, record["id"])

    def save_session(self, engine: SessionEngine, title: str, started_from: str) -> None:
        from tui.core.record import Status

        # Build the record on the loop (the engine is not thread-safe); write it in a worker.
        outcome = engine.outcome()
        record = outcome.to_dict() | {
            "title": title,
            "started_from": started_from,
            "snapshot": engine.snapshot() if outcome.status is Status.IN_PROGRESS else None,
        }
        self.writes.submit(self.store.save_session, record)

    def session_finished(self, engine: SessionEngine, screen: SessionScreen) -> None:
        from tui.core.outcome import CardStatus
        from tui.screens.summary import SummaryScreen

        outcome = engine.outcome()
        self.save_session(engine, screen.session_title, screen.started_from)
        by_deck: dict[str, set[str]] = {}
        for card in outcome.cards:
            if card.status is not CardStatus.UNFINISHED:
                by_deck.setdefault(card.exercise_id, set()).add(card.key)
        for deck_id, keys in by_deck.items():
            self.writes.submit(self.store.mark_seen, deck_id, keys)
        if outcome.first_seat is not None:
            self.writes.submit(self.store.set_last_first_seat, screen.started_from, outcome.first_seat)
        # Later, so that a dialog closing right now (stop, time-out) is gone first.
        self.call_later(self._show_summary, screen, SummaryScreen(outcome, screen.session_title))

    async def _show_summary(self, session: SessionScreen, summary: SummaryScreen) -> None:
        if self.screen is session:
            await self.switch_screen(summary)


def create_app(library: Library, store: Store, clock: Clock | None = None, settings: Settings | None = None) -> TandemApp:
    """Build the app the way the command line does; tests pass a fake clock and their own store."""
    return TandemApp(library, store, clock or MonotonicClock(), settings or store.load_settings())
