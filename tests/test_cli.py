"""The commands that need no screen, run as a user would run them."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tui import __version__
from tui.cli import main

PRESENCE = "id: {id}\ntype: presence\ntitle: {title}\nduration: 2m\nprompt: Sit together.\n"


def test_check_is_clean_on_the_builtins(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check"]) == 0
    assert capsys.readouterr().out.startswith("All good:")


def test_check_reports_each_problem_and_exits_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(PRESENCE.format(id="calm", title="Calm").replace("2m", "five minutes") + "promt: x\n")
    assert main(["check", str(bad)]) == 1
    out, err = capsys.readouterr()
    assert out.splitlines() == [
        f"{bad}:4:11: `duration` should be a time like 90, 45s or 2m, not 'five minutes'",
        f"{bad}:6:1: unknown key `promt` in this presence exercise — did you mean `prompt`?",
    ]
    assert err.strip() == "2 problems in 1 file."


def test_check_a_user_file_whose_plan_uses_builtins(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    plan = tmp_path / "mine.yaml"
    builtin_id = _first_builtin_id(capsys)
    plan.write_text(f"id: my-evening\ntype: plan\ntitle: Mine\nsteps: [{builtin_id}]\n")
    assert main(["check", str(plan)]) == 0


def test_check_a_missing_path(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(tmp_path / "nope.yaml")]) == 1
    assert "no such file or folder" in capsys.readouterr().out


def test_list_shows_builtins_and_user_exercises(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "mine.yaml").write_text(PRESENCE.format(id="calm", title="Calm [b]x[/b] 🌙"))
    assert main(["--exercises-dir", str(tmp_path), "list"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split() == ["ID", "TYPE", "TITLE", "MIN", "SOURCE"]
    assert any(line.endswith("built-in") for line in lines)
    mine = next(line for line in lines if line.startswith("calm "))
    assert "Calm [b]x[/b] 🌙" in mine and mine.endswith(str(tmp_path / "mine.yaml"))


def test_list_mentions_files_with_problems(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "broken.yaml").write_text("id: [\n")
    assert main(["--exercises-dir", str(tmp_path), "list"]) == 0
    assert "1 exercise file has problems — run `tandem check`." in capsys.readouterr().out


def test_paths_follow_the_data_dir_option(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--data-dir", str(tmp_path), "paths"]) == 0
    assert f"data:      {tmp_path}" in capsys.readouterr().out


def test_version_and_help_from_the_console() -> None:
    version = subprocess.run([sys.executable, "-m", "tui.cli", "--version"], capture_output=True, text=True)
    assert version.stdout.strip() == f"tandem {__version__}"
    helped = subprocess.run([sys.executable, "-m", "tui.cli", "--help"], capture_output=True, text=True)
    assert helped.returncode == 0 and "check" in helped.stdout and "--exercises-dir" in helped.stdout


def test_bad_input_never_prints_a_traceback(tmp_path: Path) -> None:
    (tmp_path / "binary.yaml").write_bytes(bytes(range(256)))
    (tmp_path / "tabs.yaml").write_text("id: a\n\ttype: turns\n")
    run = subprocess.run([sys.executable, "-m", "tui.cli", "check", str(tmp_path)], capture_output=True, text=True)
    assert run.returncode == 1
    assert "Traceback" not in run.stdout + run.stderr
    assert "binary" in run.stdout and "tab" in run.stdout


def _first_builtin_id(capsys: pytest.CaptureFixture[str]) -> str:
    main(["list"])
    return capsys.readouterr().out.splitlines()[1].split()[0]
