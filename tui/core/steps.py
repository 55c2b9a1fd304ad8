"""The steps a session is made of, built from exercises.

A `Step` is static: what to show and what it asks of each seat. The engine
adds the live part (timer, ready ticks, answers) and gives screens a
`StepView`. Text from exercises is passed on exactly as written.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum

from tui.core.model import (
    AnswerKind,
    Appreciation,
    Breathe,
    Card,
    CardKind,
    Cards,
    CheckIn,
    Exercise,
    Presence,
    Question,
    Record,
    Role,
    Seat,
    Turns,
)
from tui.core.partners import Partners


class StepKind(StrEnum):
    REVIEW = "review"  # how last time's commitments went
    CHOOSE_FIRST = "choose_first"  # one partner takes the floor first
    PHASE = "phase"  # a turns phase: the speaker talks, or the listener reflects
    APPRECIATION = "appreciation"
    CARD = "card"
    PRESENCE = "presence"
    QUESTION = "question"  # a check-in question, answered privately
    TAKEAWAY = "takeaway"
    COMMITMENT = "commitment"


class SeatRole(StrEnum):
    SPEAKER = "speaker"
    LISTENER = "listener"
    GIVER = "giver"
    RECEIVER = "receiver"
    READER = "reader"  # reads the card out and answers first
    RESPONDER = "responder"  # answers the card after the reader
    TOGETHER = "together"  # both do the same thing
    ANSWERING = "answering"  # types or picks an answer
    CHOOSING = "choosing"  # may press to go first
    IDLE = "idle"


class InputKind(StrEnum):
    SCALE = "scale"
    TEXT = "text"
    CHOICE = "choice"


@dataclass(frozen=True, kw_only=True)
class InputSpec:
    kind: InputKind
    seats: frozenset[Seat]
    # Masked while typed; both answers revealed together once every seat has answered.
    private: bool = False
    # `n` and the ready keys wait for every seat's answer (skip still passes where allowed).
    required: bool = False
    scale: tuple[int, int] | None = None
    options: tuple[str, ...] = ()


@dataclass(frozen=True, kw_only=True)
class Step:
    kind: StepKind
    header: str
    roles: Mapping[Seat, SeatRole]
    prompt: str = ""
    # The exercise's general guidance, shown smaller above the prompt.
    intro: str = ""
    stems: tuple[str, ...] = ()
    # The receiver's note (appreciation) or a question's follow-up, shown once answers are revealed.
    note: str = ""
    # Planned seconds; None for untimed steps, which wait for the partners.
    planned: int | None = None
    # Whose talk time this step counts as.
    floor: Seat | None = None
    # Both partners press their key to go on; `n` alone does not.
    confirm: bool = False
    # The speaker who says whether the listener's reflection landed.
    check_by: Seat | None = None
    input: InputSpec | None = None
    skippable: bool = False
    card: Card | None = None
    reader: Seat | None = None
    breathe: Breathe | None = None
    topics: tuple[str, ...] = ()
    question: Question | None = None
    # Last time's commitments, on the review step.
    commitments: Mapping[Seat, str] = field(default_factory=dict)


BOTH = frozenset(Seat)
REVIEW_TITLE = "Before we begin"
CLOSING_TITLE = "Closing"
REVIEW_OPTIONS = ("kept", "partly", "not yet")
# A check-in question with this measure and a text answer is a commitment for next time.
COMMITMENT_MEASURE = "commitment"

CLOSENESS = Question(
    text="How close do you feel to your partner right now? (1 = far apart, 10 = very close)",
    measure="closeness",
    follow_up="If you like, say a word about your number.",
)


def exercise_steps(exercise: Exercise, partners: Partners, first: Seat, deck: Sequence[Card] = ()) -> list[Step]:
    """The steps of one exercise; `first` takes the floor first, `deck` is the cards drawn."""
    match exercise:
        case Turns():
            return turn_steps(exercise, partners, first)
        case Appreciation():
            return appreciation_steps(exercise, partners, first)
        case Cards():
            return card_steps(exercise, partners, first, deck)
        case Presence():
            return [presence_step(exercise)]
        case CheckIn():
            return question_steps(exercise.questions, exercise.prompt)
    raise TypeError(f"a session cannot run a {exercise.type} exercise; expand plans first")


def turn_steps(exercise: Turns, partners: Partners, first: Seat) -> list[Step]:
    steps = []
    for round_number in range(1, exercise.rounds + 1):
        for speaker in (first, first.other):
            listener = speaker.other
            for phase in exercise.phases:
                speaking = phase.role is Role.SPEAKER
                who = f"{partners.name(speaker)} speaks" if speaking else f"{partners.name(listener)} reflects"
                steps.append(
                    Step(
                        kind=StepKind.PHASE,
                        header=_numbered("Round", round_number, exercise.rounds, who),
                        roles={speaker: SeatRole.SPEAKER, listener: SeatRole.LISTENER},
                        prompt=phase.prompt,
                        stems=phase.stems,
                        planned=phase.duration,
                        floor=speaker if speaking else listener,
                        confirm=phase.confirm,
                        check_by=speaker if phase.check and not speaking else None,
                        topics=exercise.topics if not steps else (),
                    )
                )
    return steps


def choose_first_step(exercise: Turns) -> Step:
    return Step(
        kind=StepKind.CHOOSE_FIRST,
        header="Who starts?",
        roles=dict.fromkeys(Seat, SeatRole.CHOOSING),
        prompt="Whoever would like to go first, press your key to take the floor.",
        topics=exercise.topics,
    )


def appreciation_steps(exercise: Appreciation, partners: Partners, first: Seat) -> list[Step]:
    """Partners take turns, one appreciation at a time; each person's time is split evenly."""
    seconds = _split(exercise.duration, exercise.per_person)
    steps = []
    for number, planned in enumerate(seconds, start=1):
        for giver in (first, first.other):
            who = f"{partners.name(giver)} to {partners.name(giver.other)}"
            typed = None
            if exercise.record is not Record.NONE:
                typed = InputSpec(
                    kind=InputKind.TEXT, seats=frozenset({giver}), required=exercise.record is Record.REQUIRED
                )
            steps.append(
                Step(
                    kind=StepKind.APPRECIATION,
                    header=_numbered("Appreciation", number, exercise.per_person, who),
                    roles={giver: SeatRole.GIVER, giver.other: SeatRole.RECEIVER},
                    prompt=exercise.prompt,
                    stems=exercise.stems,
                    note=exercise.receive,
                    planned=planned,
                    floor=giver,
                    input=typed,
                )
            )
    return steps


