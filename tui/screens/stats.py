"""What the history says about your time together: how often, how long, how close, how you listen."""

from __future__ import annotations

from collections import Counter
from statistics import fmean

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widget import Widget
from textual.widgets import Header, Sparkline, Static

from tui.core.model import Seat
from tui.core.partners import Partner
from tui.core.steps import REVIEW_OPTIONS
from tui.screens.base import TandemScreen
from tui.screens.history_text import hours_and_minutes, rating
from tui.seat_colours import seat_colour
from tui.store.stats import Stats
from tui.widgets.footer import CalmFooter
from tui.widgets.page_text import heading, partner_name, share_bar

BARS = "▁▂▃▄▅▆▇█"
# "Lately" and "at the start" compare this many sessions.
RECENT = 10
CLOSEST_SHOWN = 5
COMMITMENTS_SHOWN = 5
STARRED_SHOWN = 8
# A commitment the next completed session has not asked about yet.
WAITING = "waiting"
RESULT_WORDS = {option: option for option in REVIEW_OPTIONS} | {None: "passed", WAITING: "not asked yet"}
# Names for the seats while nobody has named them.
UNNAMED = {Seat.LEFT: Partner("Left"), Seat.RIGHT: Partner("Right")}


class StatsScreen(TandemScreen):
    CSS_PATH = "history.tcss"
    BINDINGS = [Binding("escape", "back", "Back", id="stats-back")]

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="stats"):
            yield Static(Content("Counting…"), id="stats-loading")
        yield CalmFooter()

    def on_mount(self) -> None:
        self.sub_title = "History · Stats"
        self.read_stats()

    @work(thread=True, exclusive=True, group="stats-load")
    def read_stats(self) -> None:
        stats = self.tandem.store.stats(today=self.tandem.wall().astimezone().date())
        self.app.call_from_thread(self.show, stats)

    def show(self, stats: Stats) -> None:
        self.query_one("#stats-loading").remove()
        scroll = self.query_one("#stats", VerticalScroll)
        partners = self.tandem.settings.partners
        names = {seat: partners[seat] if partners else UNNAMED[seat] for seat in Seat}
        scroll.mount_all(StatsPage(stats, names).widgets())
        scroll.focus()

    def action_back(self) -> None:
        self.dismiss(None)


