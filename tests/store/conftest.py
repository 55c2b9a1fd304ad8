"""Fixtures for store tests: a fresh data folder per test and realistic session records."""

from __future__ import annotations

import random
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from tui.core.record import Status
from tui.store import Store
from tui.store.samples import sample_session

MakeSession = Callable[..., dict[str, Any]]


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def store(data_dir: Path) -> Iterator[Store]:
    with Store.open(data_dir) as opened:
        yield opened


@pytest.fixture
def make_session() -> MakeSession:
    """A realistic record; each call starts a day after the last unless `started` is given."""
    rng = random.Random(11)
    next_start = [datetime(2026, 3, 2, 19, 30, tzinfo=UTC)]

    def make(*, started: datetime | None = None, status: Status = Status.COMPLETED, **options: Any) -> dict[str, Any]:
        when = started or next_start[0]
        next_start[0] = when + timedelta(days=1)
        return sample_session(rng, when, status=status, **options)

    return make


@pytest.fixture
def make_running(make_session: MakeSession) -> MakeSession:
    """A running session as the app saves it after each step: the outcome so far plus the engine snapshot."""

    def make(**options: Any) -> dict[str, Any]:
        record = make_session(status=Status.IN_PROGRESS, **options)
        record["snapshot"] = {"schema": 1, "outcome": dict(record), "block": 1, "step": 2, "live": None}
        return record

    return make
