"""The history through the keyboard: the list, search, one session's page, delete, export and the stats,
over a few years of generated sessions."""

from __future__ import annotations

from rich.console import Console
from textual.content import Content
from textual.pilot import Pilot
from textual.widgets import Input, Sparkline, Static

from tui.app import TandemApp
from tui.screens.confirm import ConfirmScreen
from tui.screens.history import HistoryScreen
from tui.screens.home import HomeScreen
from tui.screens.session_detail import SessionDetailScreen
from tui.screens.stats import StatsScreen
from tui.store import Store
from tui.widgets.fill_table import FillTable

from couple import LEFT_NAME, RIGHT_NAME, WALL
from drive import open_history, settle
from history_data import MARKUP_CARD, MARKUP_ID, MARKUP_TITLE, SESSIONS, fill

SIZE = (100, 30)


def shown_ids(screen: HistoryScreen) -> list[str]:
    table = screen.query_one(FillTable)
    return [str(row.key.value) for row in table.ordered_rows]


def row_text(screen: HistoryScreen, session_id: str) -> list[str]:
    return [cell.plain for cell in screen.query_one(FillTable).get_row(session_id)]


def page_text(screen: SessionDetailScreen | StatsScreen) -> str:
    """Every block on the page as plain text (tables drawn as they would be)."""
    console = Console(width=200, record=True, file=None, force_terminal=False)
    parts = []
    for block in screen.query(".detail-block, .stats-block, .stats-label").results(Static):
        content = block.content
        if isinstance(content, Content):
            parts.append(content.plain)
        else:
            with console.capture() as capture:
                console.print(content)
            parts.append(capture.get())
    return "\n".join(parts)


async def select(pilot: Pilot, screen: HistoryScreen, session_id: str) -> None:
    screen.query_one(FillTable).move_cursor(row=shown_ids(screen).index(session_id))
    await pilot.pause()


async def test_the_list_shows_every_session_newest_first(make_app, store: Store) -> None:
    fill(store)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_history(pilot)
        ids = shown_ids(screen)
        assert len(ids) == SESSIONS + 1
        assert ids == [summary.id for summary in store.summaries()]
        started = [screen.shown[session_id].started_at for session_id in ids]
        assert started == sorted(started, reverse=True)
        assert ids[0] == MARKUP_ID
        assert str(screen.query_one("#history-status", Static).content) == f"{SESSIONS + 1} sessions, newest first"
        stopped = next(summary for summary in store.summaries() if summary.status == "stopped")
        assert row_text(screen, stopped.id)[-1] == "stopped"


async def test_search_filters_and_clearing_it_brings_everything_back(make_app, store: Store) -> None:
    fill(store)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_history(pilot)
        await pilot.press("slash", *"dreams road")
        await settle(pilot)
        expected = [summary.id for summary in store.summaries("dreams road")]
        assert 0 < len(expected) < SESSIONS
        assert shown_ids(screen) == expected
        assert all("Dreams and the road ahead" in row_text(screen, session_id)[1] for session_id in expected)
        assert "matching “dreams road”" in str(screen.query_one("#history-status", Static).content)
        # Enter leaves the search box for the table; escape from the table would leave the screen.
        await pilot.press("enter")
        assert screen.query_one(FillTable).has_focus
        await pilot.press("slash", *["backspace"] * len("dreams road"))
        await settle(pilot)
        assert len(shown_ids(screen)) == SESSIONS + 1
        await pilot.press(*"no such words")  # still in the search box
        await settle(pilot)
        assert shown_ids(screen) == []
        assert str(screen.query_one("#history-status", Static).content) == "No session matches “no such words”."
        await pilot.press("escape", "escape")
        assert isinstance(app.screen, HomeScreen)


async def test_a_session_opens_with_its_steps_cards_and_words(make_app, store: Store) -> None:
    records = {record["id"]: record for record in fill(store)}
    with_cards = next(
        summary for summary in store.summaries()
        if summary.cards_skipped and summary.starred and summary.id != MARKUP_ID and summary.takeaways
    )
    record = records[with_cards.id]
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_history(pilot)
        await select(pilot, screen, with_cards.id)
        await pilot.press("enter")
        await settle(pilot)
        detail = app.screen
        assert isinstance(detail, SessionDetailScreen)
        text = page_text(detail)
        for step in record["steps"]:
            assert step["header"] in text
        assert "Planned" in text and "Actual" in text and "skipped" in text
        for card in record["cards"]:
            assert card["text"] in text
        starred = next(card for card in record["cards"] if card["starred"])
        assert f"★ {starred['text']}" in text
        assert f"{with_cards.cards_answered} answered · {with_cards.cards_skipped} skipped" in text
        for words in record["takeaways"].values():
            assert words in text
        if record["reviews"]:
            assert "How last time's commitments went" in text
        assert "Closeness before → after" in text
        await pilot.press("escape")
        assert app.screen is screen


