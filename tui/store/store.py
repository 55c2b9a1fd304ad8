"""The couple's data folder: settings, deck progress and every session, kept safe and quick at scale.

Layout (every file a TinyDB JSON file written atomically, 0600, in 0700 folders):

    layout.json              the layout's schema version
    settings.json            names, colours, chime, theme
    progress.json            cards seen per deck, who went first last time per exercise
    inprogress.json          sessions still running (with the engine snapshot), saved after every step
    sessions/2026-W47.json   finished sessions, one file per ISO week they started in (UTC)
    summaries/2026-W47.json  one compact row per finished session of that week, plus the
                             inode/size/mtime of the week's session file the rows were built from
    .lock                    held (flock) while a writer has the folder open

Saving a finished session rewrites only its week's two files, so the cost stays
flat as the years pass. Summary files are derived data: one that disagrees with
its session file (a crash between the two writes, a damaged file) is rebuilt.
"""

from __future__ import annotations

import copy
import fcntl
import functools
import itertools
import os
import threading
from collections import OrderedDict
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping
from dataclasses import asdict, dataclass, replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, Concatenate, ParamSpec, TextIO, TypeVar

from tinydb import Query, TinyDB
from tinydb.queries import QueryLike
from tinydb.table import Table

from tui.core.model import Seat
from tui.core.record import Status
from tui.core.settings import Settings
from tui.store import migrations
from tui.store.index import SummaryIndex, timestamp, week_of_started
from tui.store.migrations import STORE_SCHEMA
from tui.store.storage import (
    FILE_MODE,
    TEMP_SUFFIX,
    AtomicJSONStorage,
    DamagedFile,
    ReadOnlyStore,
    StoreError,
    make_private_folder,
)
from tui.store.summary import SUMMARY_SCHEMA, Summary

# Stats, export and import are imported where used: the app's start needs none of them.
if TYPE_CHECKING:
    from tui.store.exchange import Backup, ImportResult
    from tui.store.stats import Stats

# Week files kept parsed in memory; saves and lookups mostly touch the newest week.
OPEN_SHARDS = 2

P = ParamSpec("P")
R = TypeVar("R")
record_id = Query().id
# Tables that hold one document (settings, layout) find it by its schema key.
SINGLE = Query().schema.exists()


class StoreLocked(StoreError):
    pass


def _synchronised(method: Callable[Concatenate[Store, P], R]) -> Callable[Concatenate[Store, P], R]:
    """The app calls the store from several worker threads; one operation at a time."""

    @functools.wraps(method)
    def wrapper(store: Store, *args: P.args, **kwargs: P.kwargs) -> R:
        with store._mutex:
            return method(store, *args, **kwargs)

    return wrapper


@dataclass(frozen=True)
class _Signature:
    """One version of a session file: every atomic rewrite makes a new inode."""

    inode: int
    size: int
    mtime_ns: int

    @classmethod
    def of(cls, path: Path) -> _Signature | None:
        try:
            status = path.stat()
        except FileNotFoundError:
            return None
        return cls(status.st_ino, status.st_size, status.st_mtime_ns)


