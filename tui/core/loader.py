"""Read exercise files into the model, collecting every problem with its place.

A document with problems is left out; the other documents of the file, and
every other file, still load. Nothing here raises for bad input.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, TypeVar

import yaml

from tui.core.durations import format_duration, parse_duration
from tui.core.model import (
    EXERCISE_CLASSES,
    AnswerKind,
    Breathe,
    Card,
    CardKind,
    CardOrder,
    Exercise,
    ExerciseType,
    FirstSpeaker,
    Origin,
    Phase,
    PlanStep,
    Question,
    Record,
    Role,
)
from tui.core.problems import Problem
from tui.core.yaml_source import read_documents

ID_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
MAX_STEP_SECONDS = 3 * 3600

_TAG = "tag:yaml.org,2002:"
_STR = _TAG + "str"
# Tags the resolver gives plain values; a date written in text (timestamp) is still text to us.
_PLAIN_TAGS = {_TAG + name for name in ("str", "int", "float", "bool", "null", "timestamp", "map", "seq")}
_NULL = _TAG + "null"
_E = TypeVar("_E", bound=StrEnum)
_FAILED = object()  # a value already reported as a problem


@dataclass
class FileResult:
    path: str
    exercises: list[Exercise] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    # Ids of documents that were left out, so plans that use them can say why.
    failed_ids: set[str] = field(default_factory=set)


def load_file(path: str, data: bytes | None = None, *, builtin: bool = False) -> FileResult:
    """Every exercise in one file, and every problem found in it."""
    result = FileResult(path)
    if data is None:
        try:
            with open(path, "rb") as handle:
                data = handle.read()
        except OSError as error:
            result.problems.append(Problem(path, 1, 1, f"cannot read this file: {error.strerror or error}"))
            return result
    try:
        documents, problems = read_documents(path, data)
        result.problems.extend(problems)
        if not problems and all(isinstance(d, yaml.ScalarNode) and d.tag == _NULL for d in documents):
            result.problems.append(Problem(path, 1, 1, "the file holds no exercise (it is empty or only comments)"))
        for document in documents:
            if isinstance(document, yaml.ScalarNode) and document.tag == _NULL:
                continue  # an empty document, e.g. after a trailing `---`
            reader = _Reader(path)
            exercise = reader.exercise(document, builtin)
            result.problems.extend(reader.problems)
            if exercise is not None and not reader.problems:
                result.exercises.append(exercise)
            elif reader.read_id:
                result.failed_ids.add(reader.read_id)
    except RecursionError:
        result.problems.append(Problem(path, 1, 1, "the file is nested too deeply to be an exercise"))
    except Exception as error:  # noqa: BLE001 - a bad file must never take the app down
        result.problems.append(Problem(path, 1, 1, f"could not read this file ({type(error).__name__}: {error})"))
    result.problems.sort()
    return result


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f" — did you mean `{close[0]}`?" if close else ""


class _Reader:
    """Reads one document; each method returns a value or None after noting a problem."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.problems: list[Problem] = []
        self.read_id: str | None = None
        self._visited: set[int] = set()

    def problem(self, node: yaml.Node, message: str) -> None:
        mark = node.start_mark
        self.problems.append(Problem(self.path, mark.line + 1, mark.column + 1, message))

    # -- plain values -------------------------------------------------------

    def _enter(self, node: yaml.Node, what: str) -> bool:
        # A list or mapping met twice came through an alias; following it again is how alias bombs explode.
        if not isinstance(node, yaml.ScalarNode):
            if id(node) in self._visited:
                self.problem(node, f"{what}: anchors and aliases (`&name`, `*name`) are not supported here")
                return False
            self._visited.add(id(node))
        if node.tag not in _PLAIN_TAGS:
            tag = node.tag.replace(_TAG, "!!")
            self.problem(node, f"{what}: the tag `{tag}` is not allowed; write plain text, numbers and lists")
            return False
        return True

    def scalar(self, node: yaml.Node, what: str) -> Any:
        """The value of a scalar node, or _FAILED after noting why not."""
        if not self._enter(node, what):
            return _FAILED
        if not isinstance(node, yaml.ScalarNode):
            self.problem(node, f"{what} should be a single value, not {_shape(node)}")
            return _FAILED
        tag = node.tag.removeprefix(_TAG)
        if tag == "int":
            try:
                return int(node.value.replace("_", ""), 0)
            except ValueError:
                return node.value
        if tag == "bool":
            return node.value.lower() in ("true", "yes", "on")
        if tag == "null":
            return None
        if tag == "float":
            try:
                return float(node.value)
            except ValueError:
                return node.value
        return node.value

    def text(self, node: yaml.Node, what: str, *, required: bool = True) -> str | None:
        if not self._enter(node, what):
            return None
        if not isinstance(node, yaml.ScalarNode) or node.tag == _NULL:
            self.problem(node, f"{what} should be text, not {_shape(node)}")
            return None
        # The text exactly as written: `title: 1984` is the words "1984", not a number.
        value = node.value.strip()
        if required and not value:
            self.problem(node, f"{what} should not be empty")
            return None
        return value

    def integer(self, node: yaml.Node, what: str, low: int, high: int) -> int | None:
        value = self.scalar(node, what)
        if value is _FAILED:
            return None
        if isinstance(value, bool) or not isinstance(value, int):
            self.problem(node, f"{what} should be a whole number from {low} to {high}, not {_show(value)}")
            return None
        if not low <= value <= high:
            self.problem(node, f"{what} should be from {low} to {high}, not {value}")
            return None
        return value

    def duration(self, node: yaml.Node, what: str, low: int = 1, high: int = MAX_STEP_SECONDS) -> int | None:
        value = self.scalar(node, what)
        if value is _FAILED:
            return None
        seconds = parse_duration(value)
        if seconds is None:
            self.problem(node, f"{what} should be a time like 90, 45s or 2m, not {_show(value)}")
            return None
        if not low <= seconds <= high:
            self.problem(
                node, f"{what} should be between {format_duration(low)} and {format_duration(high)}, not {_show(value)}"
            )
            return None
        return seconds

    def boolean(self, node: yaml.Node, what: str) -> bool | None:
        value = self.scalar(node, what)
        if value is _FAILED:
            return None
        if not isinstance(value, bool):
            self.problem(node, f"{what} should be true or false, not {_show(value)}")
            return None
        return value

    def choice(self, node: yaml.Node, what: str, kind: type[_E]) -> _E | None:
        value = self.scalar(node, what)
        if value is _FAILED:
            return None
        names = [member.value for member in kind]
        if not isinstance(value, str) or value not in names:
            options = ", ".join(f"`{name}`" for name in names)
            hint = did_you_mean(str(value), names) if isinstance(value, str) else ""
            self.problem(node, f"{what} should be one of {options}, not {_show(value)}{hint}")
            return None
        return kind(value)

    def sequence(self, node: yaml.Node, what: str, *, allow_single: bool = False) -> list[yaml.Node] | None:
        if not self._enter(node, what):
            return None
        if isinstance(node, yaml.SequenceNode):
            return node.value
        if allow_single and isinstance(node, yaml.ScalarNode) and node.tag == _TAG + "str":
            return [node]
        self.problem(node, f"{what} should be a list, not {_shape(node)}")
        return None

    def texts(self, node: yaml.Node, what: str) -> tuple[str, ...] | None:
        items = self.sequence(node, what, allow_single=True)
        if items is None:
            return None
        values = [self.text(item, f"each entry of {what}") for item in items]
        return None if None in values else tuple(values)  # type: ignore[arg-type]

    def mapping(self, node: yaml.Node, what: str) -> dict[str, tuple[yaml.Node, yaml.Node]] | None:
        """Keys to (key node, value node); duplicate keys are problems, not silent overwrites."""
        if not self._enter(node, what):
            return None
        if not isinstance(node, yaml.MappingNode):
            self.problem(node, f"{what} should be a mapping of `key: value` lines, not {_shape(node)}")
            return None
        entries: dict[str, tuple[yaml.Node, yaml.Node]] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                self.problem(key_node, f"a key in {what} should be a plain word, not {_shape(key_node)}")
                continue
            key = key_node.value
            if key in entries:
                first = entries[key][0].start_mark.line + 1
                self.problem(key_node, f"`{key}` appears twice in {what} (first on line {first}); keep one")
                continue
            entries[key] = (key_node, value_node)
        return entries

    def fields(
        self,
        node: yaml.Node,
        what: str,
        readers: dict[str, Callable[[_Reader, yaml.Node, str], Any]],
        required: Iterable[str] = (),
        entries: dict[str, tuple[yaml.Node, yaml.Node]] | None = None,
    ) -> dict[str, Any] | None:
        """Read a mapping with known keys: unknown and missing keys are problems."""
        entries = entries if entries is not None else self.mapping(node, what)
        if entries is None:
            return None
        values: dict[str, Any] = {}
        failed = False
        for key, (key_node, value_node) in entries.items():
            reader = readers.get(key)
            if reader is None:
                self.problem(key_node, f"unknown key `{key}` in {what}{did_you_mean(key, readers)}")
                failed = True
                continue
            value = reader(self, value_node, f"`{key}`")
            if value is None:
                failed = True
            else:
                values[key] = value
        for key in required:
            if key not in entries:
                self.problem(node, f"{what} needs `{key}`")
                failed = True
        return None if failed else values

    # -- exercises ----------------------------------------------------------

    def exercise(self, node: yaml.Node, builtin: bool) -> Exercise | None:
        entries = self.mapping(node, "an exercise")
        if entries is None:
            return None
        id_node = entries.get("id", (None, None))[1]
        if isinstance(id_node, yaml.ScalarNode) and ID_PATTERN.match(id_node.value):
            self.read_id = id_node.value
        # The type decides which keys belong, so it is read first.
        if "type" not in entries:
            self.problem(node, "an exercise needs `type` (one of " + _type_names() + ")")
            return None
        kind = self.choice(entries["type"][1], "`type`", ExerciseType)
        if kind is None:
            return None
        keys = TYPE_KEYS[kind]
        readers = {key: FIELD_READERS[key] for key in (*COMMON_KEYS, *keys.all)}
        values = self.fields(node, f"this {kind.value} exercise", readers, ("id", "title", *keys.required), entries)
        if values is None:
            return None
        del values["type"]
        origin = Origin(self.path, node.start_mark.line + 1, builtin)
        return EXERCISE_CLASSES[kind](origin=origin, **values)


