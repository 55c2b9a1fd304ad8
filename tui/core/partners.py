"""The two people at the keyboard: a name and a colour per seat."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from tui.core.model import Seat


@dataclass(frozen=True)
class Partner:
    name: str
    # A colour the UI understands (e.g. "#e07a5f"); empty means the theme's default for the seat.
    colour: str = ""


@dataclass(frozen=True)
class Partners:
    left: Partner
    right: Partner

    def __getitem__(self, seat: Seat) -> Partner:
        return self.left if seat is Seat.LEFT else self.right

    def name(self, seat: Seat) -> str:
        return self[seat].name

    def to_dict(self) -> dict[str, Any]:
        return {seat.value: {"name": self[seat].name, "colour": self[seat].colour} for seat in Seat}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Partners:
        left, right = (Partner(data[seat]["name"], data[seat].get("colour", "")) for seat in (Seat.LEFT, Seat.RIGHT))
        return cls(left, right)
