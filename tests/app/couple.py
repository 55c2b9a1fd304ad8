"""The couple the app tests sit down as, and the evening they do it."""

from __future__ import annotations

from datetime import UTC, datetime

from tui.core.partners import Partner, Partners

# Names that would do something if they were ever read as markup.
LEFT_NAME = "Alex [b]x[/b] 🌙"
RIGHT_NAME = "Sam [@click=app.quit]é[/]"
PARTNERS = Partners(Partner(LEFT_NAME, "coral"), Partner(RIGHT_NAME, "teal"))
WALL = datetime(2026, 11, 21, 20, 30, tzinfo=UTC)
