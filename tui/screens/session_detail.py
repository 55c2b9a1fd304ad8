"""One past session in full: every step with its planned and actual time, the cards, what you said
to each other, how the last commitments went, talk time and listening."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from rich.table import Table
from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Header, Static

from tui.core.model import Seat
from tui.core.outcome import CardStatus, SessionOutcome, StepEnd, StepRecord
from tui.core.record import Status
from tui.screens.base import TandemScreen
from tui.screens.history_text import long_date, rating
from tui.store.summary import Summary
from tui.widgets.footer import CalmFooter
from tui.widgets.outcome_blocks import OutcomeBlocks
from tui.widgets.page_text import heading
from tui.words import clock

STATUS_LINE = {Status.COMPLETED: "Completed", Status.STOPPED: "Stopped early", Status.IN_PROGRESS: "In progress"}
STEP_NOTES = {StepEnd.SKIPPED: "skipped", StepEnd.NOT_QUITE: "not quite yet — tried again", StepEnd.STOPPED: "stopped here"}
CARD_MARKS = {CardStatus.ANSWERED: "✓", CardStatus.SKIPPED: "–", CardStatus.UNFINISHED: "…"}

# Asks the history to confirm and delete; the second argument runs after a yes.
DeleteRequest = Callable[[Summary, Callable[[], object]], None]


class SessionDetailScreen(TandemScreen):
    CSS_PATH = "history.tcss"
    BINDINGS = [
        Binding("x", "delete", "Delete", id="detail-delete"),
        Binding("escape", "back", "Back", id="detail-back"),
    ]

    def __init__(self, summary: Summary, *, delete: DeleteRequest) -> None:
        super().__init__()
        self.summary = summary
        self.delete = delete

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="detail"):
            yield Static(Content("Reading the session…"), id="detail-loading")
        yield CalmFooter()

    def on_mount(self) -> None:
        self.sub_title = f"History · {self.summary.titles}"
        self.read_session()

    @work(thread=True, exclusive=True, group="detail-load")
    def read_session(self) -> None:
        record = self.tandem.store.get_session(self.summary.id)
        self.app.call_from_thread(self.show, record)

    def show(self, record: dict[str, Any] | None) -> None:
        loading = self.query_one("#detail-loading", Static)
        try:
            outcome = None if record is None else SessionOutcome.from_dict(record)
        except (KeyError, TypeError, ValueError) as error:
            loading.update(Content(f"This session cannot be shown in full ({error})."))
            return
        if outcome is None:
            loading.update(Content("This session is no longer in your history."))
            return
        loading.remove()
        scroll = self.query_one("#detail", VerticalScroll)
        scroll.mount_all(Static(block, classes="detail-block") for block in SessionPage(outcome, self.summary).blocks())
        scroll.focus()

    def action_delete(self) -> None:
        self.delete(self.summary, self.dismiss)

    def action_back(self) -> None:
        self.dismiss(None)


class SessionPage:
    """The blocks of one session's page, from its full record and its summary row.

    The page is the full record (every step, every card with its answers, the check-ins, the commitment reviews) where
    the summary right after a session is a short celebration; the blocks both show come from OutcomeBlocks.
    """

    def __init__(self, outcome: SessionOutcome, summary: Summary) -> None:
        self.outcome = outcome
        self.summary = summary
        self.shared = OutcomeBlocks(outcome)

    def blocks(self) -> list[Content | Table]:
        shared = self.shared
        parts = [self.overview(), self.steps(), self.cards(), shared.appreciations(), self.check_ins(), self.reviews()]
        parts += [shared.takeaways(), shared.commitments(), shared.talk_time(), shared.listening()]
        return [part for part in parts if part is not None]

    def overview(self) -> Content:
        outcome = self.outcome
        planned = outcome.planned_seconds
        facts = [STATUS_LINE[outcome.status], f"{clock(outcome.active_seconds)} together" + (f" (planned {clock(planned)})" if planned else "")]
        if outcome.pause_count:
            facts.append(f"{outcome.pause_count} time-out{'s' if outcome.pause_count > 1 else ''}, {clock(outcome.paused_seconds)} paused")
        lines: list[Content | str] = [
            Content.styled(" + ".join(run.title for run in outcome.exercises), "bold"),
            f"\n{long_date(self.summary.started_at)}\n",
            self.shared.name(Seat.LEFT),
            " & ",
            self.shared.name(Seat.RIGHT),
            " · " + " · ".join(facts),
        ]
        closeness = self.closeness()
        if closeness is not None:
            lines += ["\n", closeness]
        return Content.assemble(*lines)

    def closeness(self) -> Content | None:
        before, after = self.summary.closeness_before or {}, self.summary.closeness_after or {}
        if not before and not after:
            return None
        ratings = {seat: f"{rating(before.get(seat))} → {rating(after.get(seat))}" for seat in Seat}
        return self.shared.seat_values("Closeness before → after:", ratings)

    def steps(self) -> Table:
        table = Table(box=None, expand=True, show_edge=False, pad_edge=False, header_style="bold")
        table.add_column("Step", ratio=1, overflow="ellipsis", no_wrap=True)
        table.add_column("Planned", justify="right", no_wrap=True)
        table.add_column("Actual", justify="right", no_wrap=True)
        table.add_column("", ratio=1, overflow="ellipsis", no_wrap=True, style="dim")
        for step in self.outcome.steps:
            planned = "" if step.planned is None else clock(step.planned)
            table.add_row(Text(step.header), planned, clock(step.actual), Text(step_note(step)))
        return table

    def cards(self) -> Content | None:
        """Every card, who read it and the answers given: the summary after the session lists only the starred."""
        tally = self.shared.card_tally()
        if tally is None:
            return None
        parts: list[Content | str] = [tally]
        for card in self.outcome.cards:
            mark = CARD_MARKS[card.status] + (" ★" if card.starred else "  ")
            reader = Content.styled(f"  — {self.outcome.partners.name(card.reader)} read it", "dim")
            parts += [f"\n  {mark} ", Content(card.text), reader]
            for seat, answer in card.answers.items():
                parts.append(self.shared.line(seat, Content(answer), indent=6))
        return Content.assemble(*parts)

    def check_ins(self) -> Content | None:
        answered = [check for check in self.outcome.check_ins if check.answers]
        if not answered:
            return None
        parts: list[Content | str] = [heading("Check-in answers")]
        for check in answered:
            parts += ["\n  ", Content(check.question)]
            for seat in Seat:
                if seat in check.answers:
                    parts.append(self.shared.line(seat, Content(str(check.answers[seat])), indent=4))
        return Content.assemble(*parts)

    def reviews(self) -> Content | None:
        reviews = self.outcome.reviews
        if not reviews:
            return None
        parts: list[Content | str] = [heading("How last time's commitments went")]
        for review in reviews:
            parts.append(self.shared.line(review.seat, Content(review.text), f" — {review.result or 'passed'}"))
        return Content.assemble(*parts)


def step_note(step: StepRecord) -> str:
    notes = [STEP_NOTES[step.ended]] if step.ended in STEP_NOTES else []
    if step.added:
        notes.append(f"+{clock(step.added)}")
    if step.pauses:
        notes.append(f"paused {step.pauses}× ({clock(step.paused_seconds)})")
    return ", ".join(notes)
