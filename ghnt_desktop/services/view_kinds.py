"""Plain constants of the actions view, importable without SQLAlchemy.

The actions page's item model needs them while the main window is built, before any database is
open; importing ``services.actions`` there would pull SQLAlchemy and the models into start-up
(measured: the window shown 1.5 s after start instead of 0.3 s).
"""

ITEM = "item"  # a ViewRow's kind: an actiepunt or toezegging from a meeting
PROGRAMME = "programme"  # an actie of the programme
ROW_KINDS = (ITEM, PROGRAMME)
# ActionStatus values of closed actions (DONE, CANCELLED); a test keeps them equal to the enum's.
CLOSED_VALUES = frozenset({"done", "cancelled"})
