"""The end of a session: what you did together, talk-time balance, listening, and your words."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Footer, Header, Static

from tui.core.model import Seat
from tui.core.outcome import CardStatus, SessionOutcome, Status
from tui.screens.base import TandemScreen
from tui.seat_colours import seat_colour

BAR_WIDTH = 30


class SummaryScreen(TandemScreen):
    BINDINGS = [Binding("escape,enter", "done", "Home", id="summary-home")]

    def __init__(self, outcome: SessionOutcome, title: str) -> None:
        super().__init__()
        self.outcome = outcome
        self.session_title = title

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="summary"):
            for block in self.blocks():
                yield Static(block, classes="summary-block")
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = "Well done" if self.outcome.status is Status.COMPLETED else "Stopped — what you did is kept"

    def partner_name(self, seat: Seat) -> Content:
        partner = self.outcome.partners[seat]
        return Content.styled(partner.name, f"bold {seat_colour(partner.colour, seat)}")

    def blocks(self) -> list[Content]:
        outcome = self.outcome
        minutes = round(outcome.active_seconds / 60)
        done = [step for step in outcome.steps if step.ended == "done"]
        blocks = [
            Content.assemble(
                Content.styled(self.session_title, "bold"),
                f"\n{minutes} min together · {len(done)} steps"
                + (f" · {outcome.pause_count} time-out(s)" if outcome.pause_count else ""),
            )
        ]
        blocks.append(self.talk_time())
        listening = self.listening()
        if listening:
            blocks.append(listening)
        cards = outcome.cards
        if cards:
            counts = {status: sum(card.status is status for card in cards) for status in CardStatus}
            starred = [card.text for card in cards if card.starred]
            text = f"Cards: {counts[CardStatus.ANSWERED]} answered, {counts[CardStatus.SKIPPED]} passed"
            blocks.append(Content(text + "".join(f"\n  ★ {line}" for line in starred)))
        ratings = [check for check in outcome.check_ins if check.measure and check.answers and check.kind == "scale"]
        for check in ratings:
            parts: list[Content | str] = [f"{check.measure.capitalize()}: "]
            for seat in Seat:
                if seat in check.answers:
                    parts += [self.partner_name(seat), f" {check.answers[seat]}   "]
            blocks.append(Content.assemble(*parts))
        for heading, texts in (("Takeaways", outcome.takeaways), ("Before next time", outcome.commitments)):
            lines = [(seat, text) for seat, text in texts.items() if text]
            if lines:
                parts = [Content.styled(heading, "bold")]
                for seat, text in lines:
                    parts += ["\n  ", self.partner_name(seat), f": {text}"]
                blocks.append(Content.assemble(*parts))
        return blocks

    def talk_time(self) -> Content:
        shares = self.outcome.floor_shares()
        if shares is None:
            return Content("Talk time: this session had no turns at holding the floor.")
        parts: list[Content | str] = [Content.styled("Talk time", "bold")]
        for seat in Seat:
            share = shares[seat]
            seconds = self.outcome.floor_seconds[seat]
            colour = seat_colour(self.outcome.partners[seat].colour, seat)
            bar = Content.styled("█" * round(share * BAR_WIDTH), colour)
            parts += ["\n  ", self.partner_name(seat), f"  {round(share * 100):3d}%  {int(seconds // 60)}:{int(seconds % 60):02d}  ", bar]
        return Content.assemble(*parts)

    def listening(self) -> Content | None:
        parts: list[Content | str] = []
        for seat in Seat:
            stats = self.outcome.reflections[seat]
            if stats.checks:
                parts += ["\n  ", self.partner_name(seat), f": {stats.landed_first_time} of {stats.checks} reflections landed first time"]
        return Content.assemble(Content.styled("Listening", "bold"), *parts) if parts else None

    def action_done(self) -> None:
        self.dismiss(None)
