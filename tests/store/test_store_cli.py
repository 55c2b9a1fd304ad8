"""`tandem history`, `tandem export` and `tandem import`, run as a user would."""

from __future__ import annotations

import json
import stat
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from tui.cli import main
from tui.store import Store

if TYPE_CHECKING:
    from tests.store.conftest import MakeSession


@pytest.fixture
def saved(data_dir: Path, make_session: MakeSession) -> list[dict]:
    records = [make_session(started=datetime(2026, 3, day, 20, 15, tzinfo=UTC)) for day in (2, 9)]
    with Store.open(data_dir) as store:
        for record in records:
            store.save_session(record)
    return records


def test_history_of_an_empty_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--data-dir", str(tmp_path / "none"), "history"]) == 0
    assert capsys.readouterr().out == "No sessions yet.\n"
    assert not (tmp_path / "none").exists()


def test_history_lists_sessions_newest_first(
    data_dir: Path, saved: list[dict], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--data-dir", str(data_dir), "history"]) == 0
    header, *rows = capsys.readouterr().out.splitlines()
    assert header.split() == ["DATE", "WHAT", "MIN", "CLOSENESS"]
    assert len(rows) == 2
    newest = saved[1]
    local = datetime.fromisoformat(newest["started"]).astimezone().strftime("%Y-%m-%d %H:%M")
    assert rows[0].startswith(local)
    assert newest["exercises"][1]["title"] in rows[0]
    assert "→" in rows[0]


def test_history_json_gives_one_object_per_session(
    data_dir: Path, saved: list[dict], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--data-dir", str(data_dir), "history", "--json"]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [row["id"] for row in rows] == [saved[1]["id"], saved[0]["id"]]
    assert {"started", "status", "exercises", "minutes", "before", "after"} <= set(rows[0])


def test_history_and_export_work_while_tandem_is_running(
    data_dir: Path, saved: list[dict], capsys: pytest.CaptureFixture[str]
) -> None:
    with Store.open(data_dir):
        assert main(["--data-dir", str(data_dir), "history", "--json"]) == 0
        assert main(["--data-dir", str(data_dir), "export", "--format", "md"]) == 0
    out = capsys.readouterr().out
    assert out.count("## ") == 2


def test_export_import_export_through_the_command_line(
    data_dir: Path, saved: list[dict], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    first, second = tmp_path / "backup.json", tmp_path / "again.json"
    assert main(["--data-dir", str(data_dir), "export", "--format", "json", "-o", str(first)]) == 0
    assert stat.S_IMODE(first.stat().st_mode) == 0o600
    with Store.open(data_dir) as store:
        assert json.loads(first.read_text()) == store.export_json()
    new = tmp_path / "new-laptop"
    assert main(["--data-dir", str(new), "import", str(first)]) == 0
    assert "2 added" in capsys.readouterr().out
    assert main(["--data-dir", str(new), "export", "-o", str(second)]) == 0
    assert second.read_bytes() == first.read_bytes()


def test_import_is_refused_while_tandem_is_running(
    data_dir: Path, saved: list[dict], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    backup = tmp_path / "backup.json"
    main(["--data-dir", str(data_dir), "export", "-o", str(backup)])
    with Store.open(data_dir):
        assert main(["--data-dir", str(data_dir), "import", str(backup)]) == 2
    assert f"Tandem is already open on {data_dir}" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("not json at all", "is not a JSON backup"),
        ('{"format": "tandem-backup", "schema": 1, "sessions": [{"id": "x"}]}', "session 1 (x): missing `"),
        ("[]", "not a Tandem backup"),
    ],
)
def test_a_bad_file_is_refused_and_nothing_is_imported(
    data_dir: Path, saved: list[dict], tmp_path: Path, capsys: pytest.CaptureFixture[str], content: str, message: str
) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text(content)
    assert main(["--data-dir", str(data_dir), "import", str(bad)]) == 1
    err = capsys.readouterr().err
    assert message in err and "othing was imported" in err
    with Store.open(data_dir) as store:
        assert store.count() == 2


def test_import_of_a_missing_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--data-dir", str(tmp_path / "data"), "import", str(tmp_path / "nope.json")]) == 1
    assert "cannot read" in capsys.readouterr().err
