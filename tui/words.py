"""Small helpers for the words shown to people."""

from __future__ import annotations


def count_of(number: int, noun: str) -> str:
    """ "1 step", "3 steps"."""
    return f"{number} {noun}{'' if number == 1 else 's'}"
