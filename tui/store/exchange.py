"""Backups and the journal: a complete JSON export, its strict reader, and a Markdown export."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any, TextIO

from tui.core.model import Seat
from tui.core.outcome import SessionOutcome
from tui.core.record import Status
from tui.core.settings import Settings
from tui.store import migrations
from tui.store.storage import StoreError
from tui.store.summary import Summary

FORMAT = "tandem-backup"


class ImportRefused(StoreError):
    """The file is not a backup this version can read; nothing was changed."""


@dataclass(frozen=True)
class ImportResult:
    added: int
    # Sessions that were unfinished here and finished in the backup.
    updated: int
    # Already here (same id); kept as they were.
    unchanged: int
    # True when the backup's settings were taken (this folder had none yet).
    settings: bool

    def __str__(self) -> str:
        parts = [f"{self.added} added", f"{self.updated} updated", f"{self.unchanged} already here"]
        return "Sessions: " + ", ".join(parts) + (". Settings restored." if self.settings else ".")


@dataclass(frozen=True)
class Backup:
    """A backup that has passed every check, its sessions at the current schema."""

    settings: Settings | None
    seen: Mapping[str, list[str]]
    first_seat: Mapping[str, Seat]
    sessions: list[dict[str, Any]]


def backup_dict(
    schema: int, settings: Settings, progress: Mapping[str, Any], records: Iterable[Mapping[str, Any]]
) -> dict[str, Any]:
    return {
        "format": FORMAT,
        "schema": schema,
        "settings": settings.to_dict(),
        "progress": dict(progress),
        "sessions": [dict(record) for record in records],
    }


def write_backup(out: TextIO, head: Mapping[str, Any], records: Iterable[Mapping[str, Any]]) -> int:
    """Write `backup_dict` as `json.dumps` would, one session at a time; returns how many were written.

    `head` is a backup_dict with no sessions: its text ends in `"sessions": []}`.
    """
    text = json.dumps(head, ensure_ascii=False)
    out.write(text[: -len("]}")])
    count = 0
    for count, record in enumerate(records, 1):
        out.write((", " if count > 1 else "") + json.dumps(record, ensure_ascii=False))
    out.write("]}")
    return count


def read_backup(data: Any, schema: int) -> Backup:
    """Check everything in an exported backup; raise ImportRefused naming the first problem."""
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise ImportRefused("this is not a Tandem backup (made with `tandem export --format json`)")
    version = data.get("schema")
    if not isinstance(version, int) or version < 0:
        raise ImportRefused(f"the backup's `schema` should be a whole number, not {version!r}")
    if version > schema:
        raise ImportRefused(f"this backup was made by a newer Tandem (layout {version}); please upgrade Tandem")
    try:
        settings = None if data.get("settings") is None else Settings.from_dict(data["settings"])
    except ValueError as error:
        raise ImportRefused(f"settings: {error}") from error
    seen, first_seat = _progress(data.get("progress", {}))
    return Backup(settings, seen, first_seat, _sessions(data.get("sessions")))


def _progress(progress: Any) -> tuple[dict[str, list[str]], dict[str, Seat]]:
    if not isinstance(progress, dict):
        raise ImportRefused("`progress` should be a mapping")
    seen = progress.get("seen", {})
    first_seat = progress.get("first_seat", {})
    if not isinstance(seen, dict) or not all(
        isinstance(keys, list) and all(isinstance(key, str) for key in keys) for keys in seen.values()
    ):
        raise ImportRefused("`progress.seen` should map exercise ids to lists of card keys")
    if not isinstance(first_seat, dict) or not all(isinstance(seat, str) and seat in set(Seat) for seat in first_seat.values()):
        raise ImportRefused("`progress.first_seat` should map exercise ids to `left` or `right`")
    return seen, {key: Seat(seat) for key, seat in first_seat.items()}


def _sessions(sessions: Any) -> list[dict[str, Any]]:
    if not isinstance(sessions, list):
        raise ImportRefused("`sessions` should be a list of session records")
    checked = []
    ids: set[str] = set()
    for number, record in enumerate(sessions, 1):
        name = f"session {number}"
        if not isinstance(record, dict):
            raise ImportRefused(f"{name} is not a session record")
        if isinstance(record.get("id"), str):
            name += f" ({record['id']})"
        try:
            upgraded = migrations.upgrade_session(record)
            # The core's own reader checks the shape and the enums; the summary holds what history computes with.
            SessionOutcome.from_dict(upgraded)
            _check_types(Summary.of(upgraded))
        except KeyError as error:
            raise ImportRefused(f"{name}: missing `{error.args[0]}`") from error
        except (TypeError, ValueError, AttributeError) as error:
            raise ImportRefused(f"{name}: {error}") from error
        if upgraded["id"] in ids:
            raise ImportRefused(f"{name}: the id appears twice")
        if "snapshot" in upgraded and not isinstance(upgraded["snapshot"], dict):
            raise ImportRefused(f"{name}: `snapshot` should be a mapping")
        ids.add(upgraded["id"])
        checked.append(upgraded)
    return checked


def _check_types(summary: Summary) -> None:
    """History and stats add these numbers and show these texts: refuse anything else now, not later."""
    if summary.started is not None:
        datetime.fromisoformat(summary.started)
    numbers = [
        summary.active_seconds,
        summary.planned_seconds,
        *summary.floor_seconds.values(),
        *(number for pair in summary.landed.values() for number in pair),
        *(summary.closeness_before or {}).values(),
        *(summary.closeness_after or {}).values(),
    ]
    if not all(isinstance(number, int | float) and not isinstance(number, bool) for number in numbers):
        raise ValueError("times, ratings and counts should be numbers")
    texts = [
        summary.id,
        *(part for exercise in summary.exercises for part in (exercise.id, exercise.title)),
        *summary.names.values(),
        *summary.takeaways.values(),
        *summary.commitments.values(),
        *(card.text for card in summary.starred),
        *(review.text for review in summary.reviews),
    ]
    if not all(isinstance(text, str) for text in texts) or not summary.id:
        raise ValueError("ids, titles, names and texts should be text")


# --- the journal --------------------------------------------------------------------------------

STATUS_WORDS = {Status.COMPLETED: "Completed", Status.STOPPED: "Stopped early", Status.IN_PROGRESS: "In progress"}


def journal_markdown(records: Iterable[Mapping[str, Any]]) -> str:
    """Every session as a short readable entry; user text is kept exactly as written."""
    lines = ["# Our Tandem journal", ""]
    for record in records:
        lines += _entry(record, Summary.of(record))
    return "\n".join(lines).rstrip() + "\n"


def _entry(record: Mapping[str, Any], summary: Summary) -> list[str]:
    when = summary.started_at
    heading = when.strftime("%A %d %B %Y, %H:%M") if when else "Undated"
    names = {Seat(seat): partner["name"] for seat, partner in record["partners"].items()}
    facts = [STATUS_WORDS[summary.status], f"{summary.minutes} min"]
    if summary.before is not None or summary.after is not None:
        facts.append(f"closeness {_number(summary.before)} → {_number(summary.after)}")
    lines = [f"## {heading} · {summary.titles}", "", " · ".join(facts), ""]
    floor = {seat: seconds for seat, seconds in summary.floor_seconds.items() if seconds}
    if floor:
        lines.append("- Talk time: " + ", ".join(f"{names[seat]} {round(seconds / 60)} min" for seat, seconds in floor.items()))
    landed = [f"{names[seat]} {first} of {checks}" for seat, (first, checks) in summary.landed.items() if checks]
    if landed:
        lines.append("- Reflections that landed first time: " + ", ".join(landed))
    if summary.cards_answered or summary.cards_skipped:
        lines.append(f"- Cards: {summary.cards_answered} answered, {summary.cards_skipped} skipped")
        lines += [f"  - ★ {_line(card.text)}" for card in summary.starred]
    for title, items in (
        ("Last time's commitments", [f"{names[r.seat]}: {_line(r.text)} — {r.result or 'passed'}" for r in summary.reviews]),
        ("Appreciations", [f"{names[Seat(a['giver'])]}: {_line(a['text'])}" for a in record["appreciations"]]),
        ("Takeaways", [f"{names[seat]}: {_line(text)}" for seat, text in summary.takeaways.items()]),
        ("Commitments", [f"{names[seat]}: {_line(text)}" for seat, text in summary.commitments.items()]),
    ):
        if items:
            lines.append(f"- {title}:")
            lines += [f"  - {item}" for item in items]
    return [*lines, ""]


def _number(value: float | None) -> str:
    return "–" if value is None else f"{value:g}"


def _line(text: str) -> str:
    """One line, so a typed newline can't break the list."""
    return " ".join(text.split())
