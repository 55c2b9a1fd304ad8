"""One partner's panel, on their own side: who they are, what they do now, and their key."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Static

from tui.core.model import Seat
from tui.core.partners import Partner
from tui.core.steps import SeatRole
from tui.core.view import StepView
from tui.seat_colours import seat_colour

ROLE_WORDS = {
    SeatRole.SPEAKER: "speaker",
    SeatRole.LISTENER: "listener",
    SeatRole.GIVER: "gives",
    SeatRole.RECEIVER: "receives",
    SeatRole.READER: "reads the card",
    SeatRole.RESPONDER: "answers next",
    SeatRole.TOGETHER: "together",
    SeatRole.ANSWERING: "answers",
    SeatRole.CHOOSING: "may go first",
    SeatRole.IDLE: "",
}
YES_KEY = {Seat.LEFT: "f", Seat.RIGHT: "j"}
NO_KEY = {Seat.LEFT: "d", Seat.RIGHT: "k"}


class SeatPanel(Vertical):
    def __init__(self, seat: Seat, partner: Partner) -> None:
        super().__init__(id=f"seat-{seat.value}", classes="seat-panel")
        self.seat = seat
        self.partner = partner

    def compose(self) -> ComposeResult:
        colour = seat_colour(self.partner.colour, self.seat)
        self.styles.border = ("round", colour)
        yield Static(Content.styled(self.partner.name, f"bold {colour}"), classes="seat-name")
        yield Static(classes="seat-role", markup=False)
        yield Static(classes="seat-status", markup=False)

    def show(self, view: StepView) -> None:
        role = view.roles.get(self.seat, SeatRole.IDLE)
        has_floor = view.floor == self.seat
        self.set_class(has_floor, "-has-floor")
        self.query_one(".seat-role", Static).update(ROLE_WORDS[role] + ("\n● talking now" if has_floor else ""))
        self.query_one(".seat-status", Static).update(self.status(view, role))

    def status(self, view: StepView, role: SeatRole) -> str:
        yes, no = YES_KEY[self.seat], NO_KEY[self.seat]
        if view.check_by == self.seat:
            return f"Did it land?\n{yes}: yes  ·  {no}: not quite"
        spec = view.input
        if spec is not None and self.seat in spec.seats:
            if self.seat not in spec.answered:
                return "to answer"
            if not spec.revealed:
                return "✓ answered"
        if role is SeatRole.CHOOSING:
            return f"{yes}: I'll go first"
        if self.seat in view.needs:
            return f"✓ ready  ({no} to undo)" if self.seat in view.ready else f"{yes} when ready"
        return ""
