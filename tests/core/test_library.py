"""The library as a whole: layers, overrides, plans and estimates."""

from __future__ import annotations

from pathlib import Path

from tui.core.library import ExerciseFolder, load_library
from tui.core.model import Cards, Turns

TALK = """\
id: talk
type: turns
title: Talk
rounds: 2
phases:
  - {role: speaker, duration: 2m, prompt: Speak}
  - {role: listener, duration: 1m, prompt: Reflect}
"""
DECK = "id: deck\ntype: cards\ntitle: Deck\ncards: [a, b, c, d]\n"


def _folder(root: Path, name: str, **files: str) -> Path:
    folder = root / name
    folder.mkdir()
    for filename, text in files.items():
        (folder / f"{filename}.yaml").write_text(text)
    return folder


def test_user_file_replaces_a_builtin_with_a_notice(tmp_path: Path) -> None:
    builtin = _folder(tmp_path, "builtin", talk=TALK, deck=DECK)
    user = _folder(tmp_path, "user", mine=TALK.replace("title: Talk", "title: My talk"))
    library = load_library([ExerciseFolder(builtin, builtin=True), ExerciseFolder(user)])
    assert library.problems == []
    assert library["talk"].title == "My talk"
    (notice,) = library.notices
    assert notice.path.endswith("mine.yaml") and "`talk` replaces the built-in" in notice.message


def test_same_id_twice_in_one_layer_is_a_problem(tmp_path: Path) -> None:
    folder = _folder(tmp_path, "user", a=TALK, b=TALK.replace("Talk", "Other"))
    library = load_library([ExerciseFolder(folder)])
    (problem,) = library.problems
    assert problem.path.endswith("b.yaml") and "already used at" in problem.message
    assert library["talk"].title == "Talk"


def test_plan_problems_are_found_and_the_rest_still_loads(tmp_path: Path) -> None:
    plans = """\
id: missing-step
type: plan
title: M
steps: [talk, tlak]
---
id: self
type: plan
title: S
steps: [deck, self]
---
id: ping
type: plan
title: Ping
steps: [pong]
---
id: pong
type: plan
title: Pong
steps: [ping]
---
id: wrong-override
type: plan
title: W
steps:
  - {exercise: deck, rounds: 2}
---
id: uses-broken
type: plan
title: U
steps: [missing-step]
---
id: good
type: plan
title: Good
steps:
  - {exercise: talk, rounds: 1}
  - {exercise: deck, draw: 2}
"""
    folder = _folder(tmp_path, "user", talk=TALK, deck=DECK, plans=plans)
    library = load_library([ExerciseFolder(folder)])
    messages = {(p.line, p.message) for p in library.problems}
    assert messages == {
        (4, "no exercise has the id `tlak` — did you mean `talk`?"),
        (9, "this plan includes itself (self → self); a plan cannot repeat itself"),
        (14, "this plan includes itself (ping → pong → ping); a plan cannot repeat itself"),
        (19, "this plan includes itself (pong → ping → pong); a plan cannot repeat itself"),
        (25, "`rounds` does not apply to `deck`, a cards exercise"),
        (30, "step `missing-step` has problems of its own, so this plan cannot run"),
    }
    assert sorted(library.exercises) == ["deck", "good", "talk"]
    talk, deck = library.expand(library["good"])
    assert isinstance(talk, Turns) and talk.rounds == 1
    assert isinstance(deck, Cards) and deck.draw == 2


def test_nested_plans_expand_in_order(tmp_path: Path) -> None:
    plans = "id: inner\ntype: plan\ntitle: I\nsteps: [deck]\n---\nid: outer\ntype: plan\ntitle: O\nsteps: [talk, inner, deck]\n"
    library = load_library([ExerciseFolder(_folder(tmp_path, "user", talk=TALK, deck=DECK, plans=plans))])
    assert [step.id for step in library.expand(library["outer"])] == ["talk", "deck", "deck"]


def test_minutes_are_the_authors_or_computed(tmp_path: Path) -> None:
    plans = "id: both\ntype: plan\ntitle: B\nsteps: [talk, deck]\n---\nid: set\ntype: plan\ntitle: S\nminutes: 5\nsteps: [talk]\n"
    library = load_library([ExerciseFolder(_folder(tmp_path, "user", talk=TALK, deck=DECK, plans=plans))])
    assert library.minutes(library["talk"]) == 12  # 2 rounds x 2 partners x 3 minutes
    assert library.minutes(library["deck"]) == 6  # 4 cards x 90 s
    assert library.minutes(library["both"]) == 18
    assert library.minutes(library["set"]) == 5


def test_a_broken_file_never_hides_the_good_ones(tmp_path: Path) -> None:
    folder = _folder(tmp_path, "user", talk=TALK, broken="id: [oops\n", deck=DECK)
    (folder / "binary.yml").write_bytes(b"\x00\x01\x02")
    library = load_library([ExerciseFolder(folder)])
    assert sorted(library.exercises) == ["deck", "talk"]
    assert [Path(p).name for p in library.files_with_problems] == ["binary.yml", "broken.yaml"]
