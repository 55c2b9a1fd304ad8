"""History: every finished session, newest first, searchable; open one, see the stats, delete, export."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from functools import partial
from pathlib import Path

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.widgets import DataTable, Header, Input, Static
from textual.worker import get_current_worker

from tui.core.record import Status
from tui.screens.base import TandemScreen
from tui.screens.confirm import ConfirmScreen
from tui.screens.history_text import STATUS_WORDS, closeness, long_date, what_was_done
from tui.screens.session_detail import SessionDetailScreen
from tui.screens.stats import StatsScreen
from tui.store.exchange import journal_markdown
from tui.store.storage import atomic_file, make_private_folder
from tui.store.summary import Summary
from tui.widgets.fill_table import FillTable
from tui.widgets.footer import CalmFooter

# The first page comes from the newest month files alone, so it is on screen at once;
# the rest follows in pages small enough that adding one never holds the screen up.
FIRST_PAGE = 200
PAGE = 250
EXPORTS = "exports"

# Column keys and widths; "what" takes the rest of the row.
COLUMNS = (("date", "Date", 17), ("what", "What you did", 0), ("minutes", "Min", 4), ("closeness", "Closeness", 9),
           ("status", "", 7))


class HistoryScreen(TandemScreen):
    CSS_PATH = "history.tcss"
    BINDINGS = [
        # Priority, so the footer shows it over the table's own Enter; it yields to the search box.
        Binding("enter", "open", "Details", id="history-open", priority=True),
        Binding("slash", "search", "Search", id="history-search"),
        Binding("t", "stats", "Stats", id="history-stats"),
        Binding("x", "delete", "Delete", id="history-delete"),
        Binding("e", "export", "Export", id="history-export"),
        Binding("escape", "back", "Back", id="history-back"),
    ]

    def __init__(self) -> None:
        super().__init__()
        # The rows in the table, by session id, in the order shown.
        self.shown: dict[str, Summary] = {}
        self.query_text = ""
        # Pages still to come (not `loading`: that is Textual's own spinner over the whole screen).
        self.reading = True
        # Bumped for every new search, so pages of an older one that arrive late are dropped.
        self.generation = 0

    def compose(self) -> ComposeResult:
        yield Header()
        yield Input(placeholder="Search dates, exercises, names and words  ( / )", id="history-search")
        yield Static(id="history-status")
        yield FillTable(id="history-table", fill="what", cursor_type="row", zebra_stripes=True)
        yield CalmFooter()

    def on_mount(self) -> None:
        self.sub_title = "History"
        table = self.query_one(FillTable)
        for key, label, width in COLUMNS:
            table.add_column(label, key=key, width=width or table.min_fill)
        table.focus()
        self.load()

    # --- loading, page by page -----------------------------------------------------------------

    def load(self) -> None:
        self.generation += 1
        self.reading = True
        self.read_pages(self.query_text, self.generation)

    @work(thread=True, exclusive=True, group="history-load")
    def read_pages(self, query: str, generation: int) -> None:
        worker = get_current_worker()
        offset, size = 0, FIRST_PAGE
        while not worker.is_cancelled:
            page = self.tandem.store.summaries(query, limit=size, offset=offset)
            done = len(page) < size
            # Waits for the page to be added: the next one is read only once the table has room for it.
            self.app.call_from_thread(self.add_page, generation, page, offset == 0, done)
            if done:
                return
            offset, size = offset + size, PAGE

    def add_page(self, generation: int, page: list[Summary], first: bool, done: bool) -> None:
        if generation != self.generation:
            return
        table = self.query_one(FillTable)
        if first:
            table.clear()
            self.shown.clear()
        had_rows = bool(self.shown)
        for summary in page:
            self.shown[summary.id] = summary
            table.add_row(*cells(summary), key=summary.id)
        self.reading = not done
        self.show_status()
        # Keys come and go only with the first row and the last page; a footer redraw is costly.
        if done or had_rows != bool(self.shown):
            self.refresh_bindings()

    def show_status(self) -> None:
        count = len(self.shown)
        query = self.query_text.strip()
        sessions = f"{count:,} session{'' if count == 1 else 's'}"
        if self.reading:
            text = f"{sessions} so far…"
        elif query:
            text = f"{sessions} matching “{query}”" if count else f"No session matches “{query}”."
        else:
            text = f"{sessions}, newest first" if count else "No sessions yet — they will appear here after your first one together."
        self.query_one("#history-status", Static).update(Content(text))

    # --- the highlighted session ---------------------------------------------------------------

    def highlighted(self) -> Summary | None:
        table = self.query_one(FillTable)
        if not self.shown or not table.is_valid_row_index(table.cursor_row):
            return None
        row_key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key
        return self.shown.get(str(row_key.value))

    def action_open(self) -> None:
        summary = self.highlighted()
        if summary is not None:
            self.app.push_screen(SessionDetailScreen(summary, delete=self.confirm_delete))

    @on(DataTable.RowSelected, "#history-table")
    def row_clicked(self) -> None:
        self.action_open()

    def action_delete(self) -> None:
        summary = self.highlighted()
        if summary is not None:
            self.confirm_delete(summary)

    def confirm_delete(self, summary: Summary, then: Callable[[], object] | None = None) -> None:
        """Ask first; `then` runs after a yes (the detail screen closes itself)."""
        when = long_date(summary.started_at)
        question = ConfirmScreen(
            "Delete this session from your history?",
            f"{when} · {summary.titles}\nIt cannot be brought back (an earlier export keeps a copy).",
            yes="Delete",
            no="Keep it",
        )
        self.app.push_screen(question, partial(self._delete_answered, summary, then))

    def _delete_answered(self, summary: Summary, then: Callable[[], object] | None, yes: bool | None) -> None:
        if not yes:
            return
        self.tandem.writes.submit(self.tandem.store.delete_session, summary.id)
        if self.shown.pop(summary.id, None) is not None:
            self.query_one(FillTable).remove_row(summary.id)
        self.show_status()
        self.refresh_bindings()
        if then is not None:
            then()
        self.notify("Session deleted.", markup=False)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "open":
            return not self.query_one("#history-search", Input).has_focus and bool(self.shown)
        if action == "delete":
            return bool(self.shown)
        if action == "export":
            # The whole view is exported, so wait until it is all here.
            return not self.reading and bool(self.shown)
        return True

    # --- search --------------------------------------------------------------------------------

    def action_search(self) -> None:
        self.query_one("#history-search", Input).focus()

    @on(Input.Changed, "#history-search")
    def search_changed(self, event: Input.Changed) -> None:
        if event.value.strip() != self.query_text.strip():
            self.query_text = event.value
            self.load()

    @on(Input.Submitted, "#history-search")
    def search_done(self) -> None:
        self.query_one(FillTable).focus()

    def action_back(self) -> None:
        # Escape leaves the search box first, and the screen only from the table.
        if self.query_one("#history-search", Input).has_focus:
            self.query_one(FillTable).focus()
        else:
            self.dismiss(None)

    # --- stats and export ----------------------------------------------------------------------

    def action_stats(self) -> None:
        self.app.push_screen(StatsScreen())

    def action_export(self) -> None:
        self.notify(f"Exporting {len(self.shown):,} sessions…", markup=False)
        self.export_view(list(self.shown), self.tandem.store.data_dir / EXPORTS, self.tandem.wall())

    @work(thread=True, exclusive=True, group="history-export")
    def export_view(self, session_ids: list[str], folder: Path, now: datetime) -> None:
        """The rows shown, as the same readable Markdown journal `tandem export --format md` writes."""
        store = self.tandem.store
        path = folder / f"tandem-history-{now.astimezone():%Y-%m-%d-%H%M%S}.md"
        try:
            make_private_folder(folder)
            with atomic_file(path) as out:
                out.write(journal_markdown(store.get_sessions(session_ids)))
        except OSError as error:
            self.app.call_from_thread(
                self.notify, f"Could not export to {path}: {error.strerror or error}", severity="error", markup=False
            )
            return
        self.app.call_from_thread(self.notify, f"Exported {len(session_ids):,} sessions to {path}", markup=False, timeout=15)


def cells(summary: Summary) -> tuple[Text, ...]:
    """One row: plain Text cells, so names and titles are never read as markup."""
    when = summary.started_at
    style = "" if summary.status is Status.COMPLETED else "dim"
    return (
        Text(when.strftime("%d %b %Y %H:%M") if when else "undated", style),
        Text(what_was_done(summary), style, overflow="ellipsis", no_wrap=True),
        Text(str(summary.minutes), style, justify="right"),
        Text(closeness(summary), style),
        Text(STATUS_WORDS[summary.status], style),
    )