class Store:
    def __init__(self, data_dir: Path, *, read_only: bool, lock_descriptor: int | None) -> None:
        self.data_dir = data_dir
        self.read_only = read_only
        # Files found damaged so far, for the app to tell the user about.
        self.damaged: list[DamagedFile] = []
        self._lock_descriptor = lock_descriptor
        self._mutex = threading.RLock()
        self._settings = self._db(data_dir / "settings.json")
        self._progress = self._db(data_dir / "progress.json")
        self._running = self._db(data_dir / "inprogress.json")
        self._shards: OrderedDict[str, TinyDB] = OrderedDict()
        self._index = SummaryIndex(self._list_weeks, self._week_rows)

    # --- opening and closing ---------------------------------------------------------------------

    @classmethod
    def open(cls, data_dir: Path, *, read_only: bool = False) -> Store:
        """Open the folder for this process alone, or read-only beside a running Tandem.

        Raises StoreLocked when another Tandem has it open for writing, StoreError
        when it was written by a newer Tandem (or, read-only, by an older one).
        """
        data_dir = Path(data_dir)
        descriptor = None
        if not read_only:
            make_private_folder(data_dir)
            descriptor = _lock(data_dir)
        try:
            version = migrations.layout_version(data_dir)
            if version is not None and version > STORE_SCHEMA:
                raise StoreError(f"{data_dir} was written by a newer Tandem (layout {version}); please upgrade Tandem")
            if version is not None and version < STORE_SCHEMA and read_only:
                raise StoreError(f"{data_dir} was written by an older Tandem; start `tandem` once to upgrade it")
            store = cls(data_dir, read_only=read_only, lock_descriptor=descriptor)
            if not read_only:
                store._prepare(version)
        except BaseException:
            if descriptor is not None:
                os.close(descriptor)
            raise
        return store

    def _prepare(self, version: int | None) -> None:
        for folder in (self.data_dir, self._sessions_dir, self._summaries_dir):
            make_private_folder(folder)
            # A write killed half-way leaves its temporary file behind; the real file is intact.
            for leftover in folder.glob(f".*{TEMP_SUFFIX}"):
                leftover.unlink(missing_ok=True)
        if version is not None and version < STORE_SCHEMA:
            migrations.upgrade_layout(self, version)
        if version != STORE_SCHEMA:
            layout = self._db(self.data_dir / migrations.LAYOUT_FILE)
            _put(layout.table("layout"), {"schema": STORE_SCHEMA}, SINGLE)
            layout.close()
        self._drop_finished_from_running()
        # Read now, so damage is found (and reported) at start rather than mid-session.
        self._settings.storage.read()
        self._progress.storage.read()

    def close(self) -> None:
        with self._mutex:
            for db in (self._settings, self._progress, self._running, *self._shards.values()):
                db.close()
            self._shards.clear()
            if self._lock_descriptor is not None:
                os.close(self._lock_descriptor)
                self._lock_descriptor = None

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def report_damaged(self, original: Path, moved_to: Path | None) -> None:
        self.damaged.append(DamagedFile(original, moved_to))

    # --- settings --------------------------------------------------------------------------------

    @_synchronised
    def load_settings(self) -> Settings:
        row = self._settings.table("settings").get(SINGLE)
        try:
            return Settings() if row is None else Settings.from_dict(dict(row))
        except ValueError:
            # Readable JSON with a bad value: start from the defaults rather than refuse to open.
            return Settings()

    @_synchronised
    def save_settings(self, settings: Settings) -> None:
        _put(self._settings.table("settings"), settings.to_dict(), SINGLE)

    # --- sessions --------------------------------------------------------------------------------

    @_synchronised
    def save_session(self, record: Mapping[str, Any]) -> None:
        """Insert or replace by `record["id"]`.

        A session in progress (with the engine snapshot under `snapshot`) goes to
        the small in-progress file; a finished one to its week, without the snapshot.
        """
        # A copy: the caller may go on changing its dict, and the store keeps what it saved in memory.
        record = copy.deepcopy(dict(record))
        if not isinstance(record.get("id"), str) or not record["id"]:
            raise ValueError("a session record needs an `id`")
        if Status(record.get("status")) is Status.IN_PROGRESS:
            _put(self._running.table("sessions"), record)
            return
        record.pop("snapshot", None)
        # Summarising first refuses a malformed record before anything is written.
        Summary.of(record)
        week = week_of_started(record.get("started"))
        # Only a changed start time moves a session to another week; never keep two copies.
        old_week = self._index.known_week(record["id"])
        if old_week not in (None, week):
            self._write_week(old_week, lambda table: table.remove(record_id == record["id"]))
        self._write_week(week, lambda table: _put(table, record), changed={record["id"]})
        if self._is_running(record["id"]):
            self._running.table("sessions").remove(record_id == record["id"])

    @_synchronised
    def unfinished(self) -> dict[str, Any] | None:
        """The newest session still in progress, with its `snapshot`, to offer resuming it."""
        running = self._running_records()
        if not running:
            return None
        return copy.deepcopy(dict(max(running, key=lambda doc: timestamp(doc.get("started")))))

    @_synchronised
    def mark_stopped(self, session_id: str) -> None:
        """Keep an unfinished session as stopped (the couple chose not to resume it).

        Raises KeyError when there is no session with that id; a finished one is left alone.
        """
        record = self._running.table("sessions").get(record_id == session_id)
        if record is not None:
            self.save_session({**record, "status": Status.STOPPED.value})
        elif self._index.week_of(session_id) is None:
            raise KeyError(session_id)

    @_synchronised
    def get_session(self, session_id: str) -> dict[str, Any] | None:
        running = self._running.table("sessions").get(record_id == session_id)
        if running is not None:
            return copy.deepcopy(dict(running))
        week = self._index.week_of(session_id)
        found = None if week is None else self._shard(week).table("sessions").get(record_id == session_id)
        return None if found is None else copy.deepcopy(dict(found))

    def get_sessions(self, session_ids: Iterable[str]) -> Iterator[dict[str, Any]]:
        """What `get_session` gives for each of these ids, in the order asked, each once; ids no
        longer here are skipped.

        Each week file is read once, and only the sessions asked for are kept until they are
        given: asked for week by week, as the history lists them, one week is held at a time.
        The store is locked while a file is read, not while the caller works on the records.
        """
        asked = dict.fromkeys(session_ids)
        # Read, and not given yet.
        ready: dict[str, dict[str, Any]] = {}
        read_weeks: set[str] = set()
        for session_id in asked:
            if session_id not in ready:
                # Not @_synchronised: a generator's body runs after the call has returned.
                with self._mutex:
                    ready.update(self._read_for(session_id, asked, read_weeks))
            record = ready.pop(session_id, None)
            if record is not None:
                yield record

    def _read_for(self, session_id: str, asked: Collection[str], read_weeks: set[str]) -> dict[str, dict[str, Any]]:
        """By id, the records asked for that looking up `session_id` finds: its copy in progress,
        or every finished one in its week file when that has not been read yet."""
        running = self._running.table("sessions")
        record = running.get(record_id == session_id)
        if record is not None:
            return {session_id: copy.deepcopy(dict(record))}
        week = self._index.week_of(session_id)
        if week is None:
            return {}
        if week in read_weeks:
            # In progress when its week was read, and finished since.
            found = self.get_session(session_id)
            return {} if found is None else {session_id: found}
        read_weeks.add(week)
        # As in get_session, a copy in progress wins over a finished one left by a crash.
        running_ids = {doc["id"] for doc in running.all()}
        return {
            record["id"]: record
            for record in self._week_records(week)
            if record["id"] in asked and record["id"] not in running_ids
        }

    @_synchronised
    def delete_session(self, session_id: str) -> bool:
        """Forget a session; False when there was none with that id."""
        if self._is_running(session_id):
            self._running.table("sessions").remove(record_id == session_id)
            return True
        week = self._index.week_of(session_id)
        if week is None:
            return False
        self._write_week(week, lambda table: table.remove(record_id == session_id))
        return True

    @_synchronised
    def summaries(self, query: str = "", limit: int | None = None, offset: int = 0) -> list[Summary]:
        """Finished sessions, newest first. Every word of `query` must appear in the date
        (YYYY-MM-DD, weekday, month), titles, names, takeaways, commitments or starred cards.
        A first page reads only the newest week files."""
        words = query.lower().split()
        rows = self._index.matching(words) if words else self._index.newest_first()
        return list(itertools.islice(rows, offset, None if limit is None else offset + limit))

    @_synchronised
    def count(self) -> int:
        """How many finished sessions there are (a session in progress is not counted)."""
        return self._index.count()

    @_synchronised
    def stats(self, today: date | None = None, weeks: int = 12) -> Stats:
        from tui.store.stats import compute_stats

        return compute_stats(list(self._index.newest_first())[::-1], today or date.today(), weeks)

    # --- deck progress ---------------------------------------------------------------------------

    @_synchronised
    def seen_cards(self, exercise_id: str) -> set[str]:
        row = self._progress.table("seen").get(Query().exercise_id == exercise_id)
        return set(row["cards"]) if row else set()

    @_synchronised
    def mark_seen(self, exercise_id: str, keys: Iterable[str]) -> None:
        seen, keys = self.seen_cards(exercise_id), set(keys)
        if not keys <= seen:
            row = {"schema": STORE_SCHEMA, "exercise_id": exercise_id, "cards": sorted(seen | keys)}
            _put(self._progress.table("seen"), row, Query().exercise_id == exercise_id)

    @_synchronised
    def last_first_seat(self, exercise_id: str) -> Seat | None:
        row = self._progress.table("first_seat").get(Query().exercise_id == exercise_id)
        return Seat(row["seat"]) if row else None

    @_synchronised
    def set_last_first_seat(self, exercise_id: str, seat: Seat) -> None:
        row = {"schema": STORE_SCHEMA, "exercise_id": exercise_id, "seat": Seat(seat).value}
        _put(self._progress.table("first_seat"), row, Query().exercise_id == exercise_id)

    @_synchronised
    def last_commitments(self) -> dict[Seat, str]:
        """What each partner committed to at the end of the last completed session."""
        for summary in self._index.newest_first():
            if summary.status is Status.COMPLETED:
                return dict(summary.commitments)
        return {}

    # --- export and import -----------------------------------------------------------------------

    @_synchronised
    def export_json(self) -> dict[str, Any]:
        """A complete backup: settings, deck progress and every session record, newest first."""
        from tui.store.exchange import backup_dict

        return backup_dict(STORE_SCHEMA, self.load_settings(), self._progress_dict(), self._all_records())

    @_synchronised
    def write_json_export(self, out: TextIO) -> int:
        """The text of `json.dumps(export_json())`, written a week at a time so memory stays flat
        however long the history; returns how many sessions were written."""
        from tui.store.exchange import backup_dict, write_backup

        head = backup_dict(STORE_SCHEMA, self.load_settings(), self._progress_dict(), [])
        return write_backup(out, head, self._all_records())

    @_synchronised
    def export_markdown(self) -> str:
        """A readable journal of every session, newest first."""
        from tui.store.exchange import journal_markdown

        return journal_markdown(self._all_records())

    @_synchronised
    def import_json(self, data: Any) -> ImportResult:
        """Merge a backup by session id: missing sessions are added, ones already here kept
        (unless only the backup has them finished). Settings are taken only by a folder that
        has none yet. A malformed backup raises ImportRefused before anything is written."""
        from tui.store.exchange import read_backup

        backup = read_backup(data, STORE_SCHEMA)
        if self.read_only:
            raise ReadOnlyStore(f"{self.data_dir} is open read-only")
        return self._merge(backup)

    def _merge(self, backup: Backup) -> ImportResult:
        taken = backup.settings is not None and self.load_settings().partners is None
        if taken:
            self.save_settings(backup.settings)
        for exercise_id, keys in backup.seen.items():
            self.mark_seen(exercise_id, keys)
        for exercise_id, seat in backup.first_seat.items():
            if self.last_first_seat(exercise_id) is None:
                self.set_last_first_seat(exercise_id, seat)
        added = updated = unchanged = 0
        by_week: dict[str, list[dict[str, Any]]] = {}
        for record in backup.sessions:
            running = self._is_running(record["id"])
            finished = record["status"] != Status.IN_PROGRESS
            if self._index.week_of(record["id"]) is not None or (running and not finished):
                unchanged += 1
            elif not finished:
                _put(self._running.table("sessions"), record)
                added += 1
            else:
                finished_record = {key: value for key, value in record.items() if key != "snapshot"}
                by_week.setdefault(week_of_started(record["started"]), []).append(finished_record)
                updated += running
                added += not running
        # One write per week, however many sessions it gains.
        for week, records in sorted(by_week.items()):
            self._write_week(week, lambda table, records=records: table.insert_multiple(records))
        self._drop_finished_from_running()
        from tui.store.exchange import ImportResult

        return ImportResult(added=added, updated=updated, unchanged=unchanged, settings=taken)

    # --- files -----------------------------------------------------------------------------------

    @property
    def _sessions_dir(self) -> Path:
        return self.data_dir / "sessions"

    @property
    def _summaries_dir(self) -> Path:
        return self.data_dir / "summaries"

    def _db(self, path: Path, *, derived: bool = False) -> TinyDB:
        def damaged(found: DamagedFile) -> None:
            self.damaged.append(replace(found, rebuilt=derived and found.moved_to is not None))

        return TinyDB(path, storage=AtomicJSONStorage, read_only=self.read_only, on_damaged=damaged)

    def _shard(self, week: str) -> TinyDB:
        if week in self._shards:
            self._shards.move_to_end(week)
            return self._shards[week]
        shard = self._shards[week] = self._db(self._sessions_dir / f"{week}.json")
        while len(self._shards) > OPEN_SHARDS:
            self._shards.popitem(last=False)[1].close()
        return shard

    def _list_weeks(self) -> list[str]:
        return [path.stem for folder in (self._sessions_dir, self._summaries_dir) for path in folder.glob("*.json")]

    def _write_week(self, week: str, change: Callable[[Table], object], changed: Collection[str] = ()) -> None:
        """Change a week's session file, then bring its summary file and the index up to date.

        `changed`: ids whose record was replaced (inserted and removed ones are found by id)."""
        path = self._sessions_dir / f"{week}.json"
        before = _Signature.of(path)
        table = self._shard(week).table("sessions")
        change(table)
        summaries = self._db(self._summaries_dir / f"{week}.json", derived=True)
        recorded, rows = _read_summary_file(summaries)
        # If the summary file matched the session file, only new and replaced sessions need summarising.
        kept = {row["id"]: row for row in rows if row["id"] not in changed} if before and recorded == before else {}
        fresh = [kept.get(doc["id"]) or Summary.of(doc).to_row() for doc in table.all()]
        _write_summary_file(summaries, _Signature.of(path), fresh)
        summaries.close()
        self._index.replace_week(week, fresh, unchanged=kept.keys())

    def _week_rows(self, week: str) -> list[dict[str, Any]]:
        """The week's summary rows, rebuilt from its session file when they disagree."""
        path = self._sessions_dir / f"{week}.json"
        summaries = self._db(self._summaries_dir / f"{week}.json", derived=True)
        recorded, rows = _read_summary_file(summaries)
        if recorded is None or recorded != _Signature.of(path) or any(row.get("schema") != SUMMARY_SCHEMA for row in rows):
            shard = self._db(path)
            fresh = [Summary.of(doc).to_row() for doc in shard.table("sessions").all()]
            signature = _Signature.of(path)
            shard.close()
            if not self.read_only and (fresh != rows or signature != recorded):
                _write_summary_file(summaries, signature, fresh)
            rows = fresh
        summaries.close()
        return rows

    # --- sessions in progress --------------------------------------------------------------------

    def _is_running(self, session_id: str) -> bool:
        return self._running.table("sessions").contains(record_id == session_id)

    def _finished_elsewhere(self, record: Mapping[str, Any]) -> bool:
        """A crash between saving a finished session and clearing its in-progress copy leaves both."""
        week = week_of_started(record.get("started"))
        if not (self._sessions_dir / f"{week}.json").exists():
            return False
        return self._shard(week).table("sessions").contains(record_id == record["id"])

    def _running_records(self) -> list[Mapping[str, Any]]:
        docs = self._running.table("sessions").all()
        # A writer dropped stale copies when it opened; a reader has to skip them itself.
        return [doc for doc in docs if not self._finished_elsewhere(doc)] if self.read_only else docs

    def _drop_finished_from_running(self) -> None:
        table = self._running.table("sessions")
        stale = [doc.doc_id for doc in table.all() if self._finished_elsewhere(doc)]
        if stale:
            table.remove(doc_ids=stale)

    def _progress_dict(self) -> dict[str, Any]:
        return {
            "seen": {row["exercise_id"]: sorted(row["cards"]) for row in self._progress.table("seen").all()},
            "first_seat": {row["exercise_id"]: row["seat"] for row in self._progress.table("first_seat").all()},
        }

    def _all_records(self) -> Iterator[dict[str, Any]]:
        """Every session record, newest first, reading one week file at a time."""
        yield from sorted((dict(doc) for doc in self._running_records()), key=_newest_record_first)
        for week in self._index.weeks():
            yield from sorted(self._week_records(week), key=_newest_record_first)

    def _week_records(self, week: str) -> list[dict[str, Any]]:
        """A week's finished sessions, parsed afresh (quicker than copying the open shard's), for the caller to keep."""
        shard = self._db(self._sessions_dir / f"{week}.json")
        records = [dict(doc) for doc in shard.table("sessions").all()]
        shard.close()
        return records


