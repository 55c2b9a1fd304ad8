"""Settings: who sits on which side, their colours, the chime and the theme. Also the first-run screen."""

from __future__ import annotations

from dataclasses import replace

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Grid, Horizontal, VerticalScroll
from textual.content import Content
from textual.widgets import Button, Header, Input, Label, Select, Static, Switch

from tui.core.model import Seat
from tui.core.partners import Partner, Partners
from tui.core.settings import Settings
from tui.screens.base import TandemScreen
from tui.seat_colours import DEFAULT_COLOUR, SEAT_COLOURS
from tui.widgets.footer import CalmFooter

MAX_NAME = 30
WELCOME = (
    "Welcome to Tandem. You two sit side by side: whoever sits on the left uses the keys on the left "
    "(f, and d for 'not quite'), whoever sits on the right uses j and k. Tell Tandem your names."
)


class SettingsScreen(TandemScreen):
    """Dismisses with the new settings, or None when cancelled."""

    CSS_PATH = "settings.tcss"
    BINDINGS = [
        Binding("ctrl+s", "save", "Save", id="save-settings"),
        Binding("escape", "cancel", "Back", id="cancel-settings"),
    ]

    def __init__(self, settings: Settings, *, first_run: bool = False) -> None:
        super().__init__()
        self.settings = settings
        self.first_run = first_run

    def compose(self) -> ComposeResult:
        partners = self.settings.partners
        yield Header()
        with VerticalScroll(id="settings-form"):
            if self.first_run:
                yield Static(WELCOME, id="welcome", markup=False)
            with Grid(id="seats"):
                for seat in Seat:
                    partner = partners[seat] if partners else None
                    yield Label(f"{seat.value.capitalize()} seat", classes="seat-label")
                    yield Input(
                        value=partner.name if partner else "",
                        placeholder=f"Name of the partner on the {seat.value}",
                        max_length=MAX_NAME,
                        id=f"name-{seat.value}",
                    )
                    yield Select(
                        [(Content(name), name) for name in SEAT_COLOURS],
                        value=(partner.colour if partner and partner.colour in SEAT_COLOURS else DEFAULT_COLOUR[seat]),
                        allow_blank=False,
                        id=f"colour-{seat.value}",
                    )
            with Horizontal(classes="setting-row"):
                yield Label("Gentle chime when time is up")
                yield Switch(value=self.settings.chime, id="chime")
            with Horizontal(classes="setting-row"):
                yield Label("Theme")
                themes = self.app.available_themes
                # A saved theme this version does not know (say, from a newer one) shows as the theme in force.
                theme = self.settings.theme if self.settings.theme in themes else self.app.theme
                yield Select([(Content(name), name) for name in themes], value=theme, allow_blank=False, id="theme")
            yield Static(id="settings-error", markup=False)
            yield Button("Save", variant="primary", id="save")
        yield CalmFooter()

    def on_mount(self) -> None:
        self.sub_title = "Welcome" if self.first_run else "Settings"
        self.query_one("#name-left", Input).focus()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # On first run there is nothing to go back to: names are needed to begin.
        return not (action == "cancel" and self.first_run)

    @on(Input.Submitted)
    def next_field(self, event: Input.Submitted) -> None:
        if event.input.id == "name-left":
            self.query_one("#name-right", Input).focus()
        else:
            self.action_save()

    @on(Button.Pressed, "#save")
    def action_save(self) -> None:
        names = {seat: self.query_one(f"#name-{seat.value}", Input).value.strip() for seat in Seat}
        error = _problem_with(names)
        self.query_one("#settings-error", Static).update(error or "")
        if error:
            empty = next((seat for seat in Seat if not names[seat]), Seat.LEFT)
            self.query_one(f"#name-{empty.value}", Input).focus()
            return
        colours = {seat: str(self.query_one(f"#colour-{seat.value}", Select).value) for seat in Seat}
        partners = Partners(
            left=Partner(names[Seat.LEFT], colours[Seat.LEFT]),
            right=Partner(names[Seat.RIGHT], colours[Seat.RIGHT]),
        )
        settings = replace(
            self.settings,
            partners=partners,
            chime=self.query_one("#chime", Switch).value,
            theme=str(self.query_one("#theme", Select).value),
        )
        self.dismiss(settings)

    def action_cancel(self) -> None:
        if not self.first_run:
            self.dismiss(None)


def _problem_with(names: dict[Seat, str]) -> str | None:
    if not all(names.values()):
        return "Please give a name for each seat."
    if names[Seat.LEFT].casefold() == names[Seat.RIGHT].casefold():
        return "The two names are the same; add an initial so the screen can tell you apart."
    return None
