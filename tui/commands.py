"""The command palette: start any exercise by name, reach settings and help."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content

if TYPE_CHECKING:
    from tui.app import TandemApp


class TandemCommands(Provider):
    def _commands(self) -> list[tuple[str, object, str]]:
        app: TandemApp = self.app  # type: ignore[assignment]
        commands: list[tuple[str, object, str]] = [
            ("Settings: names, colours, chime and theme", app.action_settings, "Change who sits where, and how it looks"),
            ("Help: keys and exercises", app.action_help, "What each key does"),
            ("History: past sessions, stats and export", app.action_history, "Every session you have done, newest first"),
        ]
        if app.settings.partners is not None:
            for exercise in app.library:
                minutes = app.library.minutes(exercise)
                commands.append(
                    (f"Start: {exercise.title}", partial(app.start_exercise, exercise), f"{exercise.type.value} · {minutes} min")
                )
        return commands

    async def discover(self) -> Hits:
        for name, callback, help_text in self._commands():
            # Content, not str: exercise titles are never markup.
            yield DiscoveryHit(Content(name), callback, text=name, help=help_text)  # type: ignore[arg-type]

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, callback, help_text in self._commands():
            score = matcher.match(name)
            if score > 0:
                yield Hit(score, matcher.highlight(name), callback, text=name, help=help_text)  # type: ignore[arg-type]
