"""The `tandem` command: argument parsing and the commands that need no screen."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from rich.cells import cell_len

from tui import __version__
from tui.core.library import ExerciseFolder, Library, exercise_files, load_library
from tui.core.problems import Problem
from tui.core.record import Status
from tui.paths import Paths, builtin_exercises_dir
from tui.store import Store, StoreError
from tui.store.storage import atomic_file
from tui.words import count_of


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="tandem",
        description="Guided, timed exercises for two partners at one keyboard.",
    )
    parser.add_argument("--version", action="version", version=f"tandem {__version__}")
    parser.add_argument("--data-dir", metavar="DIR", help="keep sessions and settings here (or set TANDEM_DATA_DIR)")
    parser.add_argument(
        "--exercises-dir",
        metavar="DIR",
        action="append",
        default=[],
        help="also load exercises from this folder (may be given more than once)",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    check = commands.add_parser("check", help="validate exercise files (exit 1 on any problem)")
    check.add_argument("paths", nargs="*", metavar="PATH", help="files or folders to check (default: the whole library)")
    commands.add_parser("list", help="list the exercise library")
    commands.add_parser("paths", help="print where data and user exercises live")
    history = commands.add_parser("history", help="print past sessions, newest first")
    history.add_argument("--json", action="store_true", help="one JSON object per session, for scripts")
    export = commands.add_parser("export", help="write a Markdown journal or a complete JSON backup")
    export.add_argument("--format", choices=("md", "json"), default="json", help="md: readable journal; json: backup (default)")
    export.add_argument("-o", "--output", metavar="FILE", help="write to FILE (private to you) instead of printing")
    restore = commands.add_parser("import", help="restore a JSON backup, merging by session id")
    restore.add_argument("file", metavar="FILE", help="a backup made with `tandem export --format json`")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    paths = Paths.resolve(args.data_dir)
    if args.command in ("history", "export", "import"):
        return store_command(args, paths)
    folders = library_folders(paths, args.exercises_dir)
    if args.command == "check":
        return check(folders, [Path(p) for p in args.paths])
    if args.command == "paths":
        return print_paths(paths)
    if args.command == "list":
        return list_library(load_library(folders))
    return run_app(paths, folders)


def library_folders(paths: Paths, extra_dirs: Sequence[str]) -> list[ExerciseFolder]:
    return [
        ExerciseFolder(builtin_exercises_dir(), builtin=True),
        ExerciseFolder(paths.user_exercises_dir),
        *(ExerciseFolder(Path(folder)) for folder in extra_dirs),
    ]


def check(folders: list[ExerciseFolder], targets: list[Path]) -> int:
    missing = [Problem(str(target), 1, 1, "no such file or folder") for target in targets if not target.exists()]
    in_library = {path.resolve() for folder in folders for path in exercise_files(folder.path)}
    named = {path.resolve() for target in targets for path in exercise_files(target)}
    # Named files outside the library are checked on top of it, so their plans may use built-in exercises.
    extra = [ExerciseFolder(path) for path in sorted(named - in_library)]
    library = load_library([*folders, *extra])
    checked = named if targets else in_library
    problems = missing + [p for p in library.problems if Path(p.path).resolve() in checked]
    for notice in library.notices:
        if Path(notice.path).resolve() in checked:
            print(f"note: {notice}")
    for problem in problems:
        print(problem)
    if problems:
        files = len({problem.path for problem in problems})
        print(f"{count_of(len(problems), 'problem')} in {count_of(files, 'file')}.", file=sys.stderr)
        return 1
    print(f"All good: {count_of(len(checked), 'file')} checked, {count_of(len(library), 'exercise')} in the library.")
    return 0


def list_library(library: Library) -> int:
    rows = [("ID", "TYPE", "TITLE", "MIN", "SOURCE")]
    for exercise in library:
        source = "built-in" if exercise.origin.builtin else exercise.origin.path
        rows.append((exercise.id, exercise.type.value, exercise.title, str(library.minutes(exercise)), source))
    widths = [max(cell_len(row[i]) for row in rows) for i in range(len(rows[0]))]
    for row in rows:
        cells = [cell + " " * (width - cell_len(cell)) for cell, width in zip(row, widths)]
        print("  ".join(cells).rstrip())
    if library.problems:
        files = len(library.files_with_problems)
        print(f"\n{count_of(files, 'exercise file')} {'has' if files == 1 else 'have'} problems — run `tandem check`.")
    return 0


def run_app(paths: Paths, folders: list[ExerciseFolder]) -> int:
    # Imported here so that `tandem check` and friends start without loading Textual.
    import gc

    from tui.app import create_app
    from tui.library_cache import load_library_cached

    try:
        store = Store.open(paths.data_dir)
    except StoreError as error:  # already open elsewhere, or a folder this version cannot use
        print(f"tandem: {error}", file=sys.stderr)
        return 2
    except OSError as error:
        print(f"tandem: cannot open the data folder {paths.data_dir}: {error.strerror or error}", file=sys.stderr)
        return 2
    try:
        app = create_app(load_library_cached(folders, paths.cache_dir), store)
        # Modules and the library live until exit: keep the collector from walking them again and again.
        gc.freeze()
        app.run()
    finally:
        store.close()
    return 0


def print_paths(paths: Paths) -> int:
    print(f"data:      {paths.data_dir}")
    print(f"exercises: {paths.user_exercises_dir}")
    print(f"built-in:  {builtin_exercises_dir()}")
    print(f"cache:     {paths.cache_dir}")
    return 0


def store_command(args: argparse.Namespace, paths: Paths) -> int:
    """history and export read beside a running Tandem; import needs the folder to itself."""
    try:
        if args.command == "import":
            return import_backup(paths, Path(args.file))
        with Store.open(paths.data_dir, read_only=True) as store:
            return print_history(store, as_json=args.json) if args.command == "history" else export(store, args.format, args.output)
    except StoreError as error:
        print(f"tandem: {error}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        # The reader stopped early (`tandem history | head`); quietly drop the rest.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0


def print_history(store: Store, *, as_json: bool) -> int:
    summaries = store.summaries()
    if as_json:
        for summary in summaries:
            row = summary.to_row()
            fields = {key: row[key] for key in ("id", "started", "ended", "status", "exercises", "before", "after")}
            print(json.dumps({**fields, "minutes": summary.minutes}, ensure_ascii=False))
        return 0
    if not summaries:
        print("No sessions yet.")
        return 0
    rows = [("DATE", "WHAT", "MIN", "CLOSENESS")]
    for summary in summaries:
        when = summary.started_at.strftime("%Y-%m-%d %H:%M") if summary.started_at else "undated"
        what = summary.titles + ("" if summary.status is Status.COMPLETED else f" ({summary.status.value.replace('_', ' ')})")
        measured = summary.before is not None or summary.after is not None
        closeness = f"{_rating(summary.before)} → {_rating(summary.after)}" if measured else ""
        rows.append((when, what, str(summary.minutes), closeness))
    widths = [max(cell_len(row[i]) for row in rows) for i in range(len(rows[0]))]
    for row in rows:
        print("  ".join(cell + " " * (width - cell_len(cell)) for cell, width in zip(row, widths)).rstrip())
    return 0


def export(store: Store, form: str, output: str | None) -> int:
    def write(out: TextIO) -> None:
        if form == "md":
            out.write(store.export_markdown())
        else:
            store.write_json_export(out)
            out.write("\n")

    if output is None:
        write(sys.stdout)
        return 0
    try:
        with atomic_file(Path(output)) as handle:
            write(handle)
    except OSError as error:
        print(f"tandem: cannot write {output}: {error.strerror or error}", file=sys.stderr)
        return 1
    print(f"Wrote {count_of(store.count(), 'session')} to {output}.", file=sys.stderr)
    return 0


def import_backup(paths: Paths, file: Path) -> int:
    from tui.store.exchange import ImportRefused  # only this command needs it; the app starts without

    try:
        data = json.loads(file.read_bytes())
    except OSError as error:
        print(f"tandem: cannot read {file}: {error.strerror or error}", file=sys.stderr)
        return 1
    except ValueError as error:
        print(f"tandem: {file} is not a JSON backup ({error}); nothing was imported.", file=sys.stderr)
        return 1
    with Store.open(paths.data_dir) as store:
        try:
            result = store.import_json(data)
        except ImportRefused as error:
            print(f"tandem: cannot import {file}: {error}. Nothing was imported.", file=sys.stderr)
            return 1
    print(result)
    return 0


def _rating(value: float | None) -> str:
    return "–" if value is None else f"{value:g}"


if __name__ == "__main__":
    sys.exit(main())
