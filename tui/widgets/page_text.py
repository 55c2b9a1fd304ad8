"""The styled pieces Tandem's pages are written with: headings, partners' names in their colours, share bars."""

from __future__ import annotations

from textual.content import Content

from tui.core.model import Seat
from tui.core.partners import Partner
from tui.seat_colours import seat_colour

# Wide enough to tell 45% from 55% at a glance, narrow enough to sit beside a long name at 80 columns.
BAR_WIDTH = 24


def heading(text: str) -> Content:
    return Content.styled(text, "bold $primary")


def partner_name(partner: Partner, seat: Seat) -> Content:
    """A partner's name in their seat's colour; the name is text, never markup."""
    return Content.styled(partner.name, f"bold {seat_colour(partner.colour, seat)}")


def share_bar(share: float, colour: str) -> Content:
    return Content.styled("█" * round(share * BAR_WIDTH), colour)
