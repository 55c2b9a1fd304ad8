"""The store is below the UI: it never imports Textual, the screens, widgets or the app."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import tui.store

STORE = Path(tui.store.__file__).parent
FORBIDDEN = ("textual", "tui.screens", "tui.widgets", "tui.app")


def test_no_store_module_names_a_ui_import() -> None:
    offenders = set()
    for path in STORE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(), str(path))):
            names = [alias.name for alias in node.names] if isinstance(node, ast.Import) else []
            if isinstance(node, ast.ImportFrom) and node.module:
                names.append(node.module)
            offenders |= {f"{path.name}: {name}" for name in names if any(name == bad or name.startswith(bad + ".") for bad in FORBIDDEN)}
    assert not offenders


def test_importing_the_store_loads_no_textual() -> None:
    code = "import sys, tui.store\nprint(sorted(m for m in sys.modules if m.split('.')[0] == 'textual'))"
    assert subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip() == "[]"
