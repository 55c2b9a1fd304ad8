"""The library kept between starts: used while nothing changed, never trusted once anything did."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

import tui.library_cache
from tui.core.library import ExerciseFolder, load_library
from tui.library_cache import CACHE_FILE, load_library_cached
from tui.paths import builtin_exercises_dir

PRESENCE = """\
id: {id}
type: presence
title: {title}
duration: 1m
prompt: Sit together for a minute.
"""


@pytest.fixture
def folders(tmp_path: Path) -> list[ExerciseFolder]:
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "quiet.yaml").write_text(PRESENCE.format(id="quiet-minute", title="A quiet minute"))
    return [ExerciseFolder(builtin_exercises_dir(), builtin=True), ExerciseFolder(mine)]


@pytest.fixture
def reads(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """How many times the library was read from its files."""
    counted: list[int] = []
    real = tui.library_cache.load_library

    def counting(folders):
        counted.append(1)
        return real(folders)

    monkeypatch.setattr(tui.library_cache, "load_library", counting)
    return counted


def test_a_second_start_reads_no_files_and_gets_the_same_library(folders, tmp_path: Path, reads: list[int]) -> None:
    first = load_library_cached(folders, tmp_path / "cache")
    second = load_library_cached(folders, tmp_path / "cache")
    assert len(reads) == 1
    assert second.exercises == first.exercises == load_library(folders).exercises
    assert second.problems == first.problems and second.notices == first.notices
    assert oct((tmp_path / "cache").stat().st_mode & 0o777) == "0o700"
    assert oct((tmp_path / "cache" / CACHE_FILE).stat().st_mode & 0o777) == "0o600"


def test_an_edited_file_is_read_again(folders, tmp_path: Path, reads: list[int]) -> None:
    load_library_cached(folders, tmp_path / "cache")
    quiet = tmp_path / "mine" / "quiet.yaml"
    quiet.write_text(PRESENCE.format(id="quiet-minute", title="A still minute"))
    os.utime(quiet, ns=(1, 1))  # even an edit that keeps the size and sets the time back
    assert load_library_cached(folders, tmp_path / "cache")["quiet-minute"].title == "A still minute"
    assert len(reads) == 2


def test_added_and_removed_files_are_noticed(folders, tmp_path: Path, reads: list[int]) -> None:
    load_library_cached(folders, tmp_path / "cache")
    (tmp_path / "mine" / "sub").mkdir()
    (tmp_path / "mine" / "sub" / "more.yml").write_text(PRESENCE.format(id="one-more", title="One more"))
    assert "one-more" in load_library_cached(folders, tmp_path / "cache")
    (tmp_path / "mine" / "quiet.yaml").unlink()
    assert "quiet-minute" not in load_library_cached(folders, tmp_path / "cache")
    assert len(reads) == 3


def test_a_broken_file_is_cached_with_its_problems(folders, tmp_path: Path, reads: list[int]) -> None:
    (tmp_path / "mine" / "broken.yaml").write_text("id: [\n")
    load_library_cached(folders, tmp_path / "cache")
    library = load_library_cached(folders, tmp_path / "cache")
    assert len(reads) == 1
    assert library.files_with_problems == [str(tmp_path / "mine" / "broken.yaml")]


@pytest.mark.parametrize("damage", [b"", b"not a pickle", b"\x80\x05K\x01."])
def test_a_damaged_cache_is_read_past_and_replaced(folders, tmp_path: Path, reads: list[int], damage: bytes) -> None:
    (tmp_path / "cache").mkdir()
    (tmp_path / "cache" / CACHE_FILE).write_bytes(damage)
    assert "quiet-minute" in load_library_cached(folders, tmp_path / "cache")
    assert "quiet-minute" in load_library_cached(folders, tmp_path / "cache")
    assert len(reads) == 1


def test_a_cache_that_cannot_be_written_costs_nothing_but_time(folders, tmp_path: Path, reads: list[int]) -> None:
    blocked = tmp_path / "blocked"
    blocked.write_text("a file where the cache folder would go")
    assert "quiet-minute" in load_library_cached(folders, blocked / "cache")
    assert "quiet-minute" in load_library_cached(folders, blocked / "cache")
    assert len(reads) == 2


def test_a_file_made_readable_again_is_read_again(folders, tmp_path: Path, reads: list[int]) -> None:
    load_library_cached(folders, tmp_path / "cache")
    # A change of mode keeps size and modification time; only the change time tells.
    (tmp_path / "mine" / "quiet.yaml").chmod(0o600)
    load_library_cached(folders, tmp_path / "cache")
    assert len(reads) == 2


def test_a_cache_others_could_have_written_is_not_trusted(folders, tmp_path: Path, reads: list[int]) -> None:
    load_library_cached(folders, tmp_path / "cache")
    (tmp_path / "cache" / CACHE_FILE).chmod(0o666)
    assert "quiet-minute" in load_library_cached(folders, tmp_path / "cache")
    assert len(reads) == 2
    assert oct((tmp_path / "cache" / CACHE_FILE).stat().st_mode & 0o777) == "0o600"  # written anew, private
