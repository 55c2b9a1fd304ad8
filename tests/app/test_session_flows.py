"""Whole sessions through the keyboard, as two partners would go through them, checked in the store."""

from __future__ import annotations

import pytest

from tui.core.model import Seat
from tui.screens.home import HomeScreen
from tui.screens.session import SessionScreen
from tui.screens.summary import SummaryScreen
from tui.screens.time_out import TimeOutScreen

from couple import LEFT_NAME, RIGHT_NAME
from drive import play_through, start

ONE_OF_EACH_TYPE = [
    "speaker-listener",
    "three-appreciations",
    "deck-getting-closer",
    "breathe-together",
    "closeness-check-in",
    "daily-ten",
]


@pytest.mark.parametrize("exercise_id", ONE_OF_EACH_TYPE)
async def test_a_whole_session_ends_on_the_summary_and_is_kept(make_app, store, exercise_id: str) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        await start(pilot, exercise_id)
        await play_through(pilot)
        assert isinstance(app.screen, SummaryScreen)
        (summary,) = store.summaries()
        record = store.get_session(summary.id)
        assert record["status"] == "completed"
        assert record["started_from"] == exercise_id
        assert record["exercises"][0]["id"] == app.library.expand(app.library[exercise_id])[0].id
        assert all(step["actual"] > 0 for step in record["steps"])
        assert record["takeaways"] == {"left": "Hug [b]🍝", "right": "Hug [b]🍝"}
        await pilot.press("enter")
        assert isinstance(app.screen, HomeScreen)


async def test_reflections_and_talk_time_are_counted(make_app, store) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await start(pilot, "speaker-listener")
        await play_through(pilot, not_quite_first=True)
        record = store.get_session(store.summaries()[0].id)
        for seat in ("left", "right"):
            stats = record["reflections"][seat]
            assert stats["checks"] == 4 and stats["landed_first_time"] == 0 and stats["attempts"] == 8
        assert record["floor_seconds"]["left"] == pytest.approx(record["floor_seconds"]["right"])
        text = " ".join(str(block.render()) for block in app.screen.query(".summary-block"))
        assert "0 of 4 reflections landed first time" in text


async def test_cards_seen_are_drawn_last_next_time(make_app, store) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await start(pilot, "deck-trust")
        await play_through(pilot)
        first = {card["key"] for card in store.get_session(store.summaries()[0].id)["cards"]}
        await pilot.press("enter")
        await start(pilot, "deck-trust")
        assert store.seen_cards("deck-trust") == first
        drawn = set(app.screen.engine.snapshot()["decks"]["0"])
        assert not drawn & first


async def test_time_out_pauses_and_carries_on(make_app, store) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await start(pilot, "breathe-together")
        clock = app.clock
        clock.advance(10)
        await pilot.press("space")
        assert isinstance(app.screen, TimeOutScreen)
        clock.advance(600)  # a long break is not counted
        await pilot.press("space")
        assert app.screen is screen
        view = screen.engine.current
        assert view.timer.elapsed == pytest.approx(10) and view.timer.pauses == 1


async def test_save_for_later_then_resume_from_home(make_app, store) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await start(pilot, "speaker-listener")
        await pilot.press("f")  # the left partner takes the floor first
        app.clock.advance(20)
        await pilot.press("space", "l")
        await app.workers.wait_for_complete()
        app.writes.drain()
        assert isinstance(app.screen, HomeScreen)
        unfinished = store.unfinished()
        assert unfinished is not None and unfinished["status"] == "in_progress"
        home = app.screen
        home.load_history_hints()
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(app.screen, TimeOutScreen)  # it comes back as it was left: in a time-out
        await pilot.press("space")
        resumed = app.screen
        assert isinstance(resumed, SessionScreen) and resumed is not screen
        view = resumed.engine.current
        assert view.roles[Seat.LEFT] == "speaker" and view.timer.elapsed == pytest.approx(20)
        assert not view.timer.paused
        await play_through(pilot)
        assert store.unfinished() is None
        (summary,) = store.summaries()
        assert summary.id == unfinished["id"] and summary.status == "completed"


async def test_stop_asks_first_and_keeps_what_was_done(make_app, store) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await start(pilot, "deck-fun")
        await pilot.press("f", "j")
        await pilot.press("escape")
        await pilot.press("n")  # "no, carry on"
        assert isinstance(app.screen, SessionScreen)
        await pilot.press("escape", "y")
        await app.workers.wait_for_complete()
        app.writes.drain()
        assert isinstance(app.screen, SummaryScreen)
        record = store.get_session(store.summaries()[0].id)
        assert record["status"] == "stopped"
        assert [card["status"] for card in record["cards"]][:2] == ["answered", "unfinished"]


async def test_private_answers_are_masked_and_revealed_together(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await start(pilot, "closeness-now")
        label = str(screen.query_one("#answer-label").render())
        assert LEFT_NAME in label and f"{RIGHT_NAME}, please look away" in label
        answer = screen.query_one("#answer")
        assert answer.password
        await pilot.press("8", "enter")
        assert not screen.query_one("#reveal").display
        await pilot.press("6", "enter")
        reveal = str(screen.query_one("#reveal").render())
        assert f"{LEFT_NAME}: 8" in reveal and f"{RIGHT_NAME}: 6" in reveal


async def test_first_run_asks_for_names_then_shows_home(make_app, store) -> None:
    app = make_app(named=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("enter", "enter")  # from the left name to the right, then save: no names yet
        assert "name for each seat" in str(app.screen.query_one("#settings-error").render())
        await pilot.press(*"Ana [i]", "enter", *"Bo ")
        app.screen.query_one("#name-right").insert_text_at_cursor("💛")  # keys cannot carry emoji
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        app.writes.drain()
        partners = store.load_settings().partners
        assert (partners.left.name, partners.right.name) == ("Ana [i]", "Bo 💛")
        assert app.screen.sub_title == "Ana [i] & Bo 💛"
