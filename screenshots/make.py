"""Regenerate an SVG of every main screen into this folder:

    python3 screenshots/make.py

The screens come from the same scenes as the snapshot tests (tests/app/scenes.py),
so what is shown here is what the tests check.
"""

from __future__ import annotations

import asyncio
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "tests" / "app"))

from scenes import SCENES, build_app  # noqa: E402

SIZE = (120, 40)


async def shoot(name: str, data_dir: Path) -> Path:
    scene = SCENES[name]
    app, store = build_app(data_dir, named=scene.named)
    try:
        async with app.run_test(size=SIZE) as pilot:
            await scene.run(pilot)
            return Path(app.save_screenshot(f"{name}.svg", path=str(HERE)))
    finally:
        store.close()


def main() -> None:
    for name in SCENES:
        with tempfile.TemporaryDirectory() as folder:
            print(asyncio.run(shoot(name, Path(folder) / "data")).relative_to(HERE.parent))


if __name__ == "__main__":
    main()
