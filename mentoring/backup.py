"""A consistent copy of a live SQLite database, checked before it is trusted.

SQLite's online backup API copies every page inside one read transaction: in
WAL mode writers carry on meanwhile and the copy is the database as it was
when the backup began. Copying the file instead could catch a write half done
and would miss what still sits in the -wal file.
"""

import os
import sqlite3
from pathlib import Path


class BackupError(Exception):
    """The backup was not made, or the copy is not to be trusted; the message says which."""


def backup_sqlite(source, target):
    """Copy the database file `source` to `target` (which must not exist); returns its size in bytes."""
    target = Path(target)
    if target.exists():
        raise BackupError(f"{target} exists already: choose a new name")
    if not Path(source).exists():
        raise BackupError(f"no database at {source}")
    target.parent.mkdir(parents=True, exist_ok=True)
    # Written under another name first, so a half-made copy never looks like a backup.
    partial = target.with_name(target.name + ".partial")
    partial.unlink(missing_ok=True)
    try:
        _copy(source, partial)
        _check(partial)
        os.replace(partial, target)
    except sqlite3.Error as e:
        raise BackupError(str(e)) from None
    finally:
        partial.unlink(missing_ok=True)
    return target.stat().st_size


def _copy(source, target):
    src = sqlite3.connect(source, timeout=10)
    dst = sqlite3.connect(target)
    try:
        # All pages in one step: stepping in parts would restart whenever the app writes.
        src.backup(dst)
        # The copy stands alone: one file, no -wal beside it.
        dst.execute("PRAGMA journal_mode = DELETE")
    finally:
        dst.close()
        src.close()


def _check(path):
    connection = sqlite3.connect(path)
    try:
        problems = [row[0] for row in connection.execute("PRAGMA integrity_check")]
    finally:
        connection.close()
    if problems != ["ok"]:
        raise BackupError(f"the copy failed its integrity check: {'; '.join(problems[:3])}")
