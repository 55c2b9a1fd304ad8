"""Saving, resuming, listing and deleting sessions; settings and deck progress."""

from __future__ import annotations

import json
import threading
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from tests.store.conftest import MakeSession
from tui.core.model import Seat
from tui.core.outcome import SessionOutcome
from tui.core.partners import Partner, Partners
from tui.core.record import Status
from tui.core.settings import Settings
from tui.store import Store, storage


def _ids(store: Store, query: str = "", **options: int) -> list[str]:
    return [summary.id for summary in store.summaries(query, **options)]


# --- settings ------------------------------------------------------------------------------------


def test_settings_default_until_saved_then_persist(data_dir: Path) -> None:
    with Store.open(data_dir) as store:
        assert store.load_settings() == Settings()
        chosen = Settings(Partners(Partner("Sam [b]", "#e07a5f"), Partner("Zoë")), chime=False, theme="nord")
        store.save_settings(chosen)
        store.save_settings(chosen)
    with Store.open(data_dir) as store:
        assert store.load_settings() == chosen


def test_settings_with_a_bad_value_fall_back_to_defaults(store: Store, data_dir: Path) -> None:
    store.close()
    (data_dir / "settings.json").write_text(json.dumps({"settings": {"1": {"schema": 1, "chime": "loud"}}}))
    with Store.open(data_dir) as reopened:
        assert reopened.load_settings() == Settings()


# --- sessions ------------------------------------------------------------------------------------


def test_a_finished_session_round_trips_exactly(store: Store, make_session: MakeSession) -> None:
    record = make_session()
    store.save_session(record)
    assert store.get_session(record["id"]) == record
    # The record is still the core's shape.
    assert SessionOutcome.from_dict(store.get_session(record["id"])).to_dict() == record


def test_saving_again_replaces_by_id(store: Store, make_session: MakeSession) -> None:
    record = make_session()
    store.save_session(record)
    store.save_session({**record, "takeaways": {"left": "changed"}})
    assert store.count() == 1
    assert store.get_session(record["id"])["takeaways"] == {"left": "changed"}
    assert store.summaries()[0].takeaways == {Seat.LEFT: "changed"}


def test_returned_records_are_copies(store: Store, make_session: MakeSession) -> None:
    record = make_session()
    store.save_session(record)
    store.get_session(record["id"])["steps"].clear()
    assert store.get_session(record["id"])["steps"] == record["steps"]


def test_a_session_in_progress_is_offered_for_resuming_with_its_snapshot(
    store: Store, make_session: MakeSession, make_running: MakeSession
) -> None:
    store.save_session(make_session())
    older, newer = make_running(), make_running()
    store.save_session(newer)
    store.save_session(older)
    assert store.unfinished() == newer
    assert store.count() == 1


def test_finishing_a_session_moves_it_to_history_without_the_snapshot(
    store: Store, make_running: MakeSession, data_dir: Path
) -> None:
    running = make_running()
    store.save_session(running)
    finished = {**running, "status": Status.COMPLETED.value}
    store.save_session(finished)
    assert store.unfinished() is None
    saved = store.get_session(running["id"])
    assert "snapshot" not in saved
    assert saved["status"] == "completed"
    assert _ids(store) == [running["id"]]


def test_mark_stopped_keeps_an_unfinished_session_in_history(store: Store, make_running: MakeSession) -> None:
    running = make_running()
    store.save_session(running)
    store.mark_stopped(running["id"])
    assert store.unfinished() is None
    assert store.summaries()[0].status is Status.STOPPED
    store.mark_stopped(running["id"])  # already finished: nothing to do
    with pytest.raises(KeyError):
        store.mark_stopped("no-such-session")


def test_sessions_survive_reopening(data_dir: Path, make_session: MakeSession, make_running: MakeSession) -> None:
    finished, running = make_session(), make_running()
    with Store.open(data_dir) as store:
        store.save_session(finished)
        store.save_session(running)
    with Store.open(data_dir) as store:
        assert store.get_session(finished["id"]) == finished
        assert store.unfinished() == running


