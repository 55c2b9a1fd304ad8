"""AtomicJSONStorage: whole files replaced atomically, private, damage moved aside."""

from __future__ import annotations

import json
import stat
from pathlib import Path

import pytest
from tinydb import TinyDB

from tui.store import AtomicJSONStorage, DamagedFile, ReadOnlyStore
from tui.store.storage import make_private_folder


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def _db(path: Path, found: list[DamagedFile] | None = None, **options: object) -> TinyDB:
    return TinyDB(path, storage=AtomicJSONStorage, on_damaged=(found if found is not None else []).append, **options)


def test_a_missing_file_reads_as_empty_and_is_not_created(tmp_path: Path) -> None:
    db = _db(tmp_path / "nothing.json")
    assert db.all() == []
    assert not (tmp_path / "nothing.json").exists()


def test_writes_round_trip_and_keep_text_exactly(tmp_path: Path) -> None:
    path = tmp_path / "db.json"
    _db(path).insert({"name": "Zoë [b] 😊"})
    assert _db(path).all() == [{"name": "Zoë [b] 😊"}]
    assert json.loads(path.read_text(encoding="utf-8")) == {"_default": {"1": {"name": "Zoë [b] 😊"}}}


def test_files_are_private_and_no_temporary_file_is_left(tmp_path: Path) -> None:
    folder = tmp_path / "private"
    make_private_folder(folder)
    _db(folder / "db.json").insert({"a": 1})
    assert _mode(folder) == 0o700
    assert _mode(folder / "db.json") == 0o600
    assert [path.name for path in folder.iterdir()] == ["db.json"]


def test_each_write_replaces_the_file_rather_than_rewriting_it_in_place(tmp_path: Path) -> None:
    path = tmp_path / "db.json"
    db = _db(path)
    db.insert({"a": 1})
    first_inode = path.stat().st_ino
    db.insert({"a": 2})
    assert path.stat().st_ino != first_inode


def test_a_write_that_fails_leaves_the_old_file_and_forgets_the_unsaved_change(tmp_path: Path) -> None:
    path = tmp_path / "db.json"
    db = _db(path)
    db.insert({"a": 1})
    with pytest.raises(TypeError):
        db.insert({"a": object()})
    assert json.loads(path.read_text()) == {"_default": {"1": {"a": 1}}}
    assert db.all() == [{"a": 1}]
    assert [p.name for p in tmp_path.iterdir()] == ["db.json"]


@pytest.mark.parametrize("content", ["{not json", '["a list"]', '{"table": ["not", "documents"]}', "\udcff"])
def test_a_damaged_file_is_moved_aside_reported_and_started_fresh(tmp_path: Path, content: str) -> None:
    path = tmp_path / "db.json"
    path.write_bytes(content.encode("utf-8", "surrogateescape"))
    found: list[DamagedFile] = []
    db = _db(path, found)
    assert db.all() == []
    [damaged] = found
    assert damaged.original == path
    assert damaged.moved_to is not None and damaged.moved_to.name.startswith("db.json.damaged-")
    assert damaged.moved_to.read_bytes() == content.encode("utf-8", "surrogateescape")
    db.insert({"fresh": True})
    assert _db(path).all() == [{"fresh": True}]


def test_two_damaged_copies_in_the_same_second_keep_both(tmp_path: Path) -> None:
    path = tmp_path / "db.json"
    moved = []
    for content in ("{first", "{second"):
        path.write_text(content)
        found: list[DamagedFile] = []
        _db(path, found).all()
        moved.append(found[0].moved_to)
    assert moved[0] != moved[1]
    assert {p.read_text() for p in moved if p} == {"{first", "{second"}


def test_read_only_leaves_a_damaged_file_where_it_is_and_refuses_writes(tmp_path: Path) -> None:
    path = tmp_path / "db.json"
    path.write_text("{not json")
    found: list[DamagedFile] = []
    db = _db(path, found, read_only=True)
    assert db.all() == []
    assert found == [DamagedFile(path, None)]
    with pytest.raises(ReadOnlyStore):
        db.insert({"a": 1})
    assert path.read_text() == "{not json"


def test_an_empty_file_is_an_empty_database_not_damage(tmp_path: Path) -> None:
    path = tmp_path / "db.json"
    path.write_text("")
    found: list[DamagedFile] = []
    assert _db(path, found).all() == []
    assert found == []
