"""The "suggested tonight" pick: something the couple has not done recently."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from datetime import date

from tui.core.library import Library
from tui.core.model import Exercise, ExerciseType


def suggest_tonight(library: Library, recent_ids: Sequence[str], today: date) -> Exercise | None:
    """Never-done exercises first, then the longest ago; the same pick all evening.

    `recent_ids` are exercise ids of past sessions, newest first. Check-ins are
    steps of larger sessions, not an evening on their own, so they are not suggested.
    """
    candidates = [exercise for exercise in library if exercise.type is not ExerciseType.CHECK_IN]
    if not candidates:
        return None
    last_done = {}
    for age, exercise_id in enumerate(recent_ids):
        last_done.setdefault(exercise_id, age)
    never = len(recent_ids)

    def staleness(exercise: Exercise) -> tuple[int, str]:
        # Ties broken by a digest of the date: varied from day to day, stable within one.
        tie = hashlib.sha1(f"{today.isoformat()}:{exercise.id}".encode()).hexdigest()
        return (last_done.get(exercise.id, never), tie)

    return max(candidates, key=staleness)