@dataclass(frozen=True)
class TypeKeys:
    required: tuple[str, ...]
    optional: tuple[str, ...]

    @property
    def all(self) -> tuple[str, ...]:
        return (*self.required, *self.optional)


COMMON_KEYS = ("id", "type", "title", "summary", "themes", "minutes")

TYPE_KEYS: dict[ExerciseType, TypeKeys] = {
    ExerciseType.TURNS: TypeKeys(("phases",), ("rounds", "first", "topics")),
    ExerciseType.APPRECIATION: TypeKeys((), ("per_person", "duration", "prompt", "stems", "receive", "record")),
    ExerciseType.CARDS: TypeKeys(("cards",), ("order", "draw", "per_card", "prompt")),
    ExerciseType.PRESENCE: TypeKeys(("duration", "prompt"), ("breathe",)),
    ExerciseType.CHECK_IN: TypeKeys(("questions",), ("prompt",)),
    ExerciseType.PLAN: TypeKeys(("steps",), ()),
}
# Keys a plan step may override. Not `steps`: a plan's steps are checked where the plan is defined.
OVERRIDE_KEYS = frozenset(key for keys in TYPE_KEYS.values() for key in keys.all if key != "steps") | {"title", "summary"}

def _type_names() -> str:
    return ", ".join(f"`{kind.value}`" for kind in ExerciseType)


