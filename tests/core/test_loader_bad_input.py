"""Every kind of broken file gets one clean, located message and never an exception."""

from __future__ import annotations

import time
import tracemalloc

import pytest

from tui.core.loader import load_file

VALID = b"id: quiet\ntype: presence\ntitle: Quiet\nduration: 2m\nprompt: Sit together.\n"

BAD_FILES = [
    ("empty", b"", 1, 1, "holds no exercise"),
    ("comments only", b"# nothing here\n# at all\n", 1, 1, "holds no exercise"),
    ("top-level list", b"- a\n- b\n", 1, 1, "should be a mapping"),
    ("bare string", b"just some words\n", 1, 1, "should be a mapping"),
    ("tab indentation", b"id: a\ntype: presence\nbreathe:\n\tin: 4\n", 4, 1, "tab"),
    ("unclosed quote", b'id: a\ntitle: "never closed\n', 3, 1, "closing quote"),
    ("not utf-8", b"id: a\ntitle: caf\xe9\n", 2, 11, "not UTF-8"),
    ("binary", bytes(range(256)) * 4, 1, 1, "binary"),
    ("duplicate key", VALID + b"title: Again\n", 6, 1, "appears twice"),
    ("missing type", b"id: a\ntitle: A\n", 1, 1, "needs `type`"),
    ("unknown type", b"id: a\ntype: quiz\ntitle: A\n", 2, 7, "should be one of"),
    ("duration in words", VALID.replace(b"2m", b"five minutes"), 4, 11, "time like 90, 45s or 2m, not 'five minutes'"),
    ("negative duration", VALID.replace(b"2m", b"-30"), 4, 11, "between 1s and 3h"),
    ("absurd duration", VALID.replace(b"2m", b"99999h"), 4, 11, "between 1s and 3h"),
    ("cards as a string", b"id: d\ntype: cards\ntitle: D\ncards: one card\n", 4, 8, "list of cards"),
    ("empty cards", b"id: d\ntype: cards\ntitle: D\ncards: []\n", 4, 8, "empty"),
    ("python tag", VALID.replace(b"Quiet\n", b"!!python/object/apply:os.system ['echo hi']\n"), 3, 8, "not allowed"),
    ("unknown key", VALID + b"promt: x\n", 6, 1, "did you mean `prompt`?"),
    ("bad id", VALID.replace(b"quiet", b"Quiet Time"), 1, 5, "lowercase letters"),
]


@pytest.mark.parametrize(("data", "line", "column", "words"), [case[1:] for case in BAD_FILES], ids=[c[0] for c in BAD_FILES])
def test_bad_file_gets_one_located_message(data: bytes, line: int, column: int, words: str) -> None:
    result = load_file("bad.yaml", data)
    assert result.exercises == []
    first = result.problems[0]
    assert (first.line, first.column) == (line, column), str(first)
    assert words in first.message
    assert str(first).startswith(f"bad.yaml:{line}:{column}: ")


def test_python_tag_is_never_executed(tmp_path) -> None:
    marker = tmp_path / "ran"
    data = f"!!python/object/apply:os.system ['touch {marker}']\n".encode()
    result = load_file("evil.yaml", data)
    assert result.problems and not marker.exists()


def test_alias_bomb_is_rejected_quickly_with_little_memory() -> None:
    levels = ["a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    levels += [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 9) + "]" for i in range(1, 10)]
    data = ("id: bomb\ntype: cards\ntitle: Bomb\ncards: *a9\nx:\n" + "\n".join("  " + line for line in levels)).encode()
    tracemalloc.start()
    started = time.perf_counter()
    result = load_file("bomb.yaml", data)
    elapsed = time.perf_counter() - started
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert result.exercises == [] and result.problems
    assert elapsed < 0.5
    assert peak < 20 * 1024 * 1024


def test_bom_and_crlf_load_fine() -> None:
    result = load_file("windows.yaml", b"\xef\xbb\xbf" + VALID.replace(b"\n", b"\r\n"))
    assert result.problems == []
    assert result.exercises[0].title == "Quiet"


def test_one_bad_document_leaves_the_others() -> None:
    data = VALID + b"---\nid: broken\ntype: presence\ntitle: B\n---\n" + VALID.replace(b"quiet", b"still")
    result = load_file("mixed.yaml", data)
    assert [exercise.id for exercise in result.exercises] == ["quiet", "still"]
    assert [(p.line, p.message) for p in result.problems] == [(7, "this presence exercise needs `duration`"),
                                                                (7, "this presence exercise needs `prompt`")]
    assert result.failed_ids == {"broken"}


def test_all_problems_in_a_file_are_collected() -> None:
    data = b"id: t\ntype: turns\ntitle: T\nfirst: altrnate\nrounds: zero\nphases:\n  - role: talker\n    duration: 1m\n    prompt: p\n"
    messages = [problem.message for problem in load_file("many.yaml", data).problems]
    assert len(messages) == 3
    assert "did you mean `alternate`?" in messages[0]
    assert "whole number" in messages[1]
    assert "`speaker`, `listener`" in messages[2]


def test_unreadable_path_is_a_problem(tmp_path) -> None:
    result = load_file(str(tmp_path / "missing.yaml"))
    assert "cannot read" in result.problems[0].message


def test_deep_nesting_is_a_problem_not_a_crash() -> None:
    data = b"id: a\ntype: presence\ntitle: " + b"[" * 5000 + b"]" * 5000 + b"\n"
    result = load_file("deep.yaml", data)
    assert result.exercises == [] and result.problems
