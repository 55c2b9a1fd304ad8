"""The colours a partner can pick for their seat."""

from __future__ import annotations

from tui.core.model import Seat

# Soft colours that read on both dark and light themes.
SEAT_COLOURS: dict[str, str] = {
    "coral": "#e07a5f",
    "teal": "#3d9a8b",
    "gold": "#d4a72c",
    "lavender": "#9d8bd6",
    "sky": "#5fa8d3",
    "rose": "#d97aa6",
}
DEFAULT_COLOUR = {Seat.LEFT: "coral", Seat.RIGHT: "teal"}


def seat_colour(name: str, seat: Seat) -> str:
    """The hex colour for a stored colour name, falling back to the seat's default."""
    return SEAT_COLOURS.get(name) or SEAT_COLOURS[DEFAULT_COLOUR[seat]]
