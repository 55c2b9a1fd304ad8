"""The end of a session: what you did together, talk-time balance, listening, and your words."""

from __future__ import annotations

from rich.cells import cell_len
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Header, Static

from tui.core.model import Seat
from tui.core.outcome import CardStatus, SessionOutcome
from tui.core.record import Status
from tui.screens.base import TandemScreen
from tui.seat_colours import seat_colour
from tui.widgets.footer import CalmFooter
from tui.words import count_of

BAR_WIDTH = 30


class SummaryScreen(TandemScreen):
    CSS_PATH = "summary.tcss"
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
        yield CalmFooter()

    def on_mount(self) -> None:
        self.sub_title = "Well done" if self.outcome.status is Status.COMPLETED else "Stopped — what you did is kept"

    def partner_name(self, seat: Seat) -> Content:
        """The name in the seat's colour, padded so the two partners' lines align."""
        partner = self.outcome.partners[seat]
        width = max(cell_len(self.outcome.partners[other].name) for other in Seat)
        name = Content.styled(partner.name, f"bold {seat_colour(partner.colour, seat)}")
        return Content.assemble(name, " " * (width - cell_len(partner.name)))

    def blocks(self) -> list[Content]:
        outcome = self.outcome
        minutes = round(outcome.active_seconds / 60)
        done = sum(step.ended == "done" for step in outcome.steps)
        facts = [f"{minutes} min together", count_of(done, "step")]
        if outcome.pause_count:
            facts.append(count_of(outcome.pause_count, "time-out"))
        blocks = [Content.assemble(Content.styled(self.session_title, "bold"), "\n" + " · ".join(facts))]
        blocks.append(self.talk_time())
        for block in (self.listening(), self.cards(), self.ratings(), self.appreciations()):
            if block is not None:
                blocks.append(block)
        for heading, texts in (("Takeaways", outcome.takeaways), ("Before next time", outcome.commitments)):
            block = self.per_seat(heading, {seat: text for seat, text in texts.items() if text})
            if block is not None:
                blocks.append(block)
        return blocks

    def per_seat(self, heading: str, lines: dict[Seat, str]) -> Content | None:
        if not lines:
            return None
        parts: list[Content | str] = [Content.styled(heading, "bold")]
        for seat in Seat:
            if seat in lines:
                parts += ["\n  ", self.partner_name(seat), f"  {lines[seat]}"]
        return Content.assemble(*parts)

    def cards(self) -> Content | None:
        cards = self.outcome.cards
        if not cards:
            return None
        answered = sum(card.status is CardStatus.ANSWERED for card in cards)
        skipped = sum(card.status is CardStatus.SKIPPED for card in cards)
        starred = "".join(f"\n  ★ {card.text}" for card in cards if card.starred)
        return Content(f"Cards: {answered} answered, {skipped} passed{starred}")

    def ratings(self) -> Content | None:
        """Each measure's ratings in the order given: "closeness 6 → 8"."""
        by_measure: dict[str, dict[Seat, list[int | str]]] = {}
        for check in self.outcome.check_ins:
            if check.measure and check.kind == "scale":
                for seat, value in check.answers.items():
                    by_measure.setdefault(check.measure, {}).setdefault(seat, []).append(value)
        lines = []
        for measure, answers in by_measure.items():
            parts: list[Content | str] = [f"{measure.capitalize()}:"]
            for seat in Seat:
                if seat in answers:
                    parts += ["  ", self.partner_name(seat), " " + " → ".join(str(v) for v in answers[seat])]
            lines.append(Content.assemble(*parts))
        return Content("\n").join(lines) if lines else None

    def appreciations(self) -> Content | None:
        kept = [item for item in self.outcome.appreciations if item.text]
        if not kept:
            return None
        parts: list[Content | str] = [Content.styled("Appreciations", "bold")]
        for item in kept:
            parts += ["\n  ", self.partner_name(item.giver), f"  {item.text}"]
        return Content.assemble(*parts)

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
        lines = {
            seat: f"{stats.landed_first_time} of {stats.checks} reflections landed first time"
            for seat, stats in self.outcome.reflections.items()
            if stats.checks
        }
        return self.per_seat("Listening", lines)

    def action_done(self) -> None:
        self.dismiss(None)
