"""The summaries of every finished session, read month by month, newest first, only as far as needed.

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
    def __init__(self, list_months: Callable[[], Sequence[str]], read_month: Callable[[str], list[dict[str, Any]]]) -> None:
        self._list_months = list_months
        self._read_month = read_month
        # Newest first, "undated" last; listed on first use.
        self._months: list[str] | None = None
        self._loaded: dict[str, list[Summary]] = {}
        self._month_of_id: dict[str, str] = {}
        self._texts: dict[str, str] = {}

    def newest_first(self) -> Iterator[Summary]:
        for month in self.months():
            yield from self._month(month)

    def matching(self, words: list[str]) -> Iterator[Summary]:
        """Summaries whose date, titles, names or texts hold every word (lower case)."""
        for summary in self.newest_first():
            text = self._texts.get(summary.id)
            if text is None:
                text = self._texts[summary.id] = summary.search_text()
            if all(word in text for word in words):
                yield summary

    def count(self) -> int:
        return sum(len(self._month(month)) for month in self.months())

    def month_of(self, session_id: str) -> str | None:
        """The month file holding a finished session; reads further back only until it is found."""
        for month in self.months():
            if session_id in self._month_of_id:
                break
            self._month(month)
        return self._month_of_id.get(session_id)

    def known_month(self, session_id: str) -> str | None:
        """The month of a session among those already read, without reading more."""
        return self._month_of_id.get(session_id)

    def replace_month(self, month: str, rows: list[dict[str, Any]], unchanged: Collection[str] = ()) -> None:
        """After a write: the month's rows as they now are; summaries of `unchanged` ids are reused."""
        if self._months is not None and month not in self._months:
            self._months = newest_months([*self._months, month])
        old = self._loaded.pop(month, None)
        if old is None:
            # Not read yet: it will be, from the file just written, when someone asks.
            return
        reuse = {summary.id: summary for summary in old if summary.id in unchanged}
        for summary in old:
            self._month_of_id.pop(summary.id, None)
            if summary.id not in reuse:
                self._texts.pop(summary.id, None)
        self._store(month, [reuse.get(row["id"]) or Summary.from_row(row) for row in rows])

    def months(self) -> list[str]:
        if self._months is None:
            self._months = newest_months(self._list_months())
        return self._months

    def _month(self, month: str) -> list[Summary]:
        loaded = self._loaded.get(month)
        if loaded is None:
            with _collector_paused():
                loaded = self._store(month, [Summary.from_row(row) for row in self._read_month(month)])
        return loaded

    def _store(self, month: str, summaries: list[Summary]) -> list[Summary]:
        summaries.sort(key=newest_first)
        self._loaded[month] = summaries
        for summary in summaries:
            self._month_of_id[summary.id] = month
        return summaries


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Reading a month makes thousands of objects and no garbage; the cyclic collector
    would spend more time scanning them than the reading itself takes."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def newest_months(months: Sequence[str]) -> list[str]:
    """"2026-11", "2026-10", ..., then "undated"."""
    dated = sorted({month for month in months if month != UNDATED}, reverse=True)
    return dated + [UNDATED] if UNDATED in months else dated


def newest_first(summary: Summary) -> tuple[float, str]:
    return (-timestamp(summary.started), summary.id)


def timestamp(started: str | None) -> float:
    if not started:
        return float("-inf")
    moment = datetime.fromisoformat(started)
    return (moment if moment.tzinfo else moment.replace(tzinfo=UTC)).timestamp()


def month_of_started(started: str | None) -> str:
    """The UTC month a session started in, which names its file."""
    if not started:
        return UNDATED
    moment = datetime.fromisoformat(started)
    if moment.tzinfo is not None:
        moment = moment.astimezone(UTC)
    return moment.strftime("%Y-%m")
