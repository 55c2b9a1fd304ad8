"""Whatever bytes arrive, the loader answers with exercises or problems, never an exception."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from tui.core.loader import load_file
from tui.core.model import Exercise

KEYS = ["id", "type", "title", "cards", "phases", "duration", "prompt", "steps", "- ", ": ", "\n  ", "---\n", "&a", "*a", "!!"]
yamlish = st.lists(st.one_of(st.sampled_from(KEYS), st.text(max_size=12)), max_size=40).map("".join)


def _check(data: bytes) -> None:
    result = load_file("fuzz.yaml", data)
    assert all(isinstance(exercise, Exercise) for exercise in result.exercises)
    assert result.exercises or result.problems
    for problem in result.problems:
        assert problem.line >= 1 and problem.column >= 1 and problem.message


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=400))
def test_arbitrary_bytes(data: bytes) -> None:
    _check(data)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=400))
def test_arbitrary_text(text: str) -> None:
    _check(text.encode("utf-8", "surrogatepass"))


@settings(max_examples=300, deadline=None)
@given(yamlish)
def test_text_that_looks_like_exercises(text: str) -> None:
    _check(text.encode("utf-8", "surrogatepass"))
