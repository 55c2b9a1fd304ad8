"""Turn the bytes of an exercise file into YAML nodes, or into located problems.

Only the YAML *composer* runs here: nodes keep their line and column, and no
tag ever builds an object. Values are read from the nodes by the loader, which
is what makes duplicate keys, aliases and stray tags visible.
"""

from __future__ import annotations

import yaml

from tui.core.problems import Problem

try:  # LibYAML is about twenty times faster on large decks.
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

WITH_LIBYAML = _Loader.__name__ == "CSafeLoader"

# Plain-word versions of the parser's own phrases.
_FRIENDLIER = (
    ("found unexpected end of stream", "the file ends inside a quoted text; is a closing quote missing?"),
    ("found unknown escape character", "unknown escape after a backslash inside double quotes"),
    ("mapping values are not allowed here", "a `:` is not expected here; put quotes around text that contains `: `"),
    ("could not find expected ':'", "a `key: value` line is expected here"),
    ("found undefined alias", "this `*alias` names no anchor"),
    ("special characters are not allowed", "the file holds control characters; is it a text file?"),
)


def read_documents(path: str, data: bytes, loader: type = _Loader) -> tuple[list[yaml.Node], list[Problem]]:
    """All top-level documents of a file, or the problem that stopped the reading."""
    text, problem = _decode(path, data)
    if problem:
        return [], [problem]
    try:
        return list(yaml.compose_all(text, Loader=loader)), []
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        return [], [Problem(path, line, column, _plain(error, text, mark))]
    except yaml.YAMLError as error:
        return [], [Problem(path, 1, 1, f"this is not readable YAML ({error})")]
    except RecursionError:
        return [], [Problem(path, 1, 1, "the file is nested too deeply to be an exercise")]


def _decode(path: str, data: bytes) -> tuple[str, Problem | None]:
    if b"\x00" in data:
        line = data.count(b"\n", 0, data.index(b"\x00")) + 1
        return "", Problem(path, line, 1, "this looks like a binary file, not YAML text")
    try:
        # utf-8-sig drops a byte-order mark that some editors add.
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError as error:
        before = data[: error.start]
        line = before.count(b"\n") + 1
        column = len(before) - (before.rfind(b"\n") + 1) + 1
        return "", Problem(
            path, line, column, f"byte 0x{data[error.start]:02x} is not UTF-8 text; save the file as UTF-8"
        )


def _plain(error: yaml.MarkedYAMLError, text: str, mark: yaml.Mark | None) -> str:
    # LibYAML does not name the character, so look at it.
    if mark is not None and mark.index < len(text) and text[mark.index] == "\t":
        return "a tab is used for indentation here; use spaces instead"
    raw = " ".join(part for part in (error.context, error.problem) if part)
    for phrase, friendlier in _FRIENDLIER:
        if phrase in raw:
            return friendlier
    return f"this is not readable YAML: {raw}"
