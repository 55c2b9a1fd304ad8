"""Realistic generated session records, for tests, benchmarks and screenshots.

Records are built from the outcome dataclasses and `to_dict()`, so they have
exactly the shape the engine saves. Text includes brackets, emoji and accents
on purpose: nothing downstream may treat it as markup.
"""

from __future__ import annotations

import hashlib
import random
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

from tui.core.model import AnswerKind, CardKind, Seat
from tui.core.outcome import (
    AppreciationRecord,
    CardRecord,
    CardStatus,
    CheckInRecord,
    CommitmentReview,
    ExerciseRun,
    ReflectionStats,
    SessionOutcome,
    StepEnd,
    StepRecord,
)
from tui.core.partners import Partner, Partners
from tui.core.record import Status
from tui.core.steps import CLOSENESS, REVIEW_OPTIONS, StepKind

PARTNERS = Partners(Partner("Sam [b]", "#e07a5f"), Partner("Zoë", "#3d85c6"))

CHECK_IN = ExerciseRun("closeness-check-in", "How are we doing?", "check_in", "c1c1c1c1c1c1c1c1")
TURNS = ExerciseRun("speaker-listener", "Speaker and listener", "turns", "5151515151515151")
APPRECIATION = ExerciseRun("three-appreciations", "Three good things", "appreciation", "a3a3a3a3a3a3a3a3")
PRESENCE = ExerciseRun("eyes-and-breath", "Breathe together", "presence", "b2b2b2b2b2b2b2b2")
DECKS = [
    ExerciseRun("deck-getting-closer", "Getting closer, step by step", "cards", "d1d1d1d1d1d1d1d1"),
    ExerciseRun("deck-dreams", "Dreams and the road ahead", "cards", "d2d2d2d2d2d2d2d2"),
    ExerciseRun("deck-fun", "Play and new things", "cards", "d3d3d3d3d3d3d3d3"),
    ExerciseRun("deck-repair", "Mending after a quarrel", "cards", "d4d4d4d4d4d4d4d4"),
]
CARD_TEXTS = [
    "What is a small thing I did this week that made your day easier? ☕",
    "When did you last feel really proud of us [as a team]?",
    "Which trip would you take tomorrow if money and time were no object?",
    "What is something you wish I asked you about more often?",
    "Tell me about a moment from your childhood that still makes you smile.",
    "What does a perfect lazy Sunday look like for you — café, forêt, or couch?",
    "What's a worry you've been carrying alone that I could share?",
    "Name three things you admire in me that you've never said out loud.",
]
TAKEAWAYS = [
    "Slow down when the other one is talking.",
    "Zoë wants more Sunday walks [noted].",
    "We laughed more than we expected 😊",
    "",
    "Ask before fixing.",
]
COMMITMENTS = ["Make breakfast on Saturday", "Phone-free dinner twice", "Ask about the new job", "Plan a day trip"]


def sample_session(
    rng: random.Random,
    started: datetime,
    *,
    status: Status = Status.COMPLETED,
    session_id: str | None = None,
    previous_commitments: dict[Seat, str] | None = None,
) -> dict[str, Any]:
    """One session as `outcome.to_dict()` gives it: a check-in, one or two exercises, the closing steps."""
    exercises = [CHECK_IN, *rng.sample([TURNS, APPRECIATION, PRESENCE, *DECKS], rng.choice((1, 2)))]
    outcome = SessionOutcome(
        id=session_id or str(uuid.UUID(int=rng.getrandbits(128), version=4)),
        partners=PARTNERS,
        exercises=exercises,
        status=status,
        started=started.isoformat(),
    )
    outcome.first_seat = rng.choice(list(Seat))
    if previous_commitments:
        _step(outcome, rng, StepKind.REVIEW, None, "Last time's commitments", None, 60)
        outcome.reviews = [
            CommitmentReview(seat, text, rng.choice([*REVIEW_OPTIONS, None])) for seat, text in previous_commitments.items()
        ]
    before = rng.randint(3, 9)
    _closeness(outcome, rng, CHECK_IN.id, before)
    for exercise in exercises[1:]:
        _exercise(outcome, rng, exercise)
    if status is Status.IN_PROGRESS:
        return outcome.to_dict()
    _closeness(outcome, rng, None, min(10, before + rng.randint(-1, 2)))
    if status is Status.COMPLETED:
        for kind, header, texts, target in (
            (StepKind.TAKEAWAY, "Something to keep", TAKEAWAYS, outcome.takeaways),
            (StepKind.COMMITMENT, "For the week ahead", COMMITMENTS, outcome.commitments),
        ):
            _step(outcome, rng, kind, None, header, None, 90)
            target.update({seat: text for seat in Seat if (text := rng.choice(texts))})
    elapsed = outcome.active_seconds + outcome.paused_seconds
    outcome.ended = (started + timedelta(seconds=elapsed)).isoformat()
    return outcome.to_dict()


