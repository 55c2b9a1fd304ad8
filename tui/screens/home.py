"""Home: the library to pick from, a suggestion for tonight, and an unfinished session to resume."""

from __future__ import annotations

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.widgets import Header, Input, OptionList, Static
from textual.widgets.option_list import Option

from tui.core.model import Exercise, ExerciseType
from tui.core.suggest import suggest_tonight
from tui.screens.base import TandemScreen
from tui.widgets.footer import CalmFooter

# How far back "not done recently" looks.
RECENT_SESSIONS = 30

TYPE_HEADINGS = {
    ExerciseType.PLAN: "Sessions",
    ExerciseType.TURNS: "Talking and listening",
    ExerciseType.APPRECIATION: "Appreciation",
    ExerciseType.CARDS: "Question cards",
    ExerciseType.PRESENCE: "Being present",
    ExerciseType.CHECK_IN: "Check-ins",
}


class HomeScreen(TandemScreen):
    CSS_PATH = "home.tcss"
    BINDINGS = [
        # Priority, so the footer shows it over the list's own Enter; it yields to the search box.
        Binding("enter", "start", "Start", id="start", priority=True),
        Binding("slash", "search", "Search", id="search"),
        Binding("g", "toggle_grouping", "Group", id="group"),
        # Named in the lines that offer them, so the footer has room at 80 columns.
        Binding("t", "start_suggested", "Tonight", id="tonight", show=False),
        Binding("r", "resume", "Resume", id="resume", show=False),
        Binding("x", "set_aside", "Set aside", id="set-aside", show=False),
        Binding("o", "app.settings", "Settings", id="settings"),
        Binding("h", "app.history", "History", id="history"),
        Binding("escape", "leave", "Quit", id="leave-home"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.by_theme = False
        self.suggested: Exercise | None = None
        self.unfinished: dict | None = None
        self.shown: Exercise | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="resume-offer", markup=False)
        yield Static(id="suggestion", markup=False)
        yield Input(placeholder="Search by title, theme or type  ( / )", id="search")
        with Horizontal(id="library-row"):
            yield OptionList(id="library")
            with VerticalScroll(id="details"):
                yield Static(id="details-title", markup=False)
                yield Static(id="details-meta", markup=False)
                yield Static(id="details-summary", markup=False)
        yield CalmFooter()

    def on_mount(self) -> None:
        self.fill_library()
        self.query_one("#library", OptionList).focus()

    def on_screen_resume(self) -> None:
        # At the start, and back from settings or a session: names, what is unfinished and what
        # to suggest may all have changed.
        partners = self.tandem.settings.partners
        if partners is not None:
            self.sub_title = f"{partners.left.name} & {partners.right.name}"
        self.load_history_hints()

    # --- the library list --------------------------------------------------------------------

    def fill_library(self) -> None:
        query = self.query_one("#search", Input).value.strip().lower()
        options = self.query_one("#library", OptionList)
        highlighted = options.highlighted_option.id if options.highlighted_option else None
        options.clear_options()
        for heading, exercises in self.groups(query):
            options.add_option(Option(Content.styled(heading, "bold $text-muted"), disabled=True))
            for exercise in exercises:
                minutes = self.tandem.library.minutes(exercise)
                options.add_option(Option(Content(f"  {exercise.title}  ·  {minutes} min"), id=self.option_id(heading, exercise)))
        ids = [option.id for option in options.options]
        if highlighted is not None and highlighted in ids:
            options.highlighted = ids.index(highlighted)
        else:
            # Headings are disabled options: start on the first exercise.
            options.highlighted = next((index for index, id_ in enumerate(ids) if id_), None)
        self.show_details()

    @staticmethod
    def option_id(heading: str, exercise: Exercise) -> str:
        # One exercise can sit under several themes; option ids must be unique.
        return f"{heading}\x1f{exercise.id}"

    def groups(self, query: str) -> list[tuple[str, list[Exercise]]]:
        matching = [exercise for exercise in self.tandem.library if _matches(exercise, query)]
        if self.by_theme:
            themes = sorted({theme for exercise in matching for theme in exercise.themes})
            grouped = [(theme.capitalize(), [e for e in matching if theme in e.themes]) for theme in themes]
            unthemed = [exercise for exercise in matching if not exercise.themes]
            return grouped + ([("Other", unthemed)] if unthemed else [])
        return [
            (heading, [exercise for exercise in matching if exercise.type is kind])
            for kind, heading in TYPE_HEADINGS.items()
            if any(exercise.type is kind for exercise in matching)
        ]

    def highlighted_exercise(self) -> Exercise | None:
        option = self.query_one("#library", OptionList).highlighted_option
        if option is None or option.id is None:
            return None
        return self.tandem.library.exercises.get(option.id.split("\x1f")[1])

    @on(OptionList.OptionHighlighted, "#library")
    def show_details(self) -> None:
        exercise = self.highlighted_exercise()
        if (exercise is None) != (self.shown is None):
            self.refresh_bindings()  # "Start" comes and goes; a footer redraw is costly, so only then
        self.shown = exercise
        title, meta, summary = ("No exercise matches your search.", "", "") if exercise is None else (
            exercise.title,
            _meta(exercise, self.tandem.library.minutes(exercise)),
            exercise.summary,
        )
        self.query_one("#details-title", Static).update(title)
        self.query_one("#details-meta", Static).update(meta)
        self.query_one("#details-summary", Static).update(summary)

    def action_start(self) -> None:
        exercise = self.highlighted_exercise()
        if exercise is not None:
            self.tandem.start_exercise(exercise)

    @on(Input.Changed, "#search")
    def search_changed(self) -> None:
        self.fill_library()

    @on(Input.Submitted, "#search")
    def search_done(self) -> None:
        self.query_one("#library", OptionList).focus()

    def action_search(self) -> None:
        self.query_one("#search", Input).focus()

    def action_toggle_grouping(self) -> None:
        self.by_theme = not self.by_theme
        self.fill_library()
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "start":
            return not self.query_one("#search", Input).has_focus and self.highlighted_exercise() is not None
        if action == "resume" or action == "set_aside":
            return self.unfinished is not None
        return True

    def action_leave(self) -> None:
        # Escape leaves the search box first, and quits only from the list.
        search = self.query_one("#search", Input)
        if search.has_focus:
            self.query_one("#library", OptionList).focus()
        else:
            self.app.exit()

    # --- suggestion and resume offer -------------------------------------------------------

    @work(thread=True, exclusive=True, group="home-hints")
    def load_history_hints(self) -> None:
        store = self.tandem.store
        unfinished = store.unfinished()
        recent = [ref.id for summary in store.summaries(limit=RECENT_SESSIONS) for ref in summary.exercises]
        suggested = suggest_tonight(self.tandem.library, recent, self.tandem.wall().date())
        self.app.call_from_thread(self.show_history_hints, unfinished, suggested)

    def show_history_hints(self, unfinished: dict | None, suggested: Exercise | None) -> None:
        self.unfinished, self.suggested = unfinished, suggested
        offer = self.query_one("#resume-offer", Static)
        offer.display = unfinished is not None
        if unfinished is not None:
            offer.update(f"An unfinished session — {unfinished.get('title', 'a session')} — is waiting. "
                         "Press r to resume it, or x to set it aside as stopped.")
        suggestion = self.query_one("#suggestion", Static)
        suggestion.display = suggested is not None
        if suggested is not None:
            minutes = self.tandem.library.minutes(suggested)
            suggestion.update(f"Suggested tonight: {suggested.title} · {minutes} min — press t to start")

    def action_start_suggested(self) -> None:
        if self.suggested is not None:
            self.tandem.start_exercise(self.suggested)

    def action_resume(self) -> None:
        if self.unfinished is not None:
            self.tandem.resume_session(self.unfinished)

    def action_set_aside(self) -> None:
        if self.unfinished is not None:
            self.tandem.set_aside(self.unfinished)
            self.show_history_hints(None, self.suggested)


def _matches(exercise: Exercise, query: str) -> bool:
    if not query:
        return True
    haystack = " ".join((exercise.title, exercise.summary, exercise.type.value, *exercise.themes)).lower()
    return all(word in haystack for word in query.split())


def _meta(exercise: Exercise, minutes: int) -> str:
    kind = TYPE_HEADINGS[exercise.type].lower() if exercise.type is not ExerciseType.PLAN else "a session of several steps"
    themes = ", ".join(exercise.themes)
    return f"{minutes} min · {kind}" + (f" · {themes}" if themes else "")
