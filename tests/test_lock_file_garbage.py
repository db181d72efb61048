"""A lock file that cannot be believed is left over: never an uncaught error, never a block for days."""

from __future__ import annotations

import json
import os
from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ghnt_desktop.filelock import (
    CLOCK_TOLERANCE,
    STALE_AFTER,
    UNREADABLE_GRACE,
    DatabaseInUseError,
    acquire,
    is_stale,
    lock_path,
    read_lock,
    this_machine,
)

WRITTEN = datetime(2025, 3, 12, 10, 32, tzinfo=UTC)  # the lock file's modification time in every case
LATEST_END = CLOCK_TOLERANCE + STALE_AFTER + timedelta(seconds=1)


def put(db_path, content: bytes, written: datetime = WRITTEN) -> None:
    path = lock_path(db_path)
    path.write_bytes(content)
    os.utime(path, (written.timestamp(), written.timestamp()))


def lock_json(**fields) -> bytes:
    data = {"user": "anna", "machine": "LAPTOP-ANNA", "pid": 4242, "since": WRITTEN.isoformat(),
            "heartbeat": WRITTEN.isoformat(), "token": "abc"}
    data.update(fields)
    return json.dumps(data).encode()


CASES = {
    "empty file": b"",
    "only spaces": b"   \n",
    "binary garbage": bytes(range(256)) * 4,
    "invalid UTF-8": b'{"user": "\xff\xfe"}',
    "a JSON list": b"[1, 2, 3]",
    "a JSON string": b'"ghnt"',
    "JSON null": b"null",
    "deeply nested": b"[" * 100_000,
    "no since": json.dumps({"user": "anna", "pid": 1}).encode(),
    "a time without zone": lock_json(since="2025-03-12T10:32:00", heartbeat="2025-03-12T10:32:00"),
    "a time that is no time": lock_json(since="gisteren", heartbeat="morgen"),
    "a time as a number": lock_json(since=1741775520, heartbeat=1741775520),
    "year 1 with an offset": lock_json(since="0001-01-01T00:00:00+14:00", heartbeat="0001-01-01T00:00:00+14:00"),
    "year 9999": lock_json(since="9999-12-31T23:59:59+00:00", heartbeat="9999-12-31T23:59:59+00:00"),
    "a clock far in the future": lock_json(heartbeat="2099-01-01T00:00:00+00:00"),
    "an absurd pid": lock_json(pid=10**30),
    "a negative pid": lock_json(pid=-5),
    "a pid as text": lock_json(pid="veel"),
    "a pid as a list": lock_json(pid=[1]),
    "a pid that is true": lock_json(pid=True),
    "a user name with line breaks": lock_json(user="anna\r\nBcc: iemand", machine="\x00\x07LAPTOP"),
    "a huge file": b"{" + b" " * 10_000_000 + b"}",
}


@pytest.mark.parametrize("case", CASES)
def test_a_lock_file_that_cannot_be_believed_ends_within_a_day(tmp_path, case):
    db_path = tmp_path / "ghnt.db"
    put(db_path, CASES[case])
    info = read_lock(db_path)
    assert info is not None
    message = info.describe()
    assert message and all(ch.isprintable() for ch in message)
    for machine in ("ANDERE-LAPTOP", this_machine()):
        assert is_stale(info, now=WRITTEN + LATEST_END, machine=machine)
    lock = acquire(db_path, now=WRITTEN + LATEST_END)
    assert lock.took_over is not None
    lock.release()


@pytest.mark.parametrize("case", ["empty file", "binary garbage", "a JSON list", "an absurd pid"])
def test_an_unreadable_lock_file_is_stale_a_minute_after_it_was_written(tmp_path, case):
    db_path = tmp_path / "ghnt.db"
    put(db_path, CASES[case])
    with pytest.raises(DatabaseInUseError) as info:  # perhaps a holder still writing it
        acquire(db_path, now=WRITTEN + timedelta(seconds=10))
    assert "vergrendelingsbestand" in str(info.value) and "over een minuut" in str(info.value)
    lock = acquire(db_path, now=WRITTEN + UNREADABLE_GRACE + timedelta(seconds=1))
    assert lock.took_over is not None and lock.took_over.problem
    lock.release()


def test_a_heartbeat_in_the_future_does_not_outlive_its_file(tmp_path):
    """A live lock from another laptop is respected; its wrong clock only stops counting past a day."""
    db_path = tmp_path / "ghnt.db"
    put(db_path, CASES["a clock far in the future"])
    info = read_lock(db_path)
    assert not is_stale(info, now=WRITTEN + timedelta(minutes=30), machine="ANDERE-LAPTOP")
    assert is_stale(info, now=WRITTEN + STALE_AFTER + timedelta(minutes=1), machine="ANDERE-LAPTOP")


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=40)
    | st.datetimes(timezones=st.none() | st.just(UTC)).map(datetime.isoformat),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=10), children, max_size=4),
    max_leaves=12,
)
lock_dicts = st.fixed_dictionaries(
    {},
    optional={key: json_values for key in ("user", "machine", "pid", "since", "heartbeat", "token")},
).map(lambda d: json.dumps(d).encode())
contents = st.binary(max_size=400) | lock_dicts | json_values.map(lambda v: json.dumps(v).encode())


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(content=contents, written=st.datetimes(min_value=datetime(2000, 1, 1), max_value=datetime(2060, 1, 1)))
def test_any_lock_file_is_read_without_error_and_ends(tmp_path, content, written):
    db_path = tmp_path / "ghnt.db"
    written = written.replace(tzinfo=UTC)
    put(db_path, content, written)
    info = read_lock(db_path)
    assert info is not None
    assert all(ch.isprintable() for ch in info.describe())
    for machine in ("ANDERE-LAPTOP", this_machine()):
        is_stale(info, now=written, machine=machine)  # answers, whatever it says
        assert is_stale(info, now=written + LATEST_END, machine=machine)
    try:
        acquire(db_path, now=written).release()
    except DatabaseInUseError as exc:
        assert all(ch.isprintable() for ch in str(exc))
    lock_path(db_path).unlink(missing_ok=True)
