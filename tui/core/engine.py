"""The session engine: runs exercises as steps, keeps time, and records what happened.

Screens render `current` and turn keys into calls:

    f / j        press_yes(Seat.LEFT / Seat.RIGHT)   ready, go first, "yes, that landed"
    d / k        press_no(Seat.LEFT / Seat.RIGHT)    "not quite" (speaker), or take back a tick
    n            next()          s  skip()          *  star()
    space        toggle_pause()  +  add_minute()
    typed input  submit_text / submit_rating / submit_choice

Every call returns whether it did something, so a screen can ignore a key
quietly. While paused only toggle_pause, add_minute and stop act: nothing
moves on behind a time-out. Time comes only from the injected clock.
"""

from __future__ import annotations

import copy
import random
import uuid
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Any

from tui.core.breath import breath_at
from tui.core.clock import Clock, utc_now
from tui.core.deck import draw_cards
from tui.core.model import Card, Cards, Exercise, FirstSpeaker, Plan, Seat, Turns
from tui.core.outcome import (
    AppreciationRecord,
    CardRecord,
    CardStatus,
    CheckInRecord,
    CommitmentReview,
    ExerciseRun,
    SessionOutcome,
    StepEnd,
    StepRecord,
    to_json_types,
)
from tui.core.partners import Partners
from tui.core.record import Status
from tui.core.steps import (
    BOTH,
    CLOSING_TITLE,
    COMMITMENT_MEASURE,
    REVIEW_TITLE,
    InputKind,
    Step,
    StepKind,
    asks_for_commitments,
    choose_first_step,
    closing_steps,
    exercise_steps,
    review_step,
)
from tui.core.timer import StepTimer
from tui.core.view import CardView, InputView, StepView

SNAPSHOT_SCHEMA = 1

Answer = int | str


class SnapshotMismatch(ValueError):
    """The snapshot cannot be resumed with these exercises (they changed since, or it is from another version)."""


class _Part(StrEnum):
    REVIEW = "review"
    CHOOSE = "choose"
    EXERCISE = "exercise"
    CLOSING = "closing"


@dataclass(frozen=True)
class _Block:
    """A part of the session, expanded into steps when it begins (so a choice made earlier can shape it)."""

    part: _Part
    exercise_index: int | None = None


@dataclass
class _Live:
    timer: StepTimer
    attempt: int = 1
    ready: set[Seat] = field(default_factory=set)
    answers: dict[Seat, Answer] = field(default_factory=dict)
    starred: bool = False


