"""The big clock of a step: time left (or overtime, after the chime) and a progress bar."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Digits, ProgressBar, Static

from tui.core.timer import TimerReading


def clock_face(seconds: float) -> str:
    minutes, secs = divmod(int(seconds), 60)
    return f"{minutes:02d}:{secs:02d}"


class Countdown(Vertical):
    def compose(self) -> ComposeResult:
        yield Digits("00:00", id="clock")
        yield ProgressBar(total=100, show_eta=False, show_percentage=False, id="progress")
        yield Static(id="clock-note", markup=False)

    def show(self, reading: TimerReading) -> None:
        # Called several times a second: touch only what changed, each update costs a layout.
        face = self.face(reading)
        if face == self.shown:
            return
        self.shown = face
        self._draw(reading)

    shown: tuple | None = None

    @staticmethod
    def face(reading: TimerReading) -> tuple:
        seconds = reading.elapsed if reading.remaining is None else (reading.remaining if not reading.is_over else -reading.overtime)
        fraction = None if reading.fraction is None else round(reading.fraction * 100)
        return (int(seconds), fraction, reading.in_wrap_up, reading.is_over, reading.paused)

    def _draw(self, reading: TimerReading) -> None:
        self.set_class(reading.in_wrap_up and not reading.is_over, "-wrap-up")
        self.set_class(reading.is_over, "-overtime")
        self.set_class(reading.paused, "-paused")
        digits = self.query_one("#clock", Digits)
        bar = self.query_one("#progress", ProgressBar)
        note = self.query_one("#clock-note", Static)
        bar.display = reading.fraction is not None
        if reading.remaining is None:
            # Untimed steps wait for the partners; the clock just keeps them company.
            digits.update(clock_face(reading.elapsed))
            note.update("no hurry")
            return
        bar.update(progress=round((reading.fraction or 0) * 100))
        if reading.is_over:
            digits.update("+" + clock_face(reading.overtime))
            note.update("time is up — finish your thought, then press n")
        else:
            digits.update(clock_face(reading.remaining + 0.999))
            note.update("paused" if reading.paused else ("time to wrap up" if reading.in_wrap_up else "remaining"))