def card_steps(exercise: Cards, partners: Partners, first: Seat, deck: Sequence[Card]) -> list[Step]:
    steps = []
    for index, card in enumerate(deck):
        reader = first if index % 2 == 0 else first.other
        if card.kind is CardKind.TALK:
            roles = {reader: SeatRole.READER, reader.other: SeatRole.RESPONDER}
        else:
            roles = dict.fromkeys(Seat, SeatRole.ANSWERING if card.kind is CardKind.PRIVATE else SeatRole.TOGETHER)
        private = card.kind is CardKind.PRIVATE
        steps.append(
            Step(
                kind=StepKind.CARD,
                header=_numbered("Card", index + 1, len(deck), f"{partners.name(reader)} reads"),
                roles=roles,
                prompt=card.text,
                intro=exercise.prompt,
                planned=exercise.per_card,
                floor=reader if card.kind is CardKind.TALK else None,
                input=InputSpec(kind=InputKind.TEXT, seats=BOTH, private=True, required=True) if private else None,
                skippable=True,
                card=card,
                reader=reader,
            )
        )
    return steps


def presence_step(exercise: Presence) -> Step:
    return Step(
        kind=StepKind.PRESENCE,
        header="Together",
        roles=dict.fromkeys(Seat, SeatRole.TOGETHER),
        prompt=exercise.prompt,
        planned=exercise.duration,
        breathe=exercise.breathe,
    )


def question_steps(questions: Sequence[Question], intro: str = "") -> list[Step]:
    steps = []
    for number, question in enumerate(questions, start=1):
        scale = question.answer is AnswerKind.SCALE
        steps.append(
            Step(
                kind=StepKind.QUESTION,
                header=_numbered("Question", number, len(questions), "") or "Check-in",
                roles=dict.fromkeys(Seat, SeatRole.ANSWERING),
                prompt=question.text,
                intro=intro,
                note=question.follow_up,
                input=InputSpec(
                    kind=InputKind.SCALE if scale else InputKind.TEXT,
                    seats=BOTH,
                    private=True,
                    required=True,
                    scale=question.scale if scale else None,
                ),
                skippable=True,
                question=question,
            )
        )
    return steps


def review_step(commitments: Mapping[Seat, str]) -> Step:
    return Step(
        kind=StepKind.REVIEW,
        header="Last time's commitments",
        roles={seat: SeatRole.ANSWERING if seat in commitments else SeatRole.IDLE for seat in Seat},
        prompt="Last time you each named one thing you would do for the other. How did it go? "
        "Each of you answers for your own.",
        input=InputSpec(kind=InputKind.CHOICE, seats=frozenset(commitments), options=REVIEW_OPTIONS),
        skippable=True,
        commitments=dict(commitments),
    )


def closing_steps(ask_commitments: bool) -> list[Step]:
    """The end of a session: closeness, a takeaway each, and (unless already asked) a commitment each."""
    steps = question_steps([CLOSENESS])
    steps.append(
        _open_text(
            StepKind.TAKEAWAY,
            "Something to keep",
            "If you like, write one line you want to remember from this session. Leave it empty to pass.",
        )
    )
    if ask_commitments:
        steps.append(
            _open_text(
                StepKind.COMMITMENT,
                "For the week ahead",
                "If you like, name one small thing you will do for your partner before you next sit down together. "
                "You'll see how it went next time.",
            )
        )
    return steps


def asks_for_commitments(exercise: Exercise) -> bool:
    return isinstance(exercise, CheckIn) and any(
        question.measure == COMMITMENT_MEASURE and question.answer is AnswerKind.TEXT for question in exercise.questions
    )


def _open_text(kind: StepKind, header: str, prompt: str) -> Step:
    return Step(
        kind=kind,
        header=header,
        roles=dict.fromkeys(Seat, SeatRole.ANSWERING),
        prompt=prompt,
        input=InputSpec(kind=InputKind.TEXT, seats=BOTH),
        skippable=True,
    )


def _numbered(noun: str, number: int, total: int, who: str) -> str:
    """"Round 2 of 3 · Sam speaks"; the count is left out when there is only one."""
    parts = [f"{noun} {number} of {total}"] if total > 1 else []
    if who:
        parts.append(who)
    return " · ".join(parts)


def _split(total: int, parts: int) -> list[int]:
    """`total` seconds in `parts` whole-second pieces that add up exactly."""
    if parts <= 0:
        return []
    base, extra = divmod(total, parts)
    return [base + (1 if index < extra else 0) for index in range(parts)]
