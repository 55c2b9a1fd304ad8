"""Export and import: a complete backup that round-trips, merges by id, and refuses bad files untouched."""

from __future__ import annotations

import copy
import io
import json
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from tui.core.model import Seat
from tui.core.partners import Partner, Partners
from tui.core.settings import Settings
from tui.store import ReadOnlyStore, Store
from tui.store.exchange import ImportRefused

if TYPE_CHECKING:
    from tests.store.conftest import MakeSession


@pytest.fixture
def filled(store: Store, make_session: MakeSession, make_running: MakeSession) -> Store:
    store.save_settings(Settings(Partners(Partner("Sam [b]", "#e07a5f"), Partner("Zoë", "#3d85c6")), theme="nord"))
    store.mark_seen("deck-fun", ["b", "a"])
    store.set_last_first_seat("speaker-listener", Seat.RIGHT)
    for month in (1, 1, 2, 5):
        store.save_session(make_session(started=datetime(2026, month, 3 + month, 20, tzinfo=UTC)))
    store.save_session(make_running())
    return store


def _tree(folder: Path) -> dict[str, bytes]:
    return {str(path.relative_to(folder)): path.read_bytes() for path in sorted(folder.rglob("*")) if path.is_file()}


def test_export_import_into_an_empty_folder_and_export_again_gives_the_same_json(filled: Store, tmp_path: Path) -> None:
    exported = filled.export_json()
    with Store.open(tmp_path / "new-laptop") as fresh:
        result = fresh.import_json(json.loads(json.dumps(exported)))
        assert (result.added, result.updated, result.unchanged, result.settings) == (5, 0, 0, True)
        assert fresh.export_json() == exported
        assert fresh.unfinished() == filled.unfinished()


def test_the_backup_holds_everything(filled: Store) -> None:
    exported = filled.export_json()
    assert exported["format"] == "tandem-backup"
    assert exported["schema"] == 1
    assert exported["settings"]["partners"]["left"] == {"name": "Sam [b]", "colour": "#e07a5f"}
    assert exported["progress"] == {"seen": {"deck-fun": ["a", "b"]}, "first_seat": {"speaker-listener": "right"}}
    sessions = exported["sessions"]
    assert len(sessions) == 5
    assert "snapshot" in sessions[0]
    finished_starts = [record["started"] for record in sessions[1:]]
    assert finished_starts == sorted(finished_starts, reverse=True)


def test_importing_twice_adds_nothing_the_second_time(filled: Store, tmp_path: Path) -> None:
    exported = filled.export_json()
    with Store.open(tmp_path / "other") as other:
        other.import_json(exported)
        again = other.import_json(exported)
        assert (again.added, again.updated, again.unchanged, again.settings) == (0, 0, 5, False)
        assert other.count() == 4


def test_import_merges_with_what_is_there_and_keeps_local_settings(
    filled: Store, tmp_path: Path, make_session: MakeSession
) -> None:
    exported = filled.export_json()
    with Store.open(tmp_path / "other") as other:
        mine = Settings(Partners(Partner("Ana"), Partner("Bo")))
        other.save_settings(mine)
        other.mark_seen("deck-fun", ["c"])
        local = make_session()
        other.save_session(local)
        result = other.import_json(exported)
        assert not result.settings
        assert other.load_settings() == mine
        assert other.seen_cards("deck-fun") == {"a", "b", "c"}
        assert other.count() == 5
        assert other.get_session(local["id"]) == local


def test_a_session_finished_in_the_backup_replaces_its_unfinished_copy(
    store: Store, tmp_path: Path, make_running: MakeSession
) -> None:
    running = make_running()
    store.save_session(running)
    finished = {key: value for key, value in running.items() if key != "snapshot"} | {"status": "completed"}
    backup = store.export_json() | {"sessions": [finished]}
    result = store.import_json(backup)
    assert (result.added, result.updated) == (0, 1)
    assert store.unfinished() is None
    assert store.get_session(running["id"]) == finished


