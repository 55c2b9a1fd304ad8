"""How every main screen looks, at the smallest supported size and at a comfortable one."""

from __future__ import annotations

from pathlib import Path

import pytest

from scenes import SCENES, build_app

SIZES = {"80x24": (80, 24), "120x40": (120, 40)}


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("name", SCENES)
def test_screen(snap_compare, tmp_path: Path, name: str, size: str) -> None:
    scene = SCENES[name]
    app, store = build_app(tmp_path / "data", named=scene.named)
    try:
        assert snap_compare(app, terminal_size=SIZES[size], run_before=scene.run)
    finally:
        store.close()


def test_too_small_asks_politely(snap_compare, tmp_path: Path) -> None:
    app, store = build_app(tmp_path / "data")
    try:
        assert snap_compare(app, terminal_size=(50, 14), run_before=SCENES["home"].run)
    finally:
        store.close()
