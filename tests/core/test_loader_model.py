"""Good files become the model, with every value as written."""

from __future__ import annotations

from tui.core.loader import load_file
from tui.core.model import (
    AnswerKind,
    Appreciation,
    Breathe,
    Card,
    CardKind,
    CardOrder,
    Cards,
    CheckIn,
    FirstSpeaker,
    Phase,
    Plan,
    PlanStep,
    Presence,
    Question,
    Record,
    Role,
    Turns,
)

ALL_TYPES = """\
id: talk
type: turns
title: "Talk [b]bold[/b] 💬 — café"
summary: Take the floor in turn.
themes: [listening, trust]
rounds: 2
first: alternate
topics: [money, "[/]"]
phases:
  - role: speaker
    duration: 1m30s
    prompt: Say what is on your mind.
    stems: ["I feel…", "What I need is…"]
  - role: listener
    duration: 45s
    prompt: Say back what you heard.
    check: true
    confirm: true
---
id: thanks
type: appreciation
title: Thanks
per_person: 2
duration: 2m
stems: [One thing I loved this week was…]
receive: Just take it in.
record: required
---
id: deck
type: cards
title: Deck
order: by_level
draw: 2
per_card: 3m
cards:
  - A plain card
  - text: A private one
    level: 2
    kind: private
    tags: [guess]
  - text: "[@click=app.quit]do it[/]"
    level: 3
    kind: task
---
id: breathe
type: presence
title: Breathe
duration: 3m
prompt: Breathe together.
breathe: {in: 4s, hold: 2, out: 6s}
---
id: closeness
type: check_in
title: Check-in
questions:
  - text: How close do you feel?
    measure: closeness
    follow_up: What would raise it by one?
  - text: One thing you will do this week
    answer: text
  - Plain question
---
id: evening
type: plan
title: Evening
minutes: 20
steps:
  - closeness
  - {exercise: talk, rounds: 1}
  - exercise: deck
    draw: 1
"""


def test_every_type_reads_into_the_model() -> None:
    result = load_file("all.yaml", ALL_TYPES.encode())
    assert result.problems == []
    talk, thanks, deck, breathe, closeness, evening = result.exercises

    assert isinstance(talk, Turns)
    assert talk.title == "Talk [b]bold[/b] 💬 — café"
    assert talk.themes == ("listening", "trust")
    assert (talk.rounds, talk.first, talk.topics) == (2, FirstSpeaker.ALTERNATE, ("money", "[/]"))
    assert talk.phases == (
        Phase(role=Role.SPEAKER, duration=90, prompt="Say what is on your mind.", stems=("I feel…", "What I need is…")),
        Phase(role=Role.LISTENER, duration=45, prompt="Say back what you heard.", check=True, confirm=True),
    )
    assert isinstance(thanks, Appreciation)
    assert (thanks.per_person, thanks.duration, thanks.record) == (2, 120, Record.REQUIRED)

    assert isinstance(deck, Cards)
    assert (deck.order, deck.draw, deck.per_card) == (CardOrder.BY_LEVEL, 2, 180)
    assert deck.cards == (
        Card(text="A plain card"),
        Card(text="A private one", level=2, kind=CardKind.PRIVATE, tags=("guess",)),
        Card(text="[@click=app.quit]do it[/]", level=3, kind=CardKind.TASK),
    )
    assert isinstance(breathe, Presence)
    assert breathe.breathe == Breathe(inhale=4, hold=2, exhale=6)

    assert isinstance(closeness, CheckIn)
    assert closeness.questions == (
        Question(text="How close do you feel?", measure="closeness", follow_up="What would raise it by one?"),
        Question(text="One thing you will do this week", answer=AnswerKind.TEXT),
        Question(text="Plain question"),
    )
    assert isinstance(evening, Plan)
    assert evening.minutes == 20
    assert evening.steps == (
        PlanStep(exercise="closeness"),
        PlanStep(exercise="talk", overrides=(("rounds", 1),)),
        PlanStep(exercise="deck", overrides=(("draw", 1),)),
    )
    assert evening.origin.line == ALL_TYPES.splitlines().index("id: evening") + 1


def test_check_belongs_on_a_listener_phase() -> None:
    data = b"id: t\ntype: turns\ntitle: T\nphases:\n  - {role: speaker, duration: 1m, prompt: p, check: true}\n"
    (problem,) = load_file("t.yaml", data).problems
    assert "listener phase" in problem.message and problem.line == 5


def test_fingerprint_follows_the_definition_not_the_file() -> None:
    first = load_file("a.yaml", ALL_TYPES.encode()).exercises[0]
    moved = load_file("b.yaml", b"\n\n" + ALL_TYPES.encode()).exercises[0]
    changed = load_file("c.yaml", ALL_TYPES.replace("1m30s", "2m").encode()).exercises[0]
    assert first.fingerprint() == moved.fingerprint() != changed.fingerprint()


def test_plain_values_in_text_places_are_text() -> None:
    data = b"id: d\ntype: cards\ntitle: 1984\nsummary: Since 2024-05-01\ncards:\n  - 42\n  - 2024-05-01\n---\n"
    result = load_file("d.yaml", data)
    assert result.problems == []
    (deck,) = result.exercises
    assert (deck.title, deck.summary) == ("1984", "Since 2024-05-01")
    assert [card.text for card in deck.cards] == ["42", "2024-05-01"]


def test_a_plan_step_cannot_override_steps() -> None:
    data = b"id: p\ntype: plan\ntitle: P\nsteps:\n  - {exercise: q, steps: [r]}\n"
    (problem,) = load_file("p.yaml", data).problems
    assert problem.message.startswith("unknown key `steps`")
