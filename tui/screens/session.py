"""The session: one layout for every exercise type. It shows the engine's step and passes keys to it."""

from __future__ import annotations

from dataclasses import replace

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Input, Static

from tui.core.engine import SessionEngine
from tui.core.model import CardKind, Seat
from tui.core.steps import InputKind
from tui.core.view import InputView, StepView
from tui.screens.base import TandemScreen
from tui.screens.confirm import ConfirmScreen
from tui.screens.time_out import TimeOutScreen
from tui.seat_colours import seat_colour
from tui.widgets.breath_pacer import BreathPacer
from tui.widgets.countdown import Countdown
from tui.widgets.footer import CalmFooter
from tui.widgets.seat_panel import SeatPanel

# Redraw often enough for a smooth pacer; the figures come from the clock, not from ticks.
REDRAW_SECONDS = 0.2
CARD_KIND_NOTES = {
    CardKind.TALK: "",
    CardKind.PRIVATE: "Each of you answers privately; the answers appear together.",
    CardKind.TASK: "Something to do together.",
}


class SessionScreen(TandemScreen):
    CSS_PATH = "session.tcss"
    BINDINGS = [
        Binding("f", "yes('left')", "Left ✓", id="left-yes"),
        Binding("j", "yes('right')", "Right ✓", id="right-yes"),
        Binding("d", "no('left')", "Left: not quite", id="left-no"),
        Binding("k", "no('right')", "Right: not quite", id="right-no"),
        Binding("n", "next", "Next", id="next"),
        Binding("s", "skip", "Skip", id="skip"),
        Binding("asterisk", "star", "Star", id="star"),
        Binding("plus", "add_minute", "+1m", id="add-minute"),
        Binding("space", "pause", "Time-out", id="pause"),
        Binding("escape", "stop", "Stop", id="stop"),
    ]

    def __init__(self, engine: SessionEngine, *, title: str, started_from: str) -> None:
        super().__init__()
        self.engine = engine
        self.session_title = title
        self.started_from = started_from
        self.saved_step = 0
        self.chimed_step = 0
        self.typing_for: Seat | None = None
        # The step as last drawn, without its clock: redraw the rest only when it changes.
        self.drawn: StepView | None = None

    def compose(self) -> ComposeResult:
        partners = self.engine.partners
        with Horizontal(id="step-bar"):
            yield Static(id="step-header", markup=False)
            yield Static(id="step-position", markup=False)
        with Horizontal(id="stage"):
            yield SeatPanel(Seat.LEFT, partners.left)
            with VerticalScroll(id="centre"):
                yield Static(id="intro", markup=False)
                yield Static(id="prompt", markup=False)
                yield Static(id="card", markup=False)
                yield Static(id="card-note", markup=False)
                yield Static(id="stems", markup=False)
                yield Static(id="topics", markup=False)
                yield BreathPacer(id="pacer", markup=False)
                with Vertical(id="answer-area"):
                    yield Static(id="answer-label")
                    yield Input(id="answer")
                yield Static(id="reveal")
            yield SeatPanel(Seat.RIGHT, partners.right)
        yield Countdown(id="countdown")
        # Compact, and the palette hint left out, so every live key fits in 80 columns.
        yield CalmFooter(compact=True, show_command_palette=False)

    def on_mount(self) -> None:
        self.engine.start()
        self.refresh_view()
        self.set_interval(REDRAW_SECONDS, self.refresh_view)
        if self.engine.paused:
            # A session saved during a time-out comes back in one.
            self.app.push_screen(TimeOutScreen(), self._time_out_over)

    # --- drawing ----------------------------------------------------------------------------

    def refresh_view(self) -> None:
        if self.engine.finished:
            return
        view = self.engine.current
        if view is None:
            return
        self.query_one(Countdown).show(view.timer)
        pacer = self.query_one(BreathPacer)
        pacer.display = view.breath is not None
        if view.breath is not None:
            pacer.show(view.breath)
        self._chime_once(view)
        # Most redraws only move the clock; the rest of the screen changes when the step does.
        still = replace(view, timer=None, breath=None)
        if still != self.drawn:
            self.drawn = still
            self._show_step(view)

    def _show_step(self, view: StepView) -> None:
        self.query_one("#step-header", Static).update(f"{view.title} · {view.header}")
        where = f"part {view.exercise_number} of {view.exercise_count}" if view.exercise_count > 1 and view.exercise_number else ""
        self.query_one("#step-position", Static).update(where)
        for panel in self.query(SeatPanel):
            panel.show(view)
        self._show_text(view)
        self._show_answers(view)
        self.refresh_bindings()

    def _show_text(self, view: StepView) -> None:
        card = view.card
        self._set("#intro", view.intro)
        # A card's text is its prompt; it is shown once, in the card's frame.
        self._set("#prompt", "" if card else view.prompt)
        self._set("#card", card.text if card else "")
        self.query_one("#card", Static).set_class(bool(card and card.starred), "-starred")
        if card:
            reader = self.engine.partners.name(card.reader)
            note = CARD_KIND_NOTES[card.kind] or f"{reader} reads it out and answers first."
            self._set("#card-note", ("★ starred · " if card.starred else "") + note)
        else:
            self._set("#card-note", "")
        self._set("#stems", "\n".join(f"“{stem}”" for stem in view.stems))
        self._set("#topics", ("Ideas: " + " · ".join(view.topics)) if view.topics else "")
        if view.commitments:
            names = self.engine.partners
            lines = [f"{names.name(seat)} said: {text}" for seat, text in view.commitments.items()]
            self._set("#intro", "Last time you each promised something:\n" + "\n".join(lines))

    def _set(self, selector: str, text: str) -> None:
        widget = self.query_one(selector, Static)
        widget.display = bool(text)
        widget.update(text)

    def _show_answers(self, view: StepView) -> None:
        area = self.query_one("#answer-area")
        reveal = self.query_one("#reveal", Static)
        spec = view.input
        waiting = [seat for seat in Seat if spec and seat in spec.seats and seat not in spec.answered]
        area.display = bool(waiting)
        if spec is None or not waiting:
            self.typing_for = None
            reveal.display = bool(spec and spec.answers)
            if spec and spec.answers:
                reveal.update(self._revealed(spec, view.note))
            if self.focused is not None and isinstance(self.focused, Input):
                self.set_focus(None)
            return
        reveal.display = False
        seat = waiting[0]
        if self.typing_for != seat:
            self.typing_for = seat
            self._ask(seat, spec)

    def _ask(self, seat: Seat, spec: InputView) -> None:
        partners = self.engine.partners
        name, other = partners[seat], partners[seat.other]
        who = Content.styled(name.name, f"bold {seat_colour(name.colour, seat)}")
        label = Content.assemble(who, ", ", _what_to_type(spec))
        if spec.private and seat.other in spec.seats:
            label = Content.assemble(label, f" — {other.name}, please look away for a moment.")
        self.query_one("#answer-label", Static).update(label)
        answer = self.query_one("#answer", Input)
        answer.password = spec.private
        answer.value = ""
        answer.placeholder = _placeholder(spec)
        answer.focus()

    def _revealed(self, spec: InputView, note: str) -> Content:
        lines: list[Content] = []
        for seat in Seat:
            if seat in spec.answers:
                partner = self.engine.partners[seat]
                value = spec.answers[seat]
                name = Content.styled(partner.name, f"bold {seat_colour(partner.colour, seat)}")
                lines.append(Content.assemble(name, f": {value if value != '' else '(passed)'}"))
        if note:
            lines += [Content(""), Content(note)]
        return Content("\n").join(lines)

    def _chime_once(self, view: StepView) -> None:
        if view.timer.is_over and self.chimed_step != view.number:
            self.chimed_step = view.number
            if self.tandem.settings.chime:
                self.app.bell()

    # --- keys -------------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        view = self.engine.current
        if view is None:
            return action == "stop"
        if action in ("yes", "no"):
            seat = Seat(str(parameters[0]))
            if action == "no":
                return seat == view.check_by or seat in view.ready
            return seat in view.needs or seat == view.check_by or view.kind == "choose_first"
        if action == "next":
            return view.can_next
        if action == "skip":
            return view.can_skip
        if action == "star":
            return view.card is not None
        if action == "add_minute":
            return view.timer.remaining is not None
        return True

    def _after(self, acted: bool) -> None:
        if acted:
            self.refresh_view()
            self.save_progress()

    def action_yes(self, seat: str) -> None:
        self._after(self.engine.press_yes(Seat(seat)))

    def action_no(self, seat: str) -> None:
        self._after(self.engine.press_no(Seat(seat)))

    def action_next(self) -> None:
        self._after(self.engine.next())

    def action_skip(self) -> None:
        self._after(self.engine.skip())

    def action_star(self) -> None:
        self._after(self.engine.star())

    def action_add_minute(self) -> None:
        self._after(self.engine.add_minute())

    def action_pause(self) -> None:
        if not self.engine.paused:
            self.engine.toggle_pause()
        self.refresh_view()
        self.save_progress(force=True)
        self.app.push_screen(TimeOutScreen(), self._time_out_over)

    def _time_out_over(self, keep_going: bool | None) -> None:
        if keep_going:
            if self.engine.paused:
                self.engine.toggle_pause()
            self.refresh_view()
        else:
            # Saved as in progress: the next start offers to resume it.
            self.dismiss()

    def action_stop(self) -> None:
        self.app.push_screen(
            ConfirmScreen("Stop this session here?", "What you have done so far is kept.", yes="Stop", no="Carry on"),
            self._stop_confirmed,
        )

    def _stop_confirmed(self, stop: bool | None) -> None:
        if stop:
            self.engine.stop()
            self.save_progress()  # a finished engine hands over to the summary

    @on(Input.Submitted, "#answer")
    def answer_submitted(self, event: Input.Submitted) -> None:
        view = self.engine.current
        seat = self.typing_for
        if view is None or view.input is None or seat is None:
            return
        accepted = _submit(self.engine, seat, view.input, event.value)
        if not accepted:
            event.input.value = ""
            self.notify(_placeholder(view.input), title="Not quite a valid answer", severity="warning", markup=False)
            return
        self.typing_for = None
        self._after(True)

    # --- saving -----------------------------------------------------------------------------

    def save_progress(self, *, force: bool = False) -> None:
        """Save after every step (and on time-out or stop); the store writes off the UI loop."""
        if self.engine.finished:
            self.tandem.session_finished(self.engine, self)
            return
        view = self.engine.current
        number = view.number if view else 0
        if force or number != self.saved_step:
            self.saved_step = number
            self.tandem.save_session(self.engine, self.session_title, self.started_from)


def _what_to_type(spec: InputView) -> str:
    if spec.kind is InputKind.SCALE and spec.scale:
        return f"type a number from {spec.scale[0]} to {spec.scale[1]} and press Enter"
    if spec.kind is InputKind.CHOICE:
        return "type the number of your answer and press Enter"
    optional = "" if spec.required else " (or just press Enter to pass)"
    return f"type your answer and press Enter{optional}"


def _placeholder(spec: InputView) -> str:
    if spec.kind is InputKind.SCALE and spec.scale:
        return f"a number from {spec.scale[0]} to {spec.scale[1]}"
    if spec.kind is InputKind.CHOICE:
        return "  ·  ".join(f"{number} {option}" for number, option in enumerate(spec.options, 1))
    return "your answer"


def _submit(engine: SessionEngine, seat: Seat, spec: InputView, typed: str) -> bool:
    typed = typed.strip()
    if spec.kind is InputKind.TEXT:
        return engine.submit_text(seat, typed)
    if not typed.isdigit():
        return False
    if spec.kind is InputKind.SCALE:
        return engine.submit_rating(seat, int(typed))
    index = int(typed) - 1
    return 0 <= index < len(spec.options) and engine.submit_choice(seat, spec.options[index])
