"""Old data is upgraded, never rejected: one function per version step.

Two kinds of version:
- a session record's `schema` (OUTCOME_SCHEMA in the core): `SESSION_STEPS[n]` turns a
  version-n record into version n+1; backups and old layouts pass through `upgrade_session`.
- the folder's layout (STORE_SCHEMA, kept in layout.json): `LAYOUT_STEPS[n]` rewrites a
  version-n folder as version n+1 when a writer opens it. When a record schema changes,
  add a layout step that rewrites the stored records too.

Version 0 is the first prototype: one flat `tandem.json` TinyDB file with `settings`,
`seen` and `sessions` tables, records without `schema` and with older key names.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tui.core.model import Seat
from tui.core.record import OUTCOME_SCHEMA
from tui.store.storage import StoreError, fsync_folder, move_aside, read_json

if TYPE_CHECKING:
    from tui.store.store import Store

# The folder layout's version.
STORE_SCHEMA = 1
V0_FILE = "tandem.json"
LAYOUT_FILE = "layout.json"


def upgrade_session(record: Mapping[str, Any]) -> dict[str, Any]:
    """The record at the current schema (a new dict; the argument is left alone)."""
    version = record.get("schema", 0)
    if not isinstance(version, int) or version < 0:
        raise ValueError(f"`schema` should be a whole number, not {version!r}")
    if version > OUTCOME_SCHEMA:
        raise ValueError(f"made by a newer Tandem (schema {version}); please upgrade Tandem")
    upgraded = dict(record)
    for step in range(version, OUTCOME_SCHEMA):
        upgraded = SESSION_STEPS[step](upgraded)
    return upgraded


def _session_0_to_1(old: dict[str, Any]) -> dict[str, Any]:
    """v0 said `session_id`, `start`/`end`, `state`, `names`, `ratings`, `talk_seconds`; it had no
    fingerprints, reviews, listening checks or totals. A v0 session still running had no snapshot
    to resume from, so it is kept as stopped."""
    steps = [{**step, "attempt": step.get("attempt", 1)} for step in old["steps"]]
    return {
        "id": old["session_id"],
        "partners": {seat: {"name": name, "colour": ""} for seat, name in old["names"].items()},
        "exercises": [{"fingerprint": "", **run} for run in old["exercises"]],
        "status": {"finished": "completed", "abandoned": "stopped", "running": "stopped"}[old["state"]],
        "started": old["start"],
        "ended": old.get("end"),
        "steps": steps,
        "cards": [{"answers": {}, **card} for card in old.get("cards", [])],
        "appreciations": old.get("appreciations", []),
        "check_ins": old.get("ratings", []),
        "reviews": [],
        "takeaways": old.get("takeaways", {}),
        "commitments": old.get("commitments", {}),
        "floor_seconds": {seat.value: old.get("talk_seconds", {}).get(seat.value, 0.0) for seat in Seat},
        "reflections": {seat.value: {"checks": 0, "landed_first_time": 0, "attempts": 0} for seat in Seat},
        "first_seat": None,
        "schema": 1,
        "totals": {
            "planned_seconds": sum(step["planned"] or 0 for step in steps),
            "active_seconds": round(sum(step["actual"] for step in steps), 3),
            "pause_count": sum(step["pauses"] for step in steps),
            "paused_seconds": round(sum(step["paused_seconds"] for step in steps), 3),
        },
    }


SESSION_STEPS: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {0: _session_0_to_1}


def layout_version(data_dir: Path) -> int | None:
    """The folder's layout version; None for a new folder (or one whose layout.json is unreadable)."""
    try:
        data = read_json(data_dir / LAYOUT_FILE)
    except ValueError:
        data = None
    if isinstance(data, dict):
        for row in (data.get("layout") or {}).values():
            if isinstance(row, dict) and isinstance(row.get("schema"), int):
                return row["schema"]
    return 0 if (data_dir / V0_FILE).is_file() else None


def upgrade_layout(store: Store, version: int) -> None:
    for step in range(version, STORE_SCHEMA):
        LAYOUT_STEPS[step](store)


def _layout_0_to_1(store: Store) -> None:
    """Everything in tandem.json is imported into the new layout; the old file is kept beside it as a backup."""
    path = store.data_dir / V0_FILE
    try:
        tables = read_json(path) or {}
    except ValueError:
        tables = None
    if not isinstance(tables, dict):
        store.report_damaged(path, move_aside(path))
        return
    settings = [row for row in (tables.get("settings") or {}).values() if isinstance(row, dict)]
    backup = {
        "format": "tandem-backup",
        "schema": 1,
        "settings": _settings_0(settings[0]) if settings else None,
        "progress": {"seen": {row["exercise"]: row["cards"] for row in (tables.get("seen") or {}).values()}},
        "sessions": list((tables.get("sessions") or {}).values()),
    }
    try:
        store.import_json(backup)
    except (StoreError, KeyError, TypeError) as error:
        raise StoreError(f"could not upgrade {path} (it is unchanged): {error}") from error
    os.replace(path, _unused(path.with_name(f"{path.name}.v0-backup")))
    fsync_folder(path.parent)


def _settings_0(row: Mapping[str, Any]) -> dict[str, Any]:
    names = (row.get("left_name"), row.get("right_name"))
    partners = {seat.value: {"name": name, "colour": ""} for seat, name in zip(Seat, names)} if all(names) else None
    return {"partners": partners, "chime": row.get("bell", True), "theme": row.get("theme", "textual-dark")}


def _unused(path: Path) -> Path:
    candidate, number = path, 1
    while candidate.exists():
        number += 1
        candidate = path.with_name(f"{path.name}-{number}")
    return candidate


LAYOUT_STEPS: dict[int, Callable[[Store], None]] = {0: _layout_0_to_1}