def test_summaries_are_newest_first_across_weeks_and_years_with_limit_and_offset(store: Store, make_session: MakeSession) -> None:
    starts = [datetime(2025, 12, 31, 23, 0, tzinfo=UTC), datetime(2026, 1, 1, 1, 0, tzinfo=UTC), datetime(2024, 6, 1, tzinfo=UTC)]
    records = [make_session(started=when) for when in starts]
    for record in records:
        store.save_session(record)
    newest_first = [records[1]["id"], records[0]["id"], records[2]["id"]]
    assert _ids(store) == newest_first
    assert _ids(store, limit=2) == newest_first[:2]
    assert _ids(store, limit=2, offset=2) == newest_first[2:]
    assert store.count() == 3


def test_a_first_page_reads_only_the_newest_week(store: Store, make_session: MakeSession, data_dir: Path) -> None:
    for month in range(1, 7):
        store.save_session(make_session(started=datetime(2026, month, 10, tzinfo=UTC)))
    store.close()
    with Store.open(data_dir) as reopened:
        reopened._index._read_week = reading = _Recorder(reopened._index._read_week)
        reopened.summaries(limit=1)
        assert reading.weeks == ["2026-W24"]


class _Recorder:
    def __init__(self, read) -> None:
        self.read, self.weeks = read, []

    def __call__(self, week: str):
        self.weeks.append(week)
        return self.read(week)


def test_search_matches_every_word_in_titles_names_and_texts(store: Store, make_session: MakeSession) -> None:
    first, second = make_session(), make_session()
    first["takeaways"] = {"left": "Walk by the river [together]"}
    second["takeaways"] = {"right": "Cook ramen"}
    store.save_session(first)
    store.save_session(second)
    assert _ids(store, "RIVER [together]") == [first["id"]]
    assert _ids(store, "zoë ramen") == [second["id"]]
    assert _ids(store, "ramen river") == []
    assert _ids(store, first["started"][:10]) == [first["id"]]


def test_delete_removes_a_session_everywhere(store: Store, make_session: MakeSession, make_running: MakeSession) -> None:
    kept, gone, running = make_session(), make_session(), make_running()
    for record in (kept, gone, running):
        store.save_session(record)
    assert store.delete_session(gone["id"])
    assert store.delete_session(running["id"])
    assert not store.delete_session("no-such-session")
    assert store.get_session(gone["id"]) is None
    assert store.unfinished() is None
    assert _ids(store) == [kept["id"]]


