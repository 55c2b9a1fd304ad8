"""What every saved session record says of itself: the schema it was written in, and how it ended.

Apart from outcome.py so that the store can read and sort records without loading the engine's model.
"""

from __future__ import annotations

from enum import StrEnum

OUTCOME_SCHEMA = 1


class Status(StrEnum):
    IN_PROGRESS = "in_progress"
    COMPLETED = "completed"
    STOPPED = "stopped"
