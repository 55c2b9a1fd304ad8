"""The summaries of every finished session, read week by week, newest first, only as far as needed.

The history's first page reads one or two small files; counting, searching and
stats read them all once and keep them.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Collection, Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import Any

from tui.store.summary import Summary

UNDATED = "undated"


class SummaryIndex:
    def __init__(self, list_weeks: Callable[[], Sequence[str]], read_week: Callable[[str], list[dict[str, Any]]]) -> None:
        self._list_weeks = list_weeks
        self._read_week = read_week
        # Newest first, "undated" last; listed on first use.
        self._weeks: list[str] | None = None
        self._loaded: dict[str, list[Summary]] = {}
        self._week_of_id: dict[str, str] = {}
        self._texts: dict[str, str] = {}

    def newest_first(self) -> Iterator[Summary]:
        for week in self.weeks():
            yield from self._week(week)

    def matching(self, words: list[str]) -> Iterator[Summary]:
        """Summaries whose date, titles, names or texts hold every word (lower case)."""
        for summary in self.newest_first():
            text = self._texts.get(summary.id)
            if text is None:
                text = self._texts[summary.id] = summary.search_text()
            if all(word in text for word in words):
                yield summary

    def count(self) -> int:
        return sum(len(self._week(week)) for week in self.weeks())

    def week_of(self, session_id: str) -> str | None:
        """The week file holding a finished session; reads further back only until it is found."""
        for week in self.weeks():
            if session_id in self._week_of_id:
                break
            self._week(week)
        return self._week_of_id.get(session_id)

    def known_week(self, session_id: str) -> str | None:
        """The week of a session among those already read, without reading more."""
        return self._week_of_id.get(session_id)

    def replace_week(self, week: str, rows: list[dict[str, Any]], unchanged: Collection[str] = ()) -> None:
        """After a write: the week's rows as they now are; summaries of `unchanged` ids are reused."""
        if self._weeks is not None and week not in self._weeks:
            self._weeks = newest_weeks([*self._weeks, week])
        old = self._loaded.pop(week, None)
        if old is None:
            # Not read yet: it will be, from the file just written, when someone asks.
            return
        reuse = {summary.id: summary for summary in old if summary.id in unchanged}
        for summary in old:
            self._week_of_id.pop(summary.id, None)
            if summary.id not in reuse:
                self._texts.pop(summary.id, None)
        self._store(week, [reuse.get(row["id"]) or Summary.from_row(row) for row in rows])

    def weeks(self) -> list[str]:
        if self._weeks is None:
            self._weeks = newest_weeks(self._list_weeks())
        return self._weeks

    def _week(self, week: str) -> list[Summary]:
        loaded = self._loaded.get(week)
        if loaded is None:
            with _collector_paused():
                loaded = self._store(week, [Summary.from_row(row) for row in self._read_week(week)])
        return loaded

    def _store(self, week: str, summaries: list[Summary]) -> list[Summary]:
        summaries.sort(key=newest_first)
        self._loaded[week] = summaries
        for summary in summaries:
            self._week_of_id[summary.id] = week
        return summaries


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Reading summaries makes many objects and no garbage; the cyclic collector
    would spend more time scanning them than the reading itself takes."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def newest_weeks(weeks: Sequence[str]) -> list[str]:
    """"2026-W47", "2026-W46", ..., then "undated"."""
    dated = sorted({week for week in weeks if week != UNDATED}, reverse=True)
    return dated + [UNDATED] if UNDATED in weeks else dated


def newest_first(summary: Summary) -> tuple[float, str]:
    return (-timestamp(summary.started), summary.id)


def timestamp(started: str | None) -> float:
    if not started:
        return float("-inf")
    moment = datetime.fromisoformat(started)
    return (moment if moment.tzinfo else moment.replace(tzinfo=UTC)).timestamp()


def week_of_started(started: str | None) -> str:
    """The ISO week (in UTC) a session started in, which names its file: "2026-W47".

    A week rather than a month: at the pace the bars assume (10,000 sessions in ten
    years) a month file is ~400 KB and re-encoding it dominated the save time.
    """
    if not started:
        return UNDATED
    moment = datetime.fromisoformat(started)
    if moment.tzinfo is not None:
        moment = moment.astimezone(UTC)
    year, week, _ = moment.isocalendar()
    return f"{year}-W{week:02d}"
