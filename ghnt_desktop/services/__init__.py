"""Use cases of ghnt_desktop. Services take a ``Session``, import no Qt and return frozen dataclasses.

They raise the domain errors below instead of showing dialogs; their messages are Dutch and shown as
they are to the user.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from typing import Any


class _Unset:
    def __repr__(self) -> str:
        return "UNSET"


# "Leave this field as it is" for optional keyword arguments; ``meetings.UNSET`` (here so that ``versions`` can
# know it without importing the services that use it).
UNSET_VALUE: Any = _Unset()


class ServiceError(Exception):
    """Base of the errors a service raises on purpose; ``str(exc)`` is a Dutch message for the user."""


class ValidationError(ServiceError):
    """The input cannot be accepted as it is."""


class NotFoundError(ServiceError):
    """A record asked for does not exist (any more)."""


class RefusedError(ServiceError):
    """The action is not allowed in the record's state (for example deleting what minutes refer to)."""


@dataclass(frozen=True)
class Changes:
    """What a mutating service changed, so each view can decide whether it must refresh."""

    programme: bool = False
    meetings: bool = False
    actions: bool = False
    network: bool = False
    indicators: bool = False
    ids: frozenset[uuid.UUID] = field(default_factory=frozenset)

    def __or__(self, other: Changes) -> Changes:
        return Changes(
            programme=self.programme or other.programme,
            meetings=self.meetings or other.meetings,
            actions=self.actions or other.actions,
            network=self.network or other.network,
            indicators=self.indicators or other.indicators,
            ids=self.ids | other.ids,
        )