def _exercise_id(reader: _Reader, node: yaml.Node, what: str) -> str | None:
    value = reader.text(node, what)
    if value is None:
        return None
    if not ID_PATTERN.match(value):
        reader.problem(node, f"{what} should be lowercase letters, digits and dashes (like `evening-talk`), not {_show(value)}")
        return None
    return value


def _phase(reader: _Reader, node: yaml.Node, what: str) -> Phase | None:
    values = reader.fields(node, what, PHASE_READERS, ("role", "duration", "prompt"))
    if values is None:
        return None
    if values.get("check") and values["role"] is not Role.LISTENER:
        reader.problem(node, "`check: true` belongs on a listener phase: the speaker says whether the reflection landed")
        return None
    return Phase(**values)


def _phases(reader: _Reader, node: yaml.Node, what: str) -> tuple[Phase, ...] | None:
    return _non_empty_list(reader, node, what, "phase", _phase)


def _card(reader: _Reader, node: yaml.Node, what: str) -> Card | None:
    if type(node) is yaml.ScalarNode and node.tag == _STR:
        # The common case, kept short: decks can hold tens of thousands of cards.
        text = node.value.strip()
        return Card(text=text) if text else reader.text(node, what)
    if isinstance(node, yaml.ScalarNode):
        text = reader.text(node, what)
        return None if text is None else Card(text=text)
    values = reader.fields(node, what, CARD_READERS, ("text",))
    return None if values is None else Card(**values)


