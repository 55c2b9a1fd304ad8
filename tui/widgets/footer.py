"""The footer, redrawn once per burst of binding changes.

Textual's Footer rebuilds all its keys on every bindings signal; a screen that
mounts, takes focus and learns its state sends several in a row, and each
rebuild restyles every key (the costliest part of start-up, benchmarks/startup.py).
"""

from __future__ import annotations

from textual.screen import Screen
from textual.widgets import Footer


class CalmFooter(Footer):
    _rebuild_pending = False

    def bindings_changed(self, screen: Screen) -> None:
        self._bindings_ready = True
        if self._rebuild_pending or not screen.app.app_focus or not (self.is_attached and screen is self.screen):
            return
        self._rebuild_pending = True
        self.call_after_refresh(self._rebuild)

    async def _rebuild(self) -> None:
        self._rebuild_pending = False
        await self.recompose()
