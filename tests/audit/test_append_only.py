"""The audit log is only ever added to: no code path updates or deletes its rows."""

import re
from pathlib import Path

import mentoring

SOURCE = Path(mentoring.__file__).parent
CHANGES = re.compile(r"AuditEvent\s*\.\s*(update|delete|delete_instance|delete_by_id|replace|replace_many"
                     r"|insert_from|truncate_table|drop_table)\b|\.delete_instance\(|audit_events.*\b(UPDATE|DELETE)\b"
                     r"|\b(UPDATE|DELETE FROM)\b\s+\"?audit_events")


def offending_lines(root=SOURCE):
    found = []
    for path in root.rglob("*.py"):
        if "migrations" in path.parts:
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            match = CHANGES.search(line)
            if match and ("AuditEvent" in line or "audit_events" in line):
                found.append(f"{path.relative_to(root)}:{number}: {line.strip()}")
    return found


def test_no_code_updates_or_deletes_audit_rows():
    assert offending_lines() == []


def test_the_check_would_catch_one(tmp_path):
    (tmp_path / "sneaky.py").write_text("AuditEvent.delete().where(AuditEvent.id == 1).execute()\n"
                                        "AuditEvent.update(meta={}).execute()\n"
                                        'db.execute_sql("DELETE FROM audit_events")\n'
                                        "AuditEvent.select().count()\n")
    assert len(offending_lines(tmp_path)) == 3


def test_only_audit_record_writes_audit_rows():
    from mentoring.audit.models import AuditEvent

    # Peewee gives every model update() and delete(); the app's own code holds none for this one,
    # and the only writer is audit.record().
    writers = [path for path in SOURCE.rglob("*.py") if "AuditEvent.create" in path.read_text(encoding="utf-8")]
    assert [p.relative_to(SOURCE).as_posix() for p in writers] == ["audit/__init__.py"]
    assert AuditEvent._meta.table_name == "audit_events"
