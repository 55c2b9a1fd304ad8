"""The footer: redrawn once per burst of binding changes, and closer set in narrow windows.

Textual's Footer rebuilds all its keys on every bindings signal; a screen that
mounts, takes focus and learns its state sends several in a row, and each
rebuild restyles every key (the costliest part of start-up, benchmarks/startup.py).
"""

from __future__ import annotations

from textual import events
from textual.screen import Screen
from textual.widgets import Footer

# Narrower than this, the keys sit closer together so that they all fit.
ROOMY_WIDTH = 100


class CalmFooter(Footer):
    _rebuild_pending = False

    def __init__(self, *, compact: bool = False, show_command_palette: bool = True) -> None:
        super().__init__(compact=compact, show_command_palette=show_command_palette)
        self._always_compact = compact

    def on_resize(self, event: events.Resize) -> None:
        self.compact = self._always_compact or event.size.width < ROOMY_WIDTH

    def bindings_changed(self, screen: Screen) -> None:
        self._bindings_ready = True
        if self._rebuild_pending or not screen.app.app_focus or not (self.is_attached and screen is self.screen):
            return
        self._rebuild_pending = True
        self.call_after_refresh(self._rebuild)

    async def _rebuild(self) -> None:
        self._rebuild_pending = False
        await self.recompose()
