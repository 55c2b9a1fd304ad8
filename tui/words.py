"""Small helpers for the words shown to people."""

from __future__ import annotations


def count_of(number: int, noun: str) -> str:
    """ "1 step", "3 steps"."""
    return f"{number} {noun}{'' if number == 1 else 's'}"


def clock(seconds: float) -> str:
    """ "4:05", or "1:02:05" past the hour."""
    hours, rest = divmod(round(seconds), 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"
