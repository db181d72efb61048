"""Stable record ids of the demo: the same names give the same UUIDs, so two builds are identical."""

from __future__ import annotations

import uuid

# Fixed namespace of the demo database (never change it: ids of existing demo copies derive from it).
DEMO_NAMESPACE = uuid.UUID("6f1d3c52-8a0e-4d8b-9a57-2c1e6b0f4d21")


def stable_id(*parts: object) -> uuid.UUID:
    """A uuid5 from the parts, e.g. ``stable_id("meeting", "AO", date)``."""
    return uuid.uuid5(DEMO_NAMESPACE, "/".join(str(part) for part in parts))