def _cards(reader: _Reader, node: yaml.Node, what: str) -> tuple[Card, ...] | None:
    if isinstance(node, yaml.ScalarNode) and node.tag == _TAG + "str":
        reader.problem(node, f"{what} should be a list of cards (each on a line starting with `- `), not a single text")
        return None
    return _non_empty_list(reader, node, what, "card", _card)


def _question(reader: _Reader, node: yaml.Node, what: str) -> Question | None:
    if isinstance(node, yaml.ScalarNode):
        text = reader.text(node, what)
        return None if text is None else Question(text=text)
    values = reader.fields(node, what, QUESTION_READERS, ("text",))
    return None if values is None else Question(**values)


def _questions(reader: _Reader, node: yaml.Node, what: str) -> tuple[Question, ...] | None:
    return _non_empty_list(reader, node, what, "question", _question)


def _scale(reader: _Reader, node: yaml.Node, what: str) -> tuple[int, int] | None:
    items = reader.sequence(node, what)
    if items is None:
        return None
    if len(items) != 2:
        reader.problem(node, f"{what} should be two numbers, the lowest and the highest, like [1, 10]")
        return None
    low = reader.integer(items[0], f"the low end of {what}", 0, 100)
    high = reader.integer(items[1], f"the high end of {what}", 1, 100)
    if low is None or high is None:
        return None
    if low >= high:
        reader.problem(node, f"{what} should go from low to high, like [1, 10]")
        return None
    return (low, high)


def _breathe(reader: _Reader, node: yaml.Node, what: str) -> Breathe | None:
    values = reader.fields(node, what, BREATHE_READERS, ("in", "out"))
    if values is None:
        return None
    return Breathe(inhale=values["in"], hold=values.get("hold", 0), exhale=values["out"])


def _step(reader: _Reader, node: yaml.Node, what: str) -> PlanStep | None:
    at = (node.start_mark.line + 1, node.start_mark.column + 1)
    if isinstance(node, yaml.ScalarNode):
        exercise_id = _exercise_id(reader, node, what)
        return None if exercise_id is None else PlanStep(exercise=exercise_id, at=at)
    # Overrides may use any exercise key; the library checks them against the step's type.
    override_keys = OVERRIDE_KEYS
    readers = {"exercise": _exercise_id, **{key: FIELD_READERS[key] for key in override_keys}}
    values = reader.fields(node, what, readers, ("exercise",))
    if values is None:
        return None
    exercise_id = values.pop("exercise")
    return PlanStep(exercise=exercise_id, overrides=tuple(values.items()), at=at)


