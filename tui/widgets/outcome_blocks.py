"""One session's outcome in words, block by block. The summary right after a session and the session's page in
the history both show talk time, listening, cards, appreciations and what each partner said: from here, in one look.
"""

from __future__ import annotations

from collections.abc import Mapping

from textual.content import Content

from tui.core.model import Seat
from tui.core.outcome import CardStatus, SessionOutcome
from tui.seat_colours import seat_colour
from tui.widgets.page_text import heading, partner_name, share_bar
from tui.words import clock


class OutcomeBlocks:
    """Each method gives one block, or None when the session has nothing for it."""

    def __init__(self, outcome: SessionOutcome) -> None:
        self.outcome = outcome
        # Lines that open with a name pad it to the longer one, so what follows starts in one column.
        self.name_width = max(self.name(seat).cell_length for seat in Seat)

    def name(self, seat: Seat) -> Content:
        """A partner's name in their seat's colour, as it reads inside a sentence."""
        return partner_name(self.outcome.partners[seat], seat)

    def line(self, seat: Seat, *text: Content | str, indent: int = 2) -> Content:
        """A new line that opens with a partner's name; the rest starts in the column after the longer name."""
        name = self.name(seat)
        return Content.assemble("\n" + " " * indent, name, " " * (self.name_width - name.cell_length + 2), *text)

    def seat_values(self, label: str, values: Mapping[Seat, str]) -> Content:
        """Short values after each name on one line: "Closeness:  Alex 6 → 8  Sam 7 → 9"."""
        parts: list[Content | str] = [label]
        for seat in Seat:
            if seat in values:
                parts += ["  ", self.name(seat), f" {values[seat]}"]
        return Content.assemble(*parts)

    def talk_time(self) -> Content | None:
        shares = self.outcome.floor_shares()
        if shares is None:
            return None
        lines = []
        for seat in Seat:
            colour = seat_colour(self.outcome.partners[seat].colour, seat)
            figures = f"{round(shares[seat] * 100):3d}%  {clock(self.outcome.floor_seconds[seat]):>5}  "
            lines.append(self.line(seat, figures, share_bar(shares[seat], colour)))
        return Content.assemble(heading("Talk time"), *lines)

    def listening(self) -> Content | None:
        landed = {
            seat: f"{stats.landed_first_time} of {stats.checks} reflections landed first time"
            for seat, stats in self.outcome.reflections.items()
            if stats.checks
        }
        return self._per_seat("Listening", landed)

    def card_tally(self) -> Content | None:
        """The cards block's heading and counts; the screens add the cards they show."""
        cards = self.outcome.cards
        if not cards:
            return None
        answered = sum(card.status is CardStatus.ANSWERED for card in cards)
        skipped = sum(card.status is CardStatus.SKIPPED for card in cards)
        starred = sum(card.starred for card in cards)
        return Content.assemble(heading("Cards"), f"  {answered} answered · {skipped} skipped · {starred} starred")

    def appreciations(self) -> Content | None:
        lines = [self.line(item.giver, Content(item.text)) for item in self.outcome.appreciations if item.text]
        return Content.assemble(heading("Appreciations"), *lines) if lines else None

    def takeaways(self) -> Content | None:
        return self._per_seat("Takeaways", self.outcome.takeaways)

    def commitments(self) -> Content | None:
        return self._per_seat("Before next time", self.outcome.commitments)

    def _per_seat(self, title: str, texts: Mapping[Seat, str]) -> Content | None:
        lines = [self.line(seat, Content(texts[seat])) for seat in Seat if texts.get(seat)]
        return Content.assemble(heading(title), *lines) if lines else None