class SessionEngine:
    def __init__(
        self,
        exercises: Sequence[Exercise],
        partners: Partners,
        clock: Clock,
        rng: random.Random,
        *,
        seen_cards: Collection[str] = frozenset(),
        last_first_seat: Seat | None = None,
        previous_commitments: Mapping[Seat, str] | None = None,
        closing: bool = True,
        wall: Callable[[], datetime] = utc_now,
        session_id: str | None = None,
    ) -> None:
        """Run `exercises` in order (plans already expanded by the library).

        `seen_cards`: keys of cards answered in earlier sessions, drawn last.
        `last_first_seat`: who held the floor first last time (for `first: alternate`).
        `previous_commitments`: last session's commitments, reviewed at the start.
        `closing`: end with closeness, a takeaway and a commitment each.
        """
        outcome = SessionOutcome(
            id=session_id or str(uuid.uuid4()),
            partners=partners,
            exercises=[ExerciseRun.of(exercise) for exercise in exercises],
        )
        self._setup(exercises, clock, wall, outcome, closing, previous_commitments or {})
        self._decide(rng, seen_cards, last_first_seat)

    def _setup(
        self,
        exercises: Sequence[Exercise],
        clock: Clock,
        wall: Callable[[], datetime],
        outcome: SessionOutcome,
        closing: bool,
        previous_commitments: Mapping[Seat, str],
    ) -> None:
        """What a new and a restored engine share."""
        if any(isinstance(exercise, Plan) for exercise in exercises):
            raise TypeError("expand plans into their exercises before running them (Library.expand)")
        self._exercises = tuple(exercises)
        self._clock = clock
        self._wall = wall
        self._outcome = outcome
        self._closing = closing
        self._previous_commitments = {seat: text for seat, text in previous_commitments.items() if text.strip()}
        self._blocks = self._plan_blocks()
        if not self._blocks:
            raise ValueError("a session needs at least one exercise or the closing steps")
        # Who goes first in each exercise, and the cards drawn, by exercise index.
        self._firsts: dict[int, Seat] = {}
        self._decks: dict[int, tuple[str, ...]] = {}
        self._block_index = -1
        self._steps: list[Step] = []
        self._step_index = -1
        self._number = 0
        self._live: _Live | None = None

    # --- reading -------------------------------------------------------------------------------

    @property
    def partners(self) -> Partners:
        return self._outcome.partners

    @property
    def started(self) -> bool:
        return self._outcome.started is not None

    @property
    def finished(self) -> bool:
        return self._outcome.status is not Status.IN_PROGRESS

    @property
    def paused(self) -> bool:
        return self._live is not None and self._live.timer.paused

    @property
    def current(self) -> StepView | None:
        """The step on screen, read now; None before start() and once finished."""
        live = self._live
        if live is None:
            return None
        step = self._step
        block = self._blocks[self._block_index]
        exercise = self._exercise(block)
        reading = live.timer.reading()
        revealed = self._revealed()
        return StepView(
            kind=step.kind,
            number=self._number,
            title=exercise.title if exercise else (REVIEW_TITLE if block.part is _Part.REVIEW else CLOSING_TITLE),
            exercise_id=exercise.id if exercise else None,
            exercise_number=None if block.exercise_index is None else block.exercise_index + 1,
            exercise_count=len(self._exercises),
            position=self._step_index + 1,
            steps_in_part=len(self._steps),
            header=step.header if live.attempt == 1 else f"{step.header} · try {live.attempt}",
            prompt=step.prompt,
            intro=step.intro,
            stems=step.stems,
            note=step.note if revealed else "",
            topics=step.topics,
            roles=dict(step.roles),
            floor=step.floor,
            needs=self._needs(step),
            ready=frozenset(live.ready),
            can_next=self._can_next(),
            can_skip=self._acting and step.skippable,
            check_by=step.check_by,
            attempt=live.attempt,
            timer=reading,
            card=None
            if step.card is None
            else CardView(step.card.text, step.card.kind, step.card.level, step.reader, live.starred),
            input=None
            if step.input is None
            else InputView(
                kind=step.input.kind,
                seats=step.input.seats,
                private=step.input.private,
                required=step.input.required,
                scale=step.input.scale,
                options=step.input.options,
                answered=frozenset(live.answers),
                revealed=revealed,
                answers=dict(live.answers) if revealed else {},
            ),
            breath=None if step.breathe is None else breath_at(step.breathe, reading.elapsed),
            commitments=dict(step.commitments),
        )

    def outcome(self) -> SessionOutcome:
        """What happened so far: every finished step (the current one is added when it ends)."""
        return copy.deepcopy(self._outcome)

    # --- acting --------------------------------------------------------------------------------

    def start(self) -> None:
        if self.started:
            return
        self._outcome.started = self._wall().isoformat()
        self._advance()

    def press_yes(self, seat: Seat) -> bool:
        """The seat's own key: ready, "I'll go first", or (speaker on a checked reflection) "yes, that landed"."""
        if not self._acting:
            return False
        step, live = self._step, self._live
        if step.kind is StepKind.CHOOSE_FIRST:
            self._firsts[self._blocks[self._block_index].exercise_index] = seat
            self._move_on(StepEnd.DONE)
            return True
        if self._waiting_for_answers() or seat not in self._needs(step) or seat in live.ready:
            return False
        live.ready.add(seat)
        if live.ready >= self._needs(step):
            self._move_on(StepEnd.DONE)
        return True

    def press_no(self, seat: Seat) -> bool:
        """The key beside it: the speaker's "not quite" (the listener tries again), or taking back a ready tick."""
        if not self._acting:
            return False
        step, live = self._step, self._live
        if seat == step.check_by:
            self._try_again()
            return True
        if seat in live.ready:
            live.ready.discard(seat)
            return True
        return False

    def next(self) -> bool:
        if not self._can_next():
            return False
        self._move_on(StepEnd.DONE)
        return True

    def skip(self) -> bool:
        """Pass on a card or a question, no reason asked."""
        if not (self._acting and self._step.skippable):
            return False
        self._move_on(StepEnd.SKIPPED)
        return True

    def star(self) -> bool:
        """Mark the current card (or unmark it)."""
        if not (self._acting and self._step.card):
            return False
        self._live.starred = not self._live.starred
        return True

    def toggle_pause(self) -> bool:
        if self._live is None:
            return False
        timer = self._live.timer
        if timer.paused:
            timer.resume()
        else:
            timer.pause()
        return True

    def add_minute(self) -> bool:
        return self._live is not None and self._live.timer.add_minute()

    def submit_text(self, seat: Seat, text: str) -> bool:
        """A typed answer, appreciation, takeaway or commitment; empty text passes where answers are optional."""
        text = text.strip()
        if not text and self._step_input_required():
            return False
        return self._submit(seat, InputKind.TEXT, text)

    def submit_rating(self, seat: Seat, value: int) -> bool:
        spec = self._step.input if self._live else None
        if isinstance(value, bool) or not isinstance(value, int) or spec is None or spec.scale is None:
            return False
        low, high = spec.scale
        return low <= value <= high and self._submit(seat, InputKind.SCALE, value)

    def submit_choice(self, seat: Seat, choice: str) -> bool:
        spec = self._step.input if self._live else None
        return spec is not None and choice in spec.options and self._submit(seat, InputKind.CHOICE, choice)

    def stop(self) -> bool:
        """End the session early; what happened so far is kept."""
        if self.finished or not self.started:
            return False
        if self._live is not None:
            self._record(StepEnd.STOPPED)
        self._end(Status.STOPPED)
        return True

    # --- snapshots -----------------------------------------------------------------------------

    def snapshot(self) -> dict[str, Any]:
        """Everything needed to resume later, as JSON types."""
        live = self._live
        return to_json_types({
            "schema": SNAPSHOT_SCHEMA,
            "outcome": self._outcome.to_dict(),
            "closing": self._closing,
            "previous_commitments": dict(self._previous_commitments),
            "firsts": {str(index): seat for index, seat in self._firsts.items()},
            "decks": {str(index): list(keys) for index, keys in self._decks.items()},
            "block": self._block_index,
            "step": self._step_index,
            "number": self._number,
            "live": None
            if live is None
            else {
                "timer": live.timer.to_dict(),
                "attempt": live.attempt,
                "ready": sorted(live.ready),
                "answers": dict(live.answers),
                "starred": live.starred,
            },
        })

    @classmethod
    def restore(
        cls,
        snapshot: Mapping[str, Any],
        exercises: Sequence[Exercise],
        clock: Clock,
        *,
        wall: Callable[[], datetime] = utc_now,
    ) -> SessionEngine:
        """The engine as it was at `snapshot`, with the same exercises (checked by fingerprint).

        The step carries on where it was, paused if it was paused; the time between
        the snapshot and now is not counted. No generator is needed: every random
        choice was made when the session was created, and the snapshot holds them.
        """
        if snapshot.get("schema") != SNAPSHOT_SCHEMA:
            raise SnapshotMismatch(f"snapshot schema {snapshot.get('schema')!r}; this version reads {SNAPSHOT_SCHEMA}")
        outcome = SessionOutcome.from_dict(snapshot["outcome"])
        if outcome.exercises != [ExerciseRun.of(exercise) for exercise in exercises]:
            raise SnapshotMismatch("the exercises changed since this session was saved")
        engine = cls.__new__(cls)
        previous = {Seat(seat): text for seat, text in snapshot["previous_commitments"].items()}
        engine._setup(exercises, clock, wall, outcome, snapshot["closing"], previous)
        engine._firsts = {int(index): Seat(seat) for index, seat in snapshot["firsts"].items()}
        engine._decks = {int(index): tuple(keys) for index, keys in snapshot["decks"].items()}
        engine._number = snapshot["number"]
        live = snapshot["live"]
        if live is not None:
            engine._block_index = snapshot["block"]
            engine._steps = engine._expand(engine._blocks[engine._block_index])
            engine._step_index = snapshot["step"]
            engine._live = _Live(
                timer=StepTimer.from_dict(clock, live["timer"]),
                attempt=live["attempt"],
                ready={Seat(seat) for seat in live["ready"]},
                answers={Seat(seat): answer for seat, answer in live["answers"].items()},
                starred=live["starred"],
            )
        return engine

    # --- inside --------------------------------------------------------------------------------

    def _plan_blocks(self) -> list[_Block]:
        blocks = [_Block(_Part.REVIEW)] if self._previous_commitments else []
        for index, exercise in enumerate(self._exercises):
            if isinstance(exercise, Turns) and exercise.first is FirstSpeaker.CHOOSE:
                blocks.append(_Block(_Part.CHOOSE, index))
            blocks.append(_Block(_Part.EXERCISE, index))
        if self._closing:
            blocks.append(_Block(_Part.CLOSING))
        return blocks

    def _expand(self, block: _Block) -> list[Step]:
        exercise = self._exercise(block)
        match block.part:
            case _Part.REVIEW:
                return [review_step(self._previous_commitments)]
            case _Part.CHOOSE:
                return [choose_first_step(exercise)]
            case _Part.CLOSING:
                return closing_steps(ask_commitments=not any(map(asks_for_commitments, self._exercises)))
        index = block.exercise_index
        return exercise_steps(exercise, self.partners, self._firsts[index], self._deck(index))

    def _exercise(self, block: _Block) -> Exercise | None:
        return None if block.exercise_index is None else self._exercises[block.exercise_index]

    def _decide(self, rng: random.Random, seen_cards: Collection[str], last_first_seat: Seat | None) -> None:
        """Every random choice, made up front so a snapshot can carry them (only `choose` waits for a key).

        Exercises start with whoever did not start last time (or a seat drawn at
        random the first time); `first: random` draws its own.
        """
        opening = last_first_seat.other if last_first_seat else rng.choice(list(Seat))
        for index, exercise in enumerate(self._exercises):
            first = exercise.first if isinstance(exercise, Turns) else None
            if first is FirstSpeaker.RANDOM:
                self._firsts[index] = rng.choice(list(Seat))
            elif first is not FirstSpeaker.CHOOSE:
                self._firsts[index] = opening
            if isinstance(exercise, Cards):
                self._decks[index] = tuple(card.key for card in draw_cards(exercise, seen_cards, rng))

    def _deck(self, index: int) -> tuple[Card, ...]:
        if index not in self._decks:
            return ()
        by_key = {card.key: card for card in self._exercises[index].cards}
        return tuple(by_key[key] for key in self._decks[index])

    @property
    def _step(self) -> Step:
        return self._steps[self._step_index]

    @property
    def _acting(self) -> bool:
        return self._live is not None and not self._live.timer.paused

    @staticmethod
    def _needs(step: Step) -> frozenset[Seat]:
        # A checked reflection waits only for the speaker's answer, unless both must confirm.
        return frozenset({step.check_by}) if step.check_by and not step.confirm else BOTH

    def _answers_complete(self) -> bool:
        spec = self._step.input
        return spec is None or spec.seats <= self._live.answers.keys()

    def _revealed(self) -> bool:
        spec = self._step.input
        return spec is None or not spec.private or self._answers_complete()

    def _step_input_required(self) -> bool:
        return self._live is not None and self._step.input is not None and self._step.input.required

    def _waiting_for_answers(self) -> bool:
        return self._step_input_required() and not self._answers_complete()

    def _can_next(self) -> bool:
        step = self._step if self._acting else None
        return (
            step is not None
            and step.kind is not StepKind.CHOOSE_FIRST
            and not step.confirm
            and step.check_by is None
            and not self._waiting_for_answers()
        )

    def _submit(self, seat: Seat, kind: InputKind, value: Answer) -> bool:
        if not self._acting:
            return False
        spec = self._step.input
        if spec is None or spec.kind is not kind or seat not in spec.seats:
            return False
        if spec.private and self._answers_complete():
            return False  # revealed answers stay as they were shown
        self._live.answers[seat] = value
        return True

    def _advance(self) -> None:
        """Begin the next step, expanding the next part of the session when this one is done."""
        self._step_index += 1
        while self._step_index >= len(self._steps):
            if self._block_index + 1 >= len(self._blocks):
                self._end(Status.COMPLETED)
                return
            self._block_index += 1
            self._steps = self._expand(self._blocks[self._block_index])
            self._step_index = 0
        self._begin(attempt=1)

    def _begin(self, attempt: int) -> None:
        timer = StepTimer(self._clock, self._step.planned)
        timer.start()
        self._live = _Live(timer, attempt)
        self._number += 1
        if self._outcome.first_seat is None:
            self._outcome.first_seat = self._step.floor

    def _move_on(self, ended: StepEnd) -> None:
        self._record(ended)
        self._advance()

    def _try_again(self) -> None:
        """The reflection did not land: the listener's phase runs again, with a fresh timer."""
        listener = self._step.check_by.other
        self._outcome.reflections[listener].attempts += 1
        attempt = self._live.attempt
        self._record(StepEnd.NOT_QUITE)
        self._begin(attempt + 1)

    def _end(self, status: Status) -> None:
        self._live = None
        self._outcome.status = status
        self._outcome.ended = self._wall().isoformat()

    def _record(self, ended: StepEnd) -> None:
        """Add the current step to the outcome, with whatever it produced."""
        step, live, outcome = self._step, self._live, self._outcome
        exercise = self._exercise(self._blocks[self._block_index])
        exercise_id = exercise.id if exercise else None
        reading = live.timer.reading()
        record = StepRecord(
            kind=step.kind,
            exercise_id=exercise_id,
            header=step.header,
            planned=step.planned,
            added=reading.added,
            actual=round(reading.elapsed, 3),
            pauses=reading.pauses,
            paused_seconds=round(reading.paused_seconds, 3),
            floor=step.floor,
            ended=ended,
            attempt=live.attempt,
        )
        outcome.steps.append(record)
        if step.floor is not None:
            outcome.floor_seconds[step.floor] = round(outcome.floor_seconds[step.floor] + record.actual, 3)
        given = {seat: answer for seat, answer in live.answers.items() if answer != ""}
        match step.kind:
            case StepKind.PHASE if step.check_by and ended is StepEnd.DONE:
                stats = outcome.reflections[step.check_by.other]
                stats.checks += 1
                stats.attempts += 1
                stats.landed_first_time += live.attempt == 1
            case StepKind.CARD:
                status = {StepEnd.DONE: CardStatus.ANSWERED, StepEnd.SKIPPED: CardStatus.SKIPPED}.get(
                    ended, CardStatus.UNFINISHED
                )
                outcome.cards.append(
                    CardRecord(
                        exercise_id=exercise_id,
                        key=step.card.key,
                        text=step.card.text,
                        kind=step.card.kind,
                        level=step.card.level,
                        reader=step.reader,
                        status=status,
                        starred=live.starred,
                        answers=given if self._answers_complete() else {},
                    )
                )
            case StepKind.APPRECIATION:
                outcome.appreciations.extend(
                    AppreciationRecord(exercise_id, seat, text) for seat, text in given.items()
                )
            case StepKind.QUESTION if self._answers_complete():
                question = step.question
                outcome.check_ins.append(
                    CheckInRecord(exercise_id, question.text, question.measure, question.answer, given)
                )
                if question.measure == COMMITMENT_MEASURE and step.input.kind is InputKind.TEXT:
                    outcome.commitments.update(given)
            case StepKind.REVIEW:
                outcome.reviews.extend(
                    CommitmentReview(seat, text, live.answers.get(seat)) for seat, text in step.commitments.items()
                )
            case StepKind.TAKEAWAY:
                outcome.takeaways.update(given)
            case StepKind.COMMITMENT:
                outcome.commitments.update(given)
