"""The exercise library: every folder loaded in order, checked as a whole.

Folders are layered: built-ins first, then the user's config folder, then each
`--exercises-dir`. An id defined again in a later layer replaces the earlier
one (with a notice); defined twice in the same layer, it is a problem.
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from tui.core.model import (
    Appreciation,
    Cards,
    CheckIn,
    Exercise,
    Plan,
    Presence,
    Turns,
    with_overrides,
)
from tui.core.problems import Problem

EXERCISE_SUFFIXES = (".yaml", ".yml")
# What the picker assumes for one card or one check-in question when no timer is given.
SECONDS_PER_CARD = 90
SECONDS_PER_QUESTION = 60


@dataclass(frozen=True)
class ExerciseFolder:
    """A folder (or single file) of exercises and the layer it belongs to."""

    path: Path
    builtin: bool = False


@dataclass
class Library:
    exercises: dict[str, Exercise] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    # Things worth saying that are not problems, e.g. a user file replacing a built-in.
    notices: list[Problem] = field(default_factory=list)

    def __iter__(self) -> Iterator[Exercise]:
        return iter(self.exercises.values())

    def __len__(self) -> int:
        return len(self.exercises)

    def __contains__(self, exercise_id: object) -> bool:
        return exercise_id in self.exercises

    def __getitem__(self, exercise_id: str) -> Exercise:
        return self.exercises[exercise_id]

    @property
    def files_with_problems(self) -> list[str]:
        return sorted({problem.path for problem in self.problems})

    def expand(self, exercise: Exercise) -> list[Exercise]:
        """What a session runs, in order: a plan becomes its steps, overrides applied."""
        if not isinstance(exercise, Plan):
            return [exercise]
        steps: list[Exercise] = []
        for step in exercise.steps:
            steps.extend(self.expand(with_overrides(self.exercises[step.exercise], step.overrides)))
        return steps

    def minutes(self, exercise: Exercise) -> int:
        """The estimate shown in the picker: the author's, or computed from the durations."""
        if exercise.minutes:
            return exercise.minutes
        seconds = sum(planned_seconds(step) for step in self.expand(exercise))
        return max(1, math.ceil(seconds / 60))


def planned_seconds(exercise: Exercise) -> int:
    """The time an exercise (not a plan) is planned to take, both partners together."""
    match exercise:
        case Turns():
            return exercise.rounds * 2 * sum(phase.duration for phase in exercise.phases)
        case Appreciation():
            return 2 * exercise.duration
        case Cards():
            count = min(exercise.draw or len(exercise.cards), len(exercise.cards))
            return count * (exercise.per_card or SECONDS_PER_CARD)
        case Presence():
            return exercise.duration
        case CheckIn():
            return len(exercise.questions) * SECONDS_PER_QUESTION
    raise TypeError(f"no planned time for {exercise.type}")


def exercise_files(path: Path) -> list[Path]:
    """The exercise files in a folder (recursively, in a stable order), or the file itself."""
    if path.is_file():
        return [path]
    if not path.is_dir():
        return []
    return sorted(p for p in path.rglob("*") if p.suffix.lower() in EXERCISE_SUFFIXES and p.is_file())


def load_library(folders: Sequence[ExerciseFolder]) -> Library:
    # The YAML reader is imported here, not above: a library kept from the last start needs none of it.
    from tui.core.loader import load_file

    library = Library()
    failed_ids: set[str] = set()
    for folder in folders:
        layer: dict[str, Exercise] = {}
        for path in exercise_files(folder.path):
            result = load_file(str(path), builtin=folder.builtin)
            library.problems.extend(result.problems)
            failed_ids |= result.failed_ids
            for exercise in result.exercises:
                _add(library, layer, exercise)
    _check_plans(library, failed_ids)
    library.problems.sort()
    return library


def _add(library: Library, layer: dict[str, Exercise], exercise: Exercise) -> None:
    origin = exercise.origin
    if exercise.id in layer:
        first = layer[exercise.id].origin
        library.problems.append(
            Problem(origin.path, origin.line, 1, f"the id `{exercise.id}` is already used at {first.path}:{first.line}")
        )
        return
    replaced = library.exercises.get(exercise.id)
    if replaced is not None:
        what = "the built-in" if replaced.origin.builtin else "the exercise from " + replaced.origin.path
        library.notices.append(Problem(origin.path, origin.line, 1, f"`{exercise.id}` replaces {what}"))
        del library.exercises[exercise.id]  # the replacement takes its place at the end
    layer[exercise.id] = exercise
    library.exercises[exercise.id] = exercise


def _check_plans(library: Library, failed_ids: set[str]) -> None:
    """Drop plans with missing steps, wrong overrides or cycles, until every plan left runs."""
    bad = {plan.id: problem for plan in _plans(library) if (problem := _step_problem(library, plan, failed_ids))}
    bad |= _cycles(library)
    while bad:
        for plan_id, problem in bad.items():
            library.problems.append(problem)
            failed_ids.add(plan_id)
            del library.exercises[plan_id]
        # A plan that used a dropped plan cannot run either.
        bad = {plan.id: problem for plan in _plans(library) if (problem := _step_problem(library, plan, failed_ids))}


def _plans(library: Library) -> list[Plan]:
    return [exercise for exercise in library if isinstance(exercise, Plan)]


def _step_problem(library: Library, plan: Plan, failed_ids: set[str]) -> Problem | None:
    from tui.core.loader import OVERRIDE_KEYS, TYPE_KEYS, did_you_mean

    for step in plan.steps:
        line, column = step.at
        where = (plan.origin.path, line, column)
        target = library.exercises.get(step.exercise)
        if target is None:
            if step.exercise in failed_ids:
                return Problem(*where, f"step `{step.exercise}` has problems of its own, so this plan cannot run")
            hint = did_you_mean(step.exercise, library.exercises)
            return Problem(*where, f"no exercise has the id `{step.exercise}`{hint}")
        allowed = {key for key in TYPE_KEYS[target.type].all if key in OVERRIDE_KEYS} | {"title", "summary"}
        for key, _value in step.overrides:
            if key not in allowed:
                return Problem(
                    *where,
                    f"`{key}` does not apply to `{target.id}`, a {target.type.value} exercise{did_you_mean(key, allowed)}",
                )
    return None


def _cycles(library: Library) -> dict[str, Problem]:
    """Plans that include themselves, directly or through other plans."""
    found: dict[str, Problem] = {}
    for plan in _plans(library):
        path = _path_back_to(library, plan.id, plan, [plan.id])
        if path:
            step = next(s for s in plan.steps if s.exercise == path[1])
            found[plan.id] = Problem(
                plan.origin.path, *step.at, f"this plan includes itself ({' → '.join(path)}); a plan cannot repeat itself"
            )
    return found


def _path_back_to(library: Library, start: str, plan: Plan, path: list[str]) -> list[str] | None:
    for step in plan.steps:
        if step.exercise == start:
            return [*path, start]
        inner = library.exercises.get(step.exercise)
        if isinstance(inner, Plan) and step.exercise not in path:
            found = _path_back_to(library, start, inner, [*path, step.exercise])
            if found:
                return found
    return None