def test_get_sessions_gives_records_in_the_order_asked_reading_each_week_once(
    store: Store, make_session: MakeSession, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Two sessions in each of the weeks 2026-W10, W11 and W12, asked for with the weeks interleaved.
    records = [make_session(started=datetime(2026, 3, day, 19, 30, tzinfo=UTC)) for day in (2, 3, 9, 10, 16, 17)]
    for record in records:
        store.save_session(record)
    order = [4, 0, 5, 2, 1, 3]
    read: list[str] = []
    read_json = storage.read_json

    def noting_reads(path: Path) -> object:
        read.append(path.relative_to(data_dir).as_posix())
        return read_json(path)

    monkeypatch.setattr(storage, "read_json", noting_reads)
    assert list(store.get_sessions(records[number]["id"] for number in order)) == [records[number] for number in order]
    assert sorted(path for path in read if path.startswith("sessions/")) == [
        "sessions/2026-W10.json",
        "sessions/2026-W11.json",
        "sessions/2026-W12.json",
    ]


def test_get_sessions_gives_what_get_session_does_once_per_id(
    store: Store, make_session: MakeSession, make_running: MakeSession
) -> None:
    kept, gone, running = make_session(), make_session(), make_running()
    for record in (kept, gone, running):
        store.save_session(record)
    store.delete_session(gone["id"])
    asked = [running["id"], gone["id"], "no-such-session", kept["id"], running["id"], kept["id"]]
    given = list(store.get_sessions(asked))
    # The session in progress comes with its snapshot, as get_session gives it.
    assert given == [running, kept] == [store.get_session(running["id"]), store.get_session(kept["id"])]
    given[0]["snapshot"].clear()
    given[1]["steps"].clear()
    assert list(store.get_sessions([running["id"], kept["id"]])) == [running, kept]


def test_get_sessions_leaves_the_store_free_while_the_caller_works(store: Store, make_session: MakeSession) -> None:
    first, second = make_session(), make_session(started=datetime(2025, 1, 6, tzinfo=UTC))
    store.save_session(first)
    store.save_session(second)
    records = store.get_sessions([first["id"], second["id"]])
    assert next(records) == first
    saver = threading.Thread(target=store.save_session, args=(make_session(),))
    saver.start()
    saver.join(timeout=5)
    assert not saver.is_alive()
    assert next(records) == second
    assert store.count() == 3


def test_get_sessions_finds_a_session_that_finished_after_its_week_was_read(
    store: Store, make_session: MakeSession, make_running: MakeSession
) -> None:
    # Monday and Tuesday of one week: the running one is set aside into the week already read.
    finished, running = make_session(), make_running()
    store.save_session(finished)
    store.save_session(running)
    records = store.get_sessions([finished["id"], running["id"]])
    assert next(records) == finished
    store.mark_stopped(running["id"])
    assert next(records) == store.get_session(running["id"])
    assert next(records, None) is None


def test_a_malformed_finished_record_is_refused_before_anything_is_written(store: Store, data_dir: Path) -> None:
    with pytest.raises(KeyError):
        store.save_session({"id": "broken", "status": "completed", "started": "2026-01-01T00:00:00+00:00"})
    with pytest.raises(ValueError):
        store.save_session({"status": "completed"})
    assert list((data_dir / "sessions").iterdir()) == []


def test_summary_figures(store: Store, make_session: MakeSession) -> None:
    record = make_session()
    store.save_session(record)
    [summary] = store.summaries()
    assert summary.minutes == round(record["totals"]["active_seconds"] / 60)
    assert summary.titles == " + ".join(run["title"] for run in record["exercises"])
    before, after = (item["answers"] for item in record["check_ins"] if item["measure"] == "closeness")
    assert summary.before == sum(before.values()) / 2
    assert summary.after == sum(after.values()) / 2
    assert summary.names == {Seat.LEFT: "Sam [b]", Seat.RIGHT: "Zoë"}


def test_concurrent_saves_from_worker_threads_all_land(store: Store, make_session: MakeSession) -> None:
    records = [make_session() for _ in range(20)]
    threads = [threading.Thread(target=store.save_session, args=(record,)) for record in records]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert store.count() == 20


# --- deck progress and carried-forward things ----------------------------------------------------


def test_seen_cards_accumulate_per_deck(data_dir: Path) -> None:
    with Store.open(data_dir) as store:
        assert store.seen_cards("deck-fun") == set()
        store.mark_seen("deck-fun", ["a", "b"])
        store.mark_seen("deck-fun", iter(["b", "c"]))
        store.mark_seen("deck-dreams", ["z"])
    with Store.open(data_dir) as store:
        assert store.seen_cards("deck-fun") == {"a", "b", "c"}
        assert store.seen_cards("deck-dreams") == {"z"}


def test_who_went_first_is_remembered_per_exercise(store: Store) -> None:
    assert store.last_first_seat("speaker-listener") is None
    store.set_last_first_seat("speaker-listener", Seat.LEFT)
    store.set_last_first_seat("speaker-listener", Seat.RIGHT)
    assert store.last_first_seat("speaker-listener") is Seat.RIGHT
    assert store.last_first_seat("other") is None


def test_last_commitments_come_from_the_last_completed_session(store: Store, make_session: MakeSession) -> None:
    assert store.last_commitments() == {}
    completed = make_session()
    completed["commitments"] = {"left": "Breakfast on Saturday", "right": "Ask about the job"}
    stopped = make_session(status=Status.STOPPED)
    store.save_session(completed)
    store.save_session(stopped)
    assert store.last_commitments() == {Seat.LEFT: "Breakfast on Saturday", Seat.RIGHT: "Ask about the job"}
