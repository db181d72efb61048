"""Column types shared by the models.

Loading is tolerant: one bad value in a row (a status string this app does not know, a date that is not a
date, written by another program or a damaged import) must not stop a list, an export, a backup or a
page. Such a value loads as a safe stand-in (the enum's first member, a date of None or ``BAD_DATE``),
is logged, and ``ghnt-desktop check`` names the record (``bad_values`` there). Writing stays strict.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from typing import Any, Self

from sqlalchemy import Date as _SqlDate
from sqlalchemy import DateTime as _SqlDateTime
from sqlalchemy import Dialect, String, TypeDecorator
from sqlalchemy.sql.operators import OperatorType
from sqlalchemy.sql.type_api import TypeEngine

from .enums import LabelledEnum

log = logging.getLogger(__name__)

# Stand-in for an unreadable date in a column that must hold one (a meeting's date): far in the past, so a
# list sorts it first and it cannot count as late or upcoming.
BAD_DATE = date(1900, 1, 1)


class TolerantEnum(TypeDecorator[LabelledEnum]):
    """An enum stored by its value as plain text (no CHECK constraint: new members need no migration)."""

    impl = String(32)
    cache_ok = True

    def __init__(self, enum_cls: type[LabelledEnum], fallback: LabelledEnum | None = None) -> None:
        super().__init__()
        self.enum_cls = enum_cls
        self.fallback = fallback if fallback is not None else next(iter(enum_cls))

    @property
    def python_type(self) -> type[LabelledEnum]:
        return self.enum_cls

    def process_bind_param(self, value: LabelledEnum | str | None, dialect: Dialect) -> str | None:
        if value is None:
            return None
        if isinstance(value, self.enum_cls):
            return value.value
        try:
            return self.enum_cls(value).value
        except ValueError:
            raise LookupError(f"{value!r} is not among the defined enum values of {self.enum_cls.__name__}") from None

    def process_result_value(self, value: Any | None, dialect: Dialect) -> LabelledEnum | None:
        if value is None:
            return None
        try:
            return self.enum_cls(value)
        except ValueError:
            log.warning("Unknown %s value %r loaded as %s", self.enum_cls.__name__, value, self.fallback.value)
            return self.fallback

    def copy(self, **kw: Any) -> Self:
        return type(self)(self.enum_cls, self.fallback)


def enum_type(enum_cls: type[LabelledEnum]) -> TolerantEnum:
    """Store an enum by its value as plain text; an unknown stored value loads as the first member."""
    return TolerantEnum(enum_cls)


class Date(TypeDecorator[date]):
    """SQLAlchemy's Date, except that a stored value that is not a date loads as ``fallback`` (logged)."""

    impl = _SqlDate
    cache_ok = True

    def __init__(self, fallback: date | None = None) -> None:
        super().__init__()
        self.fallback = fallback

    def result_processor(self, dialect: Dialect, coltype: object) -> Callable[[Any], date | None]:
        parse = self.impl_instance.result_processor(dialect, coltype)
        fallback = self.fallback

        def process(value: Any) -> date | None:
            if value is None or isinstance(value, date):
                return value
            try:
                return parse(value) if parse else value
            except (ValueError, TypeError):
                log.warning("Stored value %r is not a date; loaded as %s", value, fallback)
                return fallback

        return process

    def copy(self, **kw: Any) -> Self:
        return type(self)(self.fallback)

    def coerce_compared_value(self, op: OperatorType | None, value: Any) -> TypeEngine[Any]:
        # As the plain Date: compared with a string ("2026-01-01") the string is bound as it is.
        return self.impl_instance.coerce_compared_value(op, value)


def required_date() -> Date:
    """A date column that must hold a date: an unreadable value loads as ``BAD_DATE``."""
    return Date(BAD_DATE)


class DateTime(TypeDecorator[datetime]):
    """SQLAlchemy's DateTime, except that a stored value that is not a timestamp loads as None (logged)."""

    impl = _SqlDateTime
    cache_ok = True

    def result_processor(self, dialect: Dialect, coltype: object) -> Callable[[Any], datetime | None]:
        parse = self.impl_instance.result_processor(dialect, coltype)

        def process(value: Any) -> datetime | None:
            if value is None or isinstance(value, datetime):
                return value
            try:
                return parse(value) if parse else value
            except (ValueError, TypeError):
                log.warning("Stored value %r is not a timestamp; loaded as None", value)
                return None

        return process

    def coerce_compared_value(self, op: OperatorType | None, value: Any) -> TypeEngine[Any]:
        return self.impl_instance.coerce_compared_value(op, value)


class DecimalText(TypeDecorator[Decimal]):
    """An exact decimal stored as canonical text ("12.5", "1620"); an unreadable stored value loads as None (logged).

    SQLite has no exact decimal type (SQLAlchemy's ``Numeric`` converts through float there), and figures must come
    back exactly as they were entered. Trailing zeros are dropped so equal values are stored equally.
    """

    impl = String(40)
    cache_ok = True

    @property
    def python_type(self) -> type[Decimal]:
        return Decimal

    def process_bind_param(self, value: Decimal | int | str | None, dialect: Dialect) -> str | None:
        if value is None:
            return None
        if isinstance(value, float):
            raise TypeError("DecimalText takes Decimal or int, not float (a float is not exact)")
        number = Decimal(value)
        if not number.is_finite():
            raise ValueError(f"{value!r} is not a finite number")
        return canonical_decimal(number)

    def process_result_value(self, value: Any | None, dialect: Dialect) -> Decimal | None:
        if value is None:
            return None
        try:
            number = Decimal(str(value))
        except InvalidOperation:
            log.warning("Stored value %r is not a number; loaded as None", value)
            return None
        if not number.is_finite():
            log.warning("Stored value %r is not a finite number; loaded as None", value)
            return None
        return number

    def copy(self, **kw: Any) -> Self:
        return type(self)()


def canonical_decimal(number: Decimal) -> str:
    """``number`` as plain digits without exponent or trailing zeros: Decimal("12.50") -> "12.5", 1.62E+3 -> "1620"."""
    text = format(number.normalize(), "f")
    return "0" if text in ("-0", "") else text
