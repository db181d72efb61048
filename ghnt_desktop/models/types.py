"""Column types shared by the models."""

from __future__ import annotations

from enum import Enum as PyEnum

from sqlalchemy import Enum


def enum_type(enum_cls: type[PyEnum]) -> Enum:
    """Store an enum by its value as plain text (no CHECK constraint: new members need no migration)."""
    return Enum(
        enum_cls,
        native_enum=False,
        create_constraint=False,
        length=32,
        values_callable=lambda members: [m.value for m in members],
        validate_strings=True,
    )
