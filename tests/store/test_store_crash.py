"""Kill -9 at random moments: every file still loads and every save that returned is there."""

from __future__ import annotations

import json
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

from tui.store import Store

KILLS = 30

# Saves sessions step by step as the app does, then finished; prints after each save returns, each
# line as one string: unbuffered (PYTHONUNBUFFERED), print writes its arguments one by one, and a kill
# between them would leave half a line.
WRITER = """
import random, sys
from datetime import UTC, datetime, timedelta
from pathlib import Path
from tui.core.record import Status
from tui.store import Store
from tui.store.samples import sample_session

run = int(sys.argv[2])
rng = random.Random(run)
store = Store.open(Path(sys.argv[1]))
print("ready", flush=True)
for number in range(10_000):
    started = datetime(2025, 1, 1, tzinfo=UTC) + timedelta(hours=rng.randint(0, 24 * 500))
    final = sample_session(rng, started, session_id=f"run{run}-{number}")
    for count in range(1, len(final["steps"]) + 1):
        partial = {**final, "status": Status.IN_PROGRESS.value, "ended": None, "steps": final["steps"][:count]}
        store.save_session({**partial, "snapshot": {"schema": 1, "step": count}})
        print(f"step {final['id']} {count}", flush=True)
    store.save_session(final)
    print(f"done {final['id']}", flush=True)
"""


def test_a_writer_killed_at_random_moments_never_loses_a_returned_save(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    rng = random.Random(2026)
    done: set[str] = set()
    steps: dict[str, int] = {}
    for run in range(KILLS):
        writer = subprocess.Popen(
            [sys.executable, "-c", WRITER, str(data_dir), str(run)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
        )
        assert writer.stdout.readline().strip() == "ready"
        # The moment is chosen by progress, not by wall time, so a busy machine kills as deep into the
        # work as an idle one; the short sleep lands the kill anywhere inside the next write.
        lines = [writer.stdout.readline() for _ in range(rng.randint(1, 300))]
        time.sleep(rng.uniform(0.0, 0.005))
        writer.send_signal(signal.SIGKILL)
        writer.wait(timeout=10)
        assert writer.returncode == -signal.SIGKILL, writer.stderr.read()  # killed, not crashed
        for line in filter(None, lines + writer.stdout.read().splitlines()):
            kind, session_id, *count = line.split()
            if kind == "done":
                done.add(session_id)
            else:
                steps[session_id] = int(count[0])
        writer.stdout.close()
        writer.stderr.close()
        _check(data_dir, done, steps)
    assert len(done) > KILLS


def _check(data_dir: Path, done: set[str], steps: dict[str, int]) -> None:
    for path in data_dir.rglob("*.json"):
        json.loads(path.read_text(encoding="utf-8"))
    with Store.open(data_dir) as store:
        assert store.damaged == []
        assert done <= {summary.id for summary in store.summaries()}
        for session_id in done:
            assert store.get_session(session_id)["status"] == "completed"
        for session_id, count in steps.items():
            saved = store.get_session(session_id)
            assert saved["status"] == "completed" or len(saved["steps"]) >= count
