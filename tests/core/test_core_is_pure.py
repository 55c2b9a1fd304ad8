"""The core is plain Python: it never imports Textual, TinyDB or the UI and store layers."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import tui.core

CORE = Path(tui.core.__file__).parent
FORBIDDEN = ("textual", "tinydb", "rich", "tui.screens", "tui.widgets", "tui.store", "tui.app")


def _imports(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_no_core_module_names_a_forbidden_import() -> None:
    offenders = {
        f"{path.name}: {name}"
        for path in CORE.rglob("*.py")
        for name in _imports(path)
        if any(name == bad or name.startswith(bad + ".") for bad in FORBIDDEN)
    }
    assert not offenders


def test_importing_the_whole_core_loads_no_ui_or_database() -> None:
    modules = [f"tui.core.{path.stem}" for path in CORE.glob("*.py") if path.stem != "__init__"]
    code = f"import sys\nfor m in {modules!r}: __import__(m)\nprint(sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'tinydb', 'rich')))"
    output = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert output.strip() == "[]"