class StatsPage:
    def __init__(self, stats: Stats, partners: dict[Seat, Partner]) -> None:
        self.stats = stats
        self.partners = partners

    def partner_name(self, seat: Seat) -> Content:
        return partner_name(self.partners[seat], seat)

    def widgets(self) -> list[Widget]:
        stats = self.stats
        if not stats.completed and not stats.stopped:
            return [block(Content("No sessions yet. After your first one together, this page shows how you are doing."))]
        found = [self.overview(), self.weeks(), *self.closeness(), self.closest(), self.talk_time(), *self.listening()]
        found += [self.commitments(), self.starred()]
        return [widget for widget in found if widget is not None]

    def overview(self) -> Widget:
        stats = self.stats
        stopped = f", and {stats.stopped:,} stopped early" if stats.stopped else ""
        return block(Content.assemble(
            heading("Together"),
            f"\n  {stats.completed:,} session{'s' if stats.completed != 1 else ''} completed{stopped}"
            f"\n  {hours_and_minutes(stats.total_minutes)} in all ({stats.total_minutes:,} minutes)",
        ))

    def weeks(self) -> Widget:
        weeks = self.stats.weeks
        most = max((week.sessions for week in weeks), default=0) or 1
        bars = "".join(f"  {BARS[min(7, (week.sessions * 8 - 1) // most)] if week.sessions else '·'}" for week in weeks)
        counts = "".join(f"{week.sessions:3d}" for week in weeks)
        first = f"{weeks[0].monday:%d %b}" if weeks else ""
        labels = f"{first:>6}{'this week':>{len(counts) - 6}}"
        current, longest = self.stats.current_streak, self.stats.longest_streak
        streak = f"{current} week{'s' if current != 1 else ''} in a row" if current else "no streak running just now"
        return block(Content.assemble(
            heading(f"Sessions per week, the last {len(weeks)}"),
            f"\n{bars}\n{counts}\n{labels}\n",
            heading("Streak"),
            f"  {streak} · longest {longest} week{'s' if longest != 1 else ''}",
        ))

    def closeness(self) -> list[Widget]:
        after = self.stats.closeness
        if not after:
            return []
        recent = min(RECENT, len(after))
        trend = Content.styled(
            f"  oldest on the left · last {recent}: {rating(fmean(after[-RECENT:]))}"
            f" · first {recent}: {rating(fmean(after[:RECENT]))} (out of 10)",
            "dim",
        )
        return [
            Static(heading("How close you felt after each session"), classes="stats-label"),
            Sparkline(after, summary_function=fmean, id="closeness-trend"),
            block(trend),
        ]

    def closest(self) -> Widget | None:
        rows = self.stats.closest[:CLOSEST_SHOWN]
        if not rows:
            return None
        parts: list[Content | str] = [heading("What leaves you closest"), Content.styled("  average change in closeness", "dim")]
        for row in rows:
            parts += [f"\n  {row.average_change:+.1f}  ", Content(row.title), Content.styled(f"  ({row.sessions:,} sessions)", "dim")]
        return block(Content.assemble(*parts))

    def talk_time(self) -> Widget | None:
        floor = self.stats.floor_seconds
        total = sum(floor.values())
        if not total:
            return None
        parts: list[Content | str] = [heading("Talk time, all sessions")]
        for seat in Seat:
            share = floor[seat] / total
            colour = seat_colour(self.partners[seat].colour, seat)
            parts += ["\n  ", self.partner_name(seat), f"  {round(share * 100):3d}%  ", share_bar(share, colour)]
        return block(Content.assemble(*parts))

    def listening(self) -> list[Widget]:
        """Per partner, the share of their reflections that landed first time, and its trend."""
        found: list[Widget] = []
        for seat in Seat:
            rates = [point.rates[seat] for point in self.stats.listening if seat in point.rates]
            if not rates:
                continue
            text = f" listening: {round(fmean(rates) * 100)}% of reflections landed first time"
            lately = f" · lately {round(fmean(rates[-RECENT:]) * 100)}%"
            label = Content.assemble(self.partner_name(seat), text, Content.styled(lately, "dim"))
            found += [Static(label, classes="stats-label"), Sparkline(rates, summary_function=fmean, classes="listening-trend")]
        return [Static(heading("Listening"), classes="stats-label"), *found] if found else []

    def commitments(self) -> Widget | None:
        made = self.stats.commitments
        if not made:
            return None
        results = Counter(item.result if item.reviewed else WAITING for item in made)
        tally = " · ".join(f"{words} {results[key]:,}" for key, words in RESULT_WORDS.items() if results[key])
        parts: list[Content | str] = [heading("Commitments and how they went"), f"  {tally}"]
        for item in made[:COMMITMENTS_SHOWN]:
            result = RESULT_WORDS[item.result if item.reviewed else WAITING]
            parts += ["\n  ", self.partner_name(item.seat), ": ", Content(item.text), Content.styled(f" — {result}", "dim")]
        return block(Content.assemble(*parts))

    def starred(self) -> Widget | None:
        starred = self.stats.starred
        if not starred:
            return None
        parts: list[Content | str] = [heading("Starred cards")]
        for item in starred[:STARRED_SHOWN]:
            parts += ["\n  ★ ", Content(item.card.text)]
        if len(starred) > STARRED_SHOWN:
            parts.append(Content.styled(f"\n  and {len(starred) - STARRED_SHOWN:,} more", "dim"))
        return block(Content.assemble(*parts))


def block(content: Content) -> Static:
    return Static(content, classes="stats-block")
