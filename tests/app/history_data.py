"""A history of realistic size in the store, plus one session whose every text would do harm as markup."""

from __future__ import annotations

import random
from datetime import UTC, datetime
from typing import Any

from tui.core.model import CardKind, Seat
from tui.core.outcome import CardRecord, CardStatus, to_json_types
from tui.store import STORE_SCHEMA, Store
from tui.store.samples import sample_history, sample_session

from couple import LEFT_NAME, RIGHT_NAME

# About two sessions a week for three years: streaks, trends and search all have something to show.
SESSIONS = 300
YEARS = 3
# Ends just before the tests' wall clock (conftest.WALL), so "this week" has sessions.
END = datetime(2026, 11, 20, 20, 0, tzinfo=UTC)
MARKUP_TITLE = "Talk [b]x[/b] [@click=app.quit]now[/]"
MARKUP_CARD = "[@click=app.quit]Quit?[/] or [b]stay[/b] 🌙"
MARKUP_ID = "markup-session"
MARKUP_EXERCISE = "talk-markup"


def markup_session() -> dict[str, Any]:
    """The newest session: names, a title and a starred card that are all markup-like text."""
    record = sample_session(random.Random(5), datetime(2026, 11, 21, 9, 0, tzinfo=UTC), session_id=MARKUP_ID)
    record["partners"]["left"]["name"] = LEFT_NAME
    record["partners"]["right"]["name"] = RIGHT_NAME
    # An exercise of its own, so the stats do not show the markup title for a real deck.
    old_id = record["exercises"][1]["id"]
    record["exercises"][1].update(id=MARKUP_EXERCISE, title=MARKUP_TITLE)
    for item in (*record["steps"], *record["cards"], *record["appreciations"], *record["check_ins"]):
        if item["exercise_id"] == old_id:
            item["exercise_id"] = MARKUP_EXERCISE
    card = CardRecord(MARKUP_EXERCISE, "c0ffee", MARKUP_CARD, CardKind.TALK, 2, Seat.LEFT, CardStatus.ANSWERED, True)
    record["cards"].append(to_json_types(card))
    record["takeaways"]["left"] = "[b]x[/b] stays [as written]"
    return record


def fill(store: Store, count: int = SESSIONS) -> list[dict[str, Any]]:
    records = [*sample_history(count, end=END, years=YEARS), markup_session()]
    store.import_json({"format": "tandem-backup", "schema": STORE_SCHEMA, "settings": None, "sessions": records})
    return records