def _steps(reader: _Reader, node: yaml.Node, what: str) -> tuple[PlanStep, ...] | None:
    return _non_empty_list(reader, node, what, "step", _step)


def _non_empty_list(
    reader: _Reader, node: yaml.Node, what: str, item: str, read: Callable[[_Reader, yaml.Node, str], Any]
) -> tuple[Any, ...] | None:
    items = reader.sequence(node, what)
    if items is None:
        return None
    if not items:
        reader.problem(node, f"{what} is empty; add at least one {item}")
        return None
    values = [read(reader, child, f"{item} {number}") for number, child in enumerate(items, 1)]
    return None if None in values else tuple(values)


def _text(reader: _Reader, node: yaml.Node, what: str) -> str | None:
    return reader.text(node, what)


def _optional_text(reader: _Reader, node: yaml.Node, what: str) -> str | None:
    return reader.text(node, what, required=False)


def _count(low: int, high: int) -> Callable[[_Reader, yaml.Node, str], int | None]:
    return lambda reader, node, what: reader.integer(node, what, low, high)


def _choice(kind: type[_E]) -> Callable[[_Reader, yaml.Node, str], _E | None]:
    return lambda reader, node, what: reader.choice(node, what, kind)


def _duration(low: int, high: int = MAX_STEP_SECONDS) -> Callable[[_Reader, yaml.Node, str], int | None]:
    return lambda reader, node, what: reader.duration(node, what, low, high)


def _boolean(reader: _Reader, node: yaml.Node, what: str) -> bool | None:
    return reader.boolean(node, what)


def _texts(reader: _Reader, node: yaml.Node, what: str) -> tuple[str, ...] | None:
    return reader.texts(node, what)


FIELD_READERS: dict[str, Callable[[_Reader, yaml.Node, str], Any]] = {
    "id": _exercise_id,
    "type": _choice(ExerciseType),
    "title": _text,
    "summary": _optional_text,
    "themes": _texts,
    "minutes": _count(1, 600),
    "phases": _phases,
    "rounds": _count(1, 20),
    "first": _choice(FirstSpeaker),
    "topics": _texts,
    "per_person": _count(1, 20),
    "duration": _duration(1),
    "prompt": _optional_text,
    "stems": _texts,
    "receive": _optional_text,
    "record": _choice(Record),
    "cards": _cards,
    "order": _choice(CardOrder),
    "draw": _count(1, 100_000),
    "per_card": _duration(1),
    "breathe": _breathe,
    "questions": _questions,
    "steps": _steps,
}

PHASE_READERS: dict[str, Callable[[_Reader, yaml.Node, str], Any]] = {
    "role": _choice(Role),
    "duration": _duration(1),
    "prompt": _text,
    "stems": _texts,
    "confirm": _boolean,
    "check": _boolean,
}

CARD_READERS: dict[str, Callable[[_Reader, yaml.Node, str], Any]] = {
    "text": _text,
    "level": _count(1, 3),
    "tags": _texts,
    "kind": _choice(CardKind),
}

QUESTION_READERS: dict[str, Callable[[_Reader, yaml.Node, str], Any]] = {
    "text": _text,
    "answer": _choice(AnswerKind),
    "scale": _scale,
    "follow_up": _optional_text,
    "measure": _optional_text,
}

BREATHE_READERS: dict[str, Callable[[_Reader, yaml.Node, str], Any]] = {
    "in": _duration(1, 60),
    "hold": _duration(0, 60),
    "out": _duration(1, 60),
}


def _shape(node: yaml.Node) -> str:
    if isinstance(node, yaml.MappingNode):
        return "a mapping"
    if isinstance(node, yaml.SequenceNode):
        return "a list"
    if node.tag == _NULL:
        return "nothing"
    return f"{_show(node.value)}"


def _show(value: object) -> str:
    text = repr(value) if isinstance(value, str) else str(value)
    return text if len(text) <= 40 else text[:37] + "..."
