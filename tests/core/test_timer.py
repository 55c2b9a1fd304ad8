"""The soft step timer: deadline-based figures from an injected clock."""

from __future__ import annotations

import pytest

from tui.core.clock import FakeClock, MonotonicClock
from tui.core.timer import StepTimer


def started(clock: FakeClock, planned: float | None) -> StepTimer:
    timer = StepTimer(clock, planned)
    timer.start()
    return timer


def test_counts_down_from_the_clock() -> None:
    clock = FakeClock(1000.0)
    timer = started(clock, 90)
    clock.advance(30)
    reading = timer.reading()
    assert (reading.elapsed, reading.remaining, reading.overtime) == (30, 60, 0)
    assert reading.fraction == pytest.approx(1 / 3)
    assert not reading.is_over and not reading.in_wrap_up


def test_nothing_counts_before_start() -> None:
    clock = FakeClock()
    timer = StepTimer(clock, 60)
    clock.advance(10)
    assert timer.elapsed == 0
    timer.start()
    clock.advance(5)
    assert timer.elapsed == 5


def test_paused_time_is_not_counted() -> None:
    clock = FakeClock()
    timer = started(clock, 120)
    clock.advance(20)
    timer.pause()
    clock.advance(300)
    assert timer.elapsed == 20
    assert timer.reading().paused
    timer.pause()  # pausing twice is one pause
    timer.resume()
    clock.advance(10)
    timer.pause()
    clock.advance(5)
    timer.resume()
    reading = timer.reading()
    assert reading.elapsed == 30
    assert reading.pauses == 2
    assert reading.paused_seconds == 305
    assert not reading.paused


def test_soft_end_counts_overtime() -> None:
    clock = FakeClock()
    timer = started(clock, 60)
    clock.advance(75)
    reading = timer.reading()
    assert reading.is_over
    assert reading.remaining == 0
    assert reading.overtime == 15
    assert reading.fraction == 1.0
    assert not reading.in_wrap_up


def test_add_a_minute_extends_the_deadline_even_in_overtime() -> None:
    clock = FakeClock()
    timer = started(clock, 60)
    clock.advance(70)
    assert timer.add_minute()
    reading = timer.reading()
    assert (reading.planned, reading.added, reading.remaining, reading.overtime) == (120, 60, 50, 0)
    assert not reading.is_over


@pytest.mark.parametrize(
    ("planned", "elapsed", "warned"),
    [
        (600, 569, False),  # 30 s before the end of a long step
        (600, 571, True),
        (60, 50, False),  # 15% of a short step is 9 s
        (60, 52, True),
        (60, 60, False),  # over, not wrapping up
    ],
)
def test_wrap_up_warning(planned: int, elapsed: float, warned: bool) -> None:
    clock = FakeClock()
    timer = started(clock, planned)
    clock.advance(elapsed)
    assert timer.reading().in_wrap_up is warned


def test_untimed_step_counts_elapsed_only() -> None:
    clock = FakeClock()
    timer = started(clock, None)
    clock.advance(42)
    reading = timer.reading()
    assert reading.elapsed == 42
    assert reading.remaining is None and reading.fraction is None and reading.planned is None
    assert not reading.is_over and not reading.in_wrap_up
    assert not timer.add_minute()


def test_ten_minute_step_in_tiny_increments_does_not_drift() -> None:
    clock = FakeClock(12345.678)
    timer = started(clock, 600)
    step = 0.001
    for tick in range(1, 600_001):
        clock.advance(step)
        if tick % 60_000 == 0:  # the screen reads only now and then; reading must not matter
            timer.reading()
    reading = timer.reading()
    assert abs(reading.elapsed - 600) <= 0.05
    assert reading.remaining <= 0.05


def test_pausing_often_does_not_drift() -> None:
    clock = FakeClock()
    timer = started(clock, 600)
    for _ in range(6000):
        clock.advance(0.1)
        timer.pause()
        clock.advance(0.05)
        timer.resume()
    reading = timer.reading()
    assert abs(reading.elapsed - 600) <= 0.05
    assert abs(reading.paused_seconds - 300) <= 0.05
    assert reading.pauses == 6000


@pytest.mark.parametrize("paused", [False, True])
def test_round_trip_through_a_dict_keeps_figures_not_clock_readings(paused: bool) -> None:
    clock = FakeClock(50.0)
    timer = started(clock, 90)
    clock.advance(40)
    timer.add_minute()
    if paused:
        timer.pause()
        clock.advance(8)
    data = timer.to_dict()

    later = FakeClock(7.0)  # another process: a different monotonic origin
    restored = StepTimer.from_dict(later, data)
    later.advance(10)
    reading = restored.reading()
    assert reading.added == 60
    assert reading.paused is paused
    assert reading.elapsed == (40 if paused else 50)
    assert reading.pauses == int(paused)
    assert reading.paused_seconds == (18 if paused else 0)


def test_monotonic_clock_moves_forward() -> None:
    clock = MonotonicClock()
    first = clock.now()
    assert clock.now() >= first


def test_fake_clock_never_goes_back() -> None:
    clock = FakeClock(5.0)
    with pytest.raises(ValueError):
        clock.advance(-1)
    with pytest.raises(ValueError):
        clock.set(4.0)
    clock.set(9.5)
    assert clock.now() == 9.5