def sample_history(
    count: int, *, end: datetime = datetime(2026, 11, 20, 20, 0, tzinfo=UTC), years: float = 10.0, seed: int = 7
) -> Iterator[dict[str, Any]]:
    """`count` sessions spread evenly over `years` before `end`, oldest first; about one in twelve stopped early."""
    rng = random.Random(seed)
    span = timedelta(days=365.25 * years)
    commitments: dict[Seat, str] = {}
    for index in range(count):
        started = end - span + span * (index / max(count, 1)) + timedelta(minutes=rng.randint(-90, 90))
        status = Status.STOPPED if rng.random() < 1 / 12 else Status.COMPLETED
        record = sample_session(rng, started, status=status, previous_commitments=commitments)
        if status is Status.COMPLETED:
            commitments = {Seat(seat): text for seat, text in record["commitments"].items()}
        yield record


def _step(
    outcome: SessionOutcome,
    rng: random.Random,
    kind: StepKind,
    exercise_id: str | None,
    header: str,
    floor: Seat | None,
    planned: int | None,
    *,
    ended: StepEnd = StepEnd.DONE,
    attempt: int = 1,
) -> None:
    actual = round((planned or 30) * rng.uniform(0.6, 1.3), 3)
    pauses = int(rng.random() < 0.1)
    outcome.steps.append(
        StepRecord(
            kind=kind,
            exercise_id=exercise_id,
            header=header,
            planned=planned,
            added=60 * int(rng.random() < 0.05),
            actual=actual,
            pauses=pauses,
            paused_seconds=round(pauses * rng.uniform(20, 300), 3),
            floor=floor,
            ended=ended,
            attempt=attempt,
        )
    )
    if floor is not None:
        outcome.floor_seconds[floor] += actual


def _closeness(outcome: SessionOutcome, rng: random.Random, exercise_id: str | None, centre: int) -> None:
    _step(outcome, rng, StepKind.QUESTION, exercise_id, "How close now?", None, 45)
    answers = {seat: max(1, min(10, centre + rng.randint(-1, 1))) for seat in Seat}
    outcome.check_ins.append(CheckInRecord(exercise_id, CLOSENESS.text, "closeness", AnswerKind.SCALE, answers))


def _exercise(outcome: SessionOutcome, rng: random.Random, exercise: ExerciseRun) -> None:
    first = outcome.first_seat or Seat.LEFT
    if exercise is TURNS:
        for round_number in (1, 2):
            for speaker in (first, first.other):
                header = f"Round {round_number} of 2 · {outcome.partners.name(speaker)} speaks"
                _step(outcome, rng, StepKind.PHASE, exercise.id, header, speaker, 90)
                stats: ReflectionStats = outcome.reflections[speaker.other]
                stats.checks += 1
                tries = 1 if rng.random() < 0.7 else 2
                stats.landed_first_time += tries == 1
                stats.attempts += tries
                for attempt in range(1, tries + 1):
                    ended = StepEnd.DONE if attempt == tries else StepEnd.NOT_QUITE
                    _step(outcome, rng, StepKind.PHASE, exercise.id, header, speaker.other, 60, ended=ended, attempt=attempt)
    elif exercise is APPRECIATION:
        for giver in (first, first.other):
            _step(outcome, rng, StepKind.APPRECIATION, exercise.id, f"{outcome.partners.name(giver)} gives", giver, 120)
            outcome.appreciations += [
                AppreciationRecord(exercise.id, giver, text) for text in rng.sample(TAKEAWAYS[:3] + COMMITMENTS, 3)
            ]
    elif exercise is PRESENCE:
        _step(outcome, rng, StepKind.PRESENCE, exercise.id, "Breathe together", None, 180)
    else:
        reader = first
        for text in rng.sample(CARD_TEXTS, rng.randint(3, 6)):
            skipped = rng.random() < 0.15
            end = StepEnd.SKIPPED if skipped else StepEnd.DONE
            _step(outcome, rng, StepKind.CARD, exercise.id, f"Card · {outcome.partners.name(reader)} reads", None, 180, ended=end)
            outcome.cards.append(
                CardRecord(
                    exercise_id=exercise.id,
                    key=hashlib.sha1(text.encode()).hexdigest()[:12],
                    text=text,
                    kind=CardKind.TALK,
                    level=rng.randint(1, 3),
                    reader=reader,
                    status=CardStatus.SKIPPED if skipped else CardStatus.ANSWERED,
                    starred=not skipped and rng.random() < 0.1,
                )
            )
            reader = reader.other
