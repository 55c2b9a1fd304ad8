"""What every Tandem screen shares: re-layout classes and the polite too-small notice."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.screen import ModalScreen, Screen
from textual.widgets import Static

if TYPE_CHECKING:
    from tui.app import TandemApp

MIN_WIDTH = 60
MIN_HEIGHT = 18


class TooSmall(Static):
    """Shown instead of the screen's content when the window is below the minimum."""

    def __init__(self) -> None:
        super().__init__(
            f"Tandem needs a little more room.\n\nPlease make the window at least {MIN_WIDTH} × {MIN_HEIGHT}.",
            markup=False,
        )


class MinimumSize:
    """Mixed into Tandem's screens and dialogs, before their Textual base: below the minimum size only the polite
    notice shows.

    A plain class, not a Screen: Textual takes CSS from a class's first widget base only, so a Screen here would
    cut a dialog off from its ModalScreen styles.
    """

    # Classes for tcss: below the minimum, everything but TooSmall hides; narrow screens stack panels.
    HORIZONTAL_BREAKPOINTS = [(0, "-too-narrow"), (MIN_WIDTH, "-narrow"), (100, "-wide")]
    VERTICAL_BREAKPOINTS = [(0, "-too-short"), (MIN_HEIGHT, "-short"), (24, "-medium"), (32, "-tall")]

    def on_mount(self) -> None:
        # Textual calls this besides each screen's own on_mount; only screens mix this in, so `mount` is there.
        self.mount(TooSmall())  # type: ignore[attr-defined]


class TandemScreen(MinimumSize, Screen[None]):
    @property
    def tandem(self) -> TandemApp:
        """The app, typed: screens read the library, the store and the settings from it."""
        return self.app  # type: ignore[return-value]


class TandemModal(MinimumSize, ModalScreen[bool]):
    """A dialog over the screen it was opened from."""
