"""Old layouts and records are upgraded on open, and the old file is kept."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from tui.core.model import Seat
from tui.core.outcome import SessionOutcome
from tui.core.partners import Partner, Partners
from tui.core.record import OUTCOME_SCHEMA, Status
from tui.core.settings import Settings
from tui.store import STORE_SCHEMA, Store, StoreError
from tui.store.migrations import LAYOUT_STEPS, SESSION_STEPS, upgrade_session

V0 = Path(__file__).parent / "fixtures" / "tandem-v0.json"


@pytest.fixture
def v0_dir(data_dir: Path) -> Path:
    data_dir.mkdir()
    shutil.copy(V0, data_dir / "tandem.json")
    return data_dir


def test_every_version_has_a_step_up_to_the_current_one() -> None:
    assert set(SESSION_STEPS) == set(range(OUTCOME_SCHEMA))
    assert set(LAYOUT_STEPS) == set(range(STORE_SCHEMA))


def test_a_version_0_folder_is_migrated_on_open_and_the_old_file_kept(v0_dir: Path) -> None:
    with Store.open(v0_dir) as store:
        assert store.load_settings() == Settings(Partners(Partner("Sam [b]"), Partner("Zoë")), chime=False, theme="nord")
        assert store.seen_cards("deck-fun") == {"0a1b2c3d4e5f", "9f8e7d6c5b4a"}
        assert [summary.id for summary in store.summaries()] == ["v0-running", "v0-abandoned", "v0-finished"]
        # A v0 session still running had no snapshot to resume from.
        assert store.unfinished() is None
        finished = store.get_session("v0-finished")
        assert finished["schema"] == OUTCOME_SCHEMA
        assert finished["status"] == Status.COMPLETED
        assert finished["started"] == "2025-02-14T19:30:00+00:00"
        assert finished["totals"]["active_seconds"] == 310.75
        assert finished["check_ins"][1]["answers"] == {"left": 8, "right": 8}
        assert SessionOutcome.from_dict(finished).takeaways == {Seat.RIGHT: "Play more [often]"}
        [summary] = store.summaries("board game")
        assert (summary.before, summary.after) == (6.5, 8.0)
        assert store.get_session("v0-abandoned")["floor_seconds"] == {"left": 95.0, "right": 0.0}
        assert store.last_commitments() == {Seat.LEFT: "Find a board game"}
    assert not (v0_dir / "tandem.json").exists()
    assert (v0_dir / "tandem.json.v0-backup").read_bytes() == V0.read_bytes()
    layout = json.loads((v0_dir / "layout.json").read_text())
    assert list(layout["layout"].values()) == [{"schema": STORE_SCHEMA}]


def test_every_stored_record_carries_its_schema(v0_dir: Path) -> None:
    Store.open(v0_dir).close()
    tables = {
        f"{path.name}:{name}": table
        for path in v0_dir.glob("**/*.json")
        for name, table in json.loads(path.read_text()).items()
        # A summary file's `shard` table holds the signature of the session file, not a record.
        if name != "shard"
    }
    assert {"settings.json:settings", "progress.json:seen", "2025-W07.json:sessions", "2025-W07.json:summaries"} <= set(tables)
    assert all("schema" in record for table in tables.values() for record in table.values())


def test_opening_again_does_not_migrate_twice(v0_dir: Path) -> None:
    Store.open(v0_dir).close()
    shutil.copy(V0, v0_dir / "unrelated-copy.json")
    with Store.open(v0_dir) as store:
        assert store.count() == 3


def test_a_migration_interrupted_before_the_old_file_was_renamed_is_finished_without_duplicates(v0_dir: Path) -> None:
    Store.open(v0_dir).close()
    # As if the process died after importing, before renaming tandem.json and writing layout.json.
    (v0_dir / "tandem.json.v0-backup").rename(v0_dir / "tandem.json")
    (v0_dir / "layout.json").unlink()
    with Store.open(v0_dir) as store:
        assert store.count() == 3
    assert (v0_dir / "tandem.json.v0-backup").exists()


def test_a_reader_asks_for_the_upgrade_instead_of_guessing(v0_dir: Path) -> None:
    with pytest.raises(StoreError, match="older Tandem"):
        Store.open(v0_dir, read_only=True)
    assert (v0_dir / "tandem.json").exists()


def test_a_v0_file_that_cannot_be_read_is_moved_aside_and_reported(data_dir: Path) -> None:
    data_dir.mkdir()
    (data_dir / "tandem.json").write_text("{broken")
    with Store.open(data_dir) as store:
        [damaged] = store.damaged
        assert damaged.moved_to.read_text() == "{broken"
        assert store.count() == 0


def test_a_v0_session_that_cannot_be_upgraded_stops_the_migration_and_changes_nothing(data_dir: Path) -> None:
    data_dir.mkdir()
    broken = json.loads(V0.read_text())
    del broken["sessions"]["2"]["steps"]
    (data_dir / "tandem.json").write_text(json.dumps(broken))
    with pytest.raises(StoreError, match="session 2: missing `steps`"):
        Store.open(data_dir)
    assert json.loads((data_dir / "tandem.json").read_text()) == broken


def test_upgrading_a_current_record_changes_nothing_and_newer_ones_are_refused() -> None:
    record = {"schema": OUTCOME_SCHEMA, "id": "x"}
    assert upgrade_session(record) == record
    with pytest.raises(ValueError, match="newer Tandem"):
        upgrade_session({"schema": OUTCOME_SCHEMA + 1})
