"""The end of a session: what you did together, talk-time balance, listening, and your words."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Header, Static

from tui.core.model import Seat
from tui.core.outcome import SessionOutcome
from tui.core.record import Status
from tui.screens.base import TandemScreen
from tui.widgets.footer import CalmFooter
from tui.widgets.outcome_blocks import OutcomeBlocks
from tui.widgets.page_text import heading
from tui.words import count_of

# Talk time leads the summary, so a session without turns at holding the floor says so rather than leaving a gap.
NO_TALK_TIME = Content.assemble(heading("Talk time"), "  this session had no turns at holding the floor")


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

    def blocks(self) -> list[Content]:
        """A short celebration: what you did, how the talk and the listening went, starred cards and your words."""
        shared = OutcomeBlocks(self.outcome)
        found = [self.overview(), shared.talk_time() or NO_TALK_TIME, shared.listening(), self.cards(shared)]
        found += [self.ratings(shared), shared.appreciations(), shared.takeaways(), shared.commitments()]
        return [block for block in found if block is not None]

    def overview(self) -> Content:
        outcome = self.outcome
        done = sum(step.ended == "done" for step in outcome.steps)
        facts = [f"{round(outcome.active_seconds / 60)} min together", count_of(done, "step")]
        if outcome.pause_count:
            facts.append(count_of(outcome.pause_count, "time-out"))
        return Content.assemble(Content.styled(self.session_title, "bold"), "\n" + " · ".join(facts))

    def cards(self, shared: OutcomeBlocks) -> Content | None:
        """The counts, and only the cards you starred: the session's page in the history has every card."""
        tally = shared.card_tally()
        if tally is None:
            return None
        starred = [Content.assemble("\n  ★ ", Content(card.text)) for card in self.outcome.cards if card.starred]
        return Content.assemble(tally, *starred)

    def ratings(self, shared: OutcomeBlocks) -> Content | None:
        """Each measure's ratings in the order given: "Closeness:  Alex 6 → 8  Sam 7 → 9"."""
        by_measure: dict[str, dict[Seat, list[int | str]]] = {}
        for check in self.outcome.check_ins:
            if check.measure and check.kind == "scale":
                for seat, value in check.answers.items():
                    by_measure.setdefault(check.measure, {}).setdefault(seat, []).append(value)
        lines = []
        for measure, by_seat in by_measure.items():
            given = {seat: " → ".join(str(value) for value in values) for seat, values in by_seat.items()}
            lines.append(shared.seat_values(f"{measure.capitalize()}:", given))
        return Content("\n").join(lines) if lines else None

    def action_done(self) -> None:
        self.dismiss(None)