def _put(table: Table, document: dict[str, Any], condition: QueryLike | None = None) -> None:
    """Insert, or replace the whole document (TinyDB's `upsert` only updates keys), in one write."""
    existing = table.get(record_id == document["id"] if condition is None else condition)
    if existing is None:
        table.insert(document)
        return

    def replace_with(stored: dict[str, Any]) -> None:
        stored.clear()
        stored.update(document)

    table.update(replace_with, doc_ids=[existing.doc_id])


def _read_summary_file(db: TinyDB) -> tuple[_Signature | None, list[dict[str, Any]]]:
    data = db.storage.read() or {}
    signature = data.get("shard", {}).get("1")
    try:
        recorded = None if signature is None else _Signature(**signature)
    except TypeError:
        recorded = None
    return recorded, list(data.get("summaries", {}).values())


def _write_summary_file(db: TinyDB, signature: _Signature | None, rows: list[dict[str, Any]]) -> None:
    """Derived data, so it is written whole in one atomic write: the rows and the signature they match."""
    shard = {} if signature is None else {"1": asdict(signature)}
    db.storage.write({"summaries": {str(number): row for number, row in enumerate(rows, 1)}, "shard": shard})


def _lock(data_dir: Path) -> int:
    path = data_dir / ".lock"
    descriptor = os.open(path, os.O_RDWR | os.O_CREAT, FILE_MODE)
    try:
        fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        holder = os.read(descriptor, 32).decode(errors="replace").strip()
        os.close(descriptor)
        who = f"process {holder}" if holder.isdigit() else "another process"
        raise StoreLocked(f"Tandem is already open on {data_dir} ({who}). Close it first, or use another --data-dir.") from None
    # For the message a second Tandem shows.
    os.ftruncate(descriptor, 0)
    os.write(descriptor, f"{os.getpid()}\n".encode())
    return descriptor


def _newest_record_first(record: Mapping[str, Any]) -> tuple[float, str]:
    return (-timestamp(record.get("started")), record["id"])