async def test_delete_asks_first_and_then_forgets_the_session(make_app, store: Store) -> None:
    fill(store)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_history(pilot)
        victim = shown_ids(screen)[3]
        await select(pilot, screen, victim)
        await pilot.press("x")
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")
        assert app.screen is screen and victim in shown_ids(screen)
        await pilot.press("x", "y")
        await pilot.pause()
        assert app.screen is screen
        assert victim not in shown_ids(screen) and len(shown_ids(screen)) == SESSIONS
        app.writes.drain()
        assert store.get_session(victim) is None
        assert store.count() == SESSIONS


async def test_delete_from_a_sessions_page_returns_to_the_list(make_app, store: Store) -> None:
    fill(store)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_history(pilot)
        victim = shown_ids(screen)[0]
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("x")
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("y")
        await pilot.pause()
        assert app.screen is screen and victim not in shown_ids(screen)
        app.writes.drain()
        assert store.get_session(victim) is None


async def test_export_writes_the_rows_shown_to_a_private_file(make_app, store: Store) -> None:
    fill(store)
    app = make_app()
    notices: list[str] = []
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_history(pilot)
        app.notify = lambda message, **kwargs: notices.append(message)  # type: ignore[method-assign]
        await pilot.press("slash", *"breathe", "enter")
        await settle(pilot)
        shown = shown_ids(screen)
        await pilot.press("e")
        await settle(pilot)
    (export,) = (store.data_dir / "exports").iterdir()
    assert export.name == f"tandem-history-{WALL.astimezone():%Y-%m-%d-%H%M%S}.md"
    assert export.stat().st_mode & 0o777 == 0o600
    journal = export.read_text(encoding="utf-8")
    assert journal.count("\n## ") == len(shown)
    assert all("Breathe together" in entry.splitlines()[0] for entry in journal.split("\n## ")[1:])
    assert notices[-1] == f"Exported {len(shown)} sessions to {export}"


async def test_stats_show_streaks_trend_and_starred_cards(make_app, store: Store) -> None:
    fill(store)
    stats = store.stats(today=WALL.astimezone().date())
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_history(pilot)
        await pilot.press("t")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, StatsScreen)
        text = page_text(screen)
        assert stats.current_streak > 1
        assert f"{stats.current_streak} weeks in a row · longest {stats.longest_streak} weeks" in text
        assert f"{stats.completed} sessions completed" in text
        assert screen.query_one("#closeness-trend", Sparkline).data == stats.closeness
        assert len(screen.query(".listening-trend")) == 2
        assert f"★ {MARKUP_CARD}" in text
        assert stats.closest[0].title in text
        await pilot.press("escape")
        assert isinstance(app.screen, HistoryScreen)


async def test_names_titles_and_cards_show_exactly_as_written(make_app, store: Store) -> None:
    fill(store, count=20)
    app: TandemApp = make_app()
    async with app.run_test(size=(160, 40)) as pilot:
        screen = await open_history(pilot)
        assert MARKUP_TITLE in row_text(screen, MARKUP_ID)[1]
        await select(pilot, screen, MARKUP_ID)
        await pilot.press("enter")
        await settle(pilot)
        text = page_text(app.screen)
        for words in (LEFT_NAME, RIGHT_NAME, MARKUP_TITLE, MARKUP_CARD, "[b]x[/b] stays [as written]"):
            assert words in text
        await pilot.click(".detail-block")
        await pilot.press("escape", "t")
        await settle(pilot)
        assert f"★ {MARKUP_CARD}" in page_text(app.screen)
        assert app.is_running


async def test_history_is_in_the_command_palette(make_app, store: Store) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p", *"history", "enter")
        await settle(pilot)
        assert isinstance(app.screen, HistoryScreen)
        assert "No sessions yet" in str(app.screen.query_one("#history-status", Static).content)
        app.action_history()  # one history at a time
        await pilot.pause()
        assert len([screen for screen in app.screen_stack if isinstance(screen, HistoryScreen)]) == 1


async def test_search_box_takes_letters_that_are_keys_elsewhere(make_app, store: Store) -> None:
    fill(store, count=20)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_history(pilot)
        await pilot.press("slash", *"text")
        assert screen.query_one("#history-search", Input).value == "text"
        assert app.screen is screen


async def test_the_what_column_takes_the_width_left_when_the_window_changes(make_app, store: Store) -> None:
    fill(store, count=20)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_history(pilot)
        table = screen.query_one(FillTable)
        widths = []
        for size in ((80, 24), (130, 30), (90, 24)):
            await pilot.resize_terminal(*size)
            await pilot.pause()
            widths.append(table.columns[table.fill].width)
            # Exactly as wide as the table: no sideways scrolling, no empty strip on the right.
            assert table.virtual_size.width == table.scrollable_content_region.width
        assert widths == [widths[0], widths[0] + 50, widths[0] + 10]
