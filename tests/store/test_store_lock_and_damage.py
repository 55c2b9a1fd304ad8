"""One writer per folder, readers beside it; damaged files moved aside and reported, never overwritten."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from tui.core.settings import Settings
from tui.store import ReadOnlyStore, Store, StoreError, StoreLocked
from tui.store.index import week_of_started

if TYPE_CHECKING:
    from tests.store.conftest import MakeSession


def test_a_second_writer_is_refused_with_the_folder_named(store: Store, data_dir: Path) -> None:
    with pytest.raises(StoreLocked, match=str(data_dir)) as refused:
        Store.open(data_dir)
    assert f"process {os.getpid()}" in str(refused.value)


def test_a_writer_in_another_process_is_refused_too(data_dir: Path) -> None:
    code = (
        "import sys; from pathlib import Path; from tui.store import Store\n"
        "store = Store.open(Path(sys.argv[1])); print('open', flush=True); sys.stdin.read()"
    )
    holder = subprocess.Popen([sys.executable, "-c", code, str(data_dir)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "open"
        with pytest.raises(StoreLocked, match=f"process {holder.pid}"):
            Store.open(data_dir)
    finally:
        holder.stdin.close()
        holder.wait(timeout=10)
    # The lock goes with the process.
    Store.open(data_dir).close()


def test_closing_releases_the_folder(data_dir: Path) -> None:
    Store.open(data_dir).close()
    Store.open(data_dir).close()


def test_a_reader_sees_what_the_writer_saved_and_cannot_write(
    store: Store, data_dir: Path, make_session: MakeSession, make_running: MakeSession
) -> None:
    finished, running = make_session(), make_running()
    store.save_session(finished)
    store.save_session(running)
    with Store.open(data_dir, read_only=True) as reader:
        assert [summary.id for summary in reader.summaries()] == [finished["id"]]
        assert reader.unfinished() == running
        with pytest.raises(ReadOnlyStore):
            reader.save_session(make_session())
        with pytest.raises(ReadOnlyStore):
            reader.save_settings(Settings(chime=False))
    store.save_session(make_session())
    assert store.count() == 2


def test_a_reader_of_a_folder_that_does_not_exist_finds_nothing_and_creates_nothing(tmp_path: Path) -> None:
    with Store.open(tmp_path / "absent", read_only=True) as reader:
        assert reader.summaries() == []
        assert reader.unfinished() is None
        assert reader.load_settings() == Settings()
    assert not (tmp_path / "absent").exists()


def test_folders_and_files_are_private(store: Store, data_dir: Path, make_session: MakeSession) -> None:
    store.save_session(make_session())
    store.save_settings(Settings(chime=False))
    for path in [data_dir, *data_dir.rglob("*")]:
        assert stat.S_IMODE(path.stat().st_mode) == (0o700 if path.is_dir() else 0o600), path


def test_leftover_temporary_files_are_cleared_on_open(data_dir: Path) -> None:
    Store.open(data_dir).close()
    leftover = data_dir / "sessions" / ".2026-01.json.abc123.tmp"
    leftover.write_text('{"half": ')
    Store.open(data_dir).close()
    assert not leftover.exists()


# --- damage ---------------------------------------------------------------------------------------


def test_a_damaged_settings_file_is_reported_at_open(data_dir: Path) -> None:
    Store.open(data_dir).close()
    (data_dir / "settings.json").write_text("{torn")
    with Store.open(data_dir) as store:
        [damaged] = store.damaged
        assert damaged.original == data_dir / "settings.json"
        assert damaged.moved_to.read_text() == "{torn"
        assert not damaged.rebuilt
        assert str(damaged.moved_to) in str(damaged)
        assert store.load_settings() == Settings()


def test_a_damaged_week_of_sessions_is_moved_aside_and_history_goes_on(
    data_dir: Path, make_session: MakeSession
) -> None:
    lost, other = make_session(), make_session()
    other["started"] = "2025-05-05T19:00:00+00:00"
    with Store.open(data_dir) as store:
        store.save_session(lost)
        store.save_session(other)
    week = data_dir / "sessions" / f"{week_of_started(lost['started'])}.json"
    week.write_text(week.read_text()[:100])
    with Store.open(data_dir) as store:
        new = make_session()
        store.save_session(new)
        [damaged] = store.damaged
        assert damaged.original == week and damaged.moved_to.exists()
        assert {summary.id for summary in store.summaries()} == {new["id"], other["id"]}
        assert store.get_session(lost["id"]) is None


def test_a_damaged_summary_file_is_rebuilt_from_the_sessions(data_dir: Path, make_session: MakeSession) -> None:
    records = [make_session() for _ in range(3)]
    with Store.open(data_dir) as store:
        for record in records:
            store.save_session(record)
        expected = store.summaries()
    summary_file = data_dir / "summaries" / f"{week_of_started(records[0]['started'])}.json"
    summary_file.write_text("][")
    with Store.open(data_dir) as store:
        assert store.summaries() == expected
        [damaged] = store.damaged
        assert damaged.rebuilt and damaged.original == summary_file
    assert json.loads(summary_file.read_text())["summaries"]


def test_summaries_catch_up_after_a_crash_between_the_two_writes(data_dir: Path, make_session: MakeSession) -> None:
    first, second = make_session(), make_session()
    week = f"{week_of_started(first['started'])}.json"
    with Store.open(data_dir) as store:
        store.save_session(first)
        stale_summaries = (data_dir / "summaries" / week).read_bytes()
        store.save_session(second)
    # As if the process died after writing the session file but before its summary file.
    (data_dir / "summaries" / week).write_bytes(stale_summaries)
    with Store.open(data_dir) as store:
        assert {summary.id for summary in store.summaries()} == {first["id"], second["id"]}
    with Store.open(data_dir) as store:
        third = make_session()
        (data_dir / "summaries" / week).write_bytes(stale_summaries)
        # A save into the stale week must not build on the stale rows.
        store.save_session(third)
        assert {summary.id for summary in store.summaries()} == {first["id"], second["id"], third["id"]}


def test_a_stale_in_progress_copy_of_a_finished_session_is_dropped(
    data_dir: Path, make_running: MakeSession
) -> None:
    running = make_running()
    with Store.open(data_dir) as store:
        store.save_session(running)
        in_progress_file = (data_dir / "inprogress.json").read_bytes()
        store.save_session({**running, "status": "completed"})
    # As if the process died before it cleared the in-progress copy.
    (data_dir / "inprogress.json").write_bytes(in_progress_file)
    with Store.open(data_dir, read_only=True) as reader:
        assert reader.unfinished() is None
    with Store.open(data_dir) as store:
        assert store.unfinished() is None
        assert store.get_session(running["id"])["status"] == "completed"


def test_a_folder_from_a_newer_tandem_is_refused(data_dir: Path) -> None:
    Store.open(data_dir).close()
    (data_dir / "layout.json").write_text(json.dumps({"layout": {"1": {"schema": 99}}}))
    with pytest.raises(StoreError, match="newer Tandem"):
        Store.open(data_dir)
    with pytest.raises(StoreError, match="newer Tandem"):
        Store.open(data_dir, read_only=True)
    # Refusing released the lock.
    (data_dir / "layout.json").unlink()
    Store.open(data_dir).close()