def _malformed(exported: dict[str, Any]) -> list[tuple[Any, str]]:
    def changed(change) -> dict[str, Any]:
        data = copy.deepcopy(exported)
        change(data)
        return data

    return [
        ([exported], "not a Tandem backup"),
        ({"sessions": []}, "not a Tandem backup"),
        (changed(lambda d: d.update(schema=99)), "newer Tandem"),
        (changed(lambda d: d.update(schema="1")), "whole number"),
        (changed(lambda d: d["settings"].update(chime="yes")), "settings: `chime`"),
        (changed(lambda d: d["progress"].update(first_seat={"x": "middle"})), "first_seat"),
        (changed(lambda d: d["progress"].update(seen={"x": "abc"})), "progress.seen"),
        (changed(lambda d: d.update(sessions={})), "`sessions` should be a list"),
        (changed(lambda d: d["sessions"].append("text")), "session 7 is not a session record"),
        (changed(lambda d: d["sessions"][3].pop("steps")), "session 4 (.+): missing `steps`"),
        (changed(lambda d: d["sessions"][4].update(status="paused")), "session 5 (.+): 'paused'"),
        (changed(lambda d: d["sessions"][1].update(started="yesterday")), "session 2 (.+): Invalid isoformat"),
        (changed(lambda d: d["sessions"][1].update(schema=7)), "session 2 (.+): made by a newer Tandem"),
        (changed(lambda d: d["sessions"].append(d["sessions"][1])), "session 7 (.+): the id appears twice"),
        (changed(lambda d: d["sessions"][0].update(snapshot=[])), "session 1 (.+): `snapshot` should be a mapping"),
        (changed(lambda d: d["sessions"][1]["floor_seconds"].update(left="90")), "session 2 (.+): .+ should be numbers"),
        (changed(lambda d: d["sessions"][1]["takeaways"].update(left=["a"])), "session 2 (.+): .+ should be text"),
        (changed(lambda d: d["sessions"][1].update(id="")), "session 2 \\(\\): .+ should be text"),
        (changed(lambda d: d["progress"].update(first_seat={"x": ["left"]})), "first_seat"),
    ]


def test_a_malformed_backup_is_refused_with_a_clear_message_and_nothing_is_touched(
    filled: Store, data_dir: Path, make_session: MakeSession
) -> None:
    exported = filled.export_json()
    # A valid new session first, so a half-done import would show.
    exported["sessions"].insert(1, make_session())
    before = _tree(data_dir)
    for data, message in _malformed(exported):
        with pytest.raises(ImportRefused, match=message):
            filled.import_json(data)
        assert _tree(data_dir) == before


def test_a_reader_cannot_import(filled: Store, data_dir: Path) -> None:
    exported = filled.export_json()
    filled.close()
    with Store.open(data_dir, read_only=True) as reader, pytest.raises(ReadOnlyStore):
        reader.import_json(exported)


def test_the_markdown_journal_is_newest_first_and_keeps_text_as_written(store: Store, make_session: MakeSession) -> None:
    older, newer = make_session(), make_session()
    older["takeaways"] = {"left": "We *laughed* [a lot] 😊"}
    older["commitments"] = {"right": "Walk\non Sunday"}
    for record in (older, newer):
        store.save_session(record)
    journal = store.export_markdown()
    assert journal.startswith("# Our Tandem journal\n")
    headings = [line for line in journal.splitlines() if line.startswith("## ")]
    assert len(headings) == 2
    assert newer["exercises"][1]["title"] in headings[0]
    assert "  - Sam [b]: We *laughed* [a lot] 😊" in journal
    assert "  - Zoë: Walk on Sunday" in journal
    assert "closeness" in journal


def test_the_streamed_backup_is_the_same_text(filled: Store, tmp_path: Path) -> None:
    out = io.StringIO()
    assert filled.write_json_export(out) == 5
    assert out.getvalue() == json.dumps(filled.export_json(), ensure_ascii=False)
    with Store.open(tmp_path / "empty") as empty:
        out = io.StringIO()
        assert empty.write_json_export(out) == 0
        assert out.getvalue() == json.dumps(empty.export_json(), ensure_ascii=False)
