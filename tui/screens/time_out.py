"""Time-out: a calm pause that either partner can call. Dismisses with True to carry on."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Static

from tui.screens.base import TandemModal
from tui.widgets.footer import CalmFooter

MESSAGE = (
    "Time-out.\n\n"
    "It is fine to stop here for a while. If feelings are running high, take a break of at "
    "least twenty minutes: do something calming on your own — a walk, some music, a cup of "
    "tea — rather than going over the argument in your head.\n\n"
    "Your progress is saved. Come back when you are both ready."
)


class TimeOutScreen(TandemModal):
    BINDINGS = [
        Binding("space", "carry_on", "Carry on", id="resume-session"),
        Binding("l", "later", "Save and stop for now", id="save-for-later"),
    ]

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="time-out"):
            yield Static(MESSAGE, markup=False)
            yield Static("space: carry on   ·   l: save and stop for now (resume it from home)", classes="dialog-detail",
                         markup=False)
        yield CalmFooter()

    def action_carry_on(self) -> None:
        self.dismiss(True)

    def action_later(self) -> None:
        self.dismiss(False)
