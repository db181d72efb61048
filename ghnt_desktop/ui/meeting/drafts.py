"""Text typed into an entry form but not yet recorded, kept per record while the user looks elsewhere.

The minute-taking tab has forms that show one record at a time: the new decision and action of an agenda
item, the progress of an action under review, the progress of a programme action. Moving to another item
or row used to empty or overwrite the form, and what was typed was gone without a word. A ``Drafts``
keeps each form's unrecorded text under the record it was typed for and puts it back when the user
returns; ``pending()`` names what is still waiting. The drafts also outlive the window: the meetings page
keeps them in the settings (``to_json``/``load_json``) and the next run puts them back.
"""

from __future__ import annotations

import json
from collections.abc import Hashable, Mapping

from PySide6.QtWidgets import QLineEdit, QPlainTextEdit

Field = QLineEdit | QPlainTextEdit


def text_of(field: Field) -> str:
    return field.toPlainText() if isinstance(field, QPlainTextEdit) else field.text()


def set_text(field: Field, text: str) -> None:
    if isinstance(field, QPlainTextEdit):
        field.setPlainText(text)
    else:
        field.setText(text)


class Drafts:
    """Unrecorded form texts by (form, record key)."""

    def __init__(self) -> None:
        # Keys are kept as text (ids are UUIDs), so drafts survive a round trip through the settings.
        self._texts: dict[tuple[str, str], dict[str, str]] = {}
        self._labels: dict[tuple[str, str], str] = {}

    def stash(
        self, form: str, key: Hashable, fields: Mapping[str, Field], stored: Mapping[str, str], label: str
    ) -> None:
        """Keep the form's texts for ``key`` when they differ from what is ``stored`` (else forget them)."""
        texts = {name: text_of(field) for name, field in fields.items()}
        if any(texts[name].strip() != (stored.get(name) or "").strip() for name in texts):
            self._texts[(form, str(key))] = texts
            self._labels[(form, str(key))] = label
        else:
            self.drop(form, key)

    def restore(self, form: str, key: Hashable, fields: Mapping[str, Field], stored: Mapping[str, str]) -> bool:
        """Put the kept texts for ``key`` back into the form (True), or the ``stored`` values (False)."""
        texts = self._texts.get((form, str(key)))
        if texts is not None and all(texts[n].strip() == (stored.get(n) or "").strip() for n in texts):
            self.drop(form, key)  # recorded meanwhile (or undone to the same text): nothing is waiting
            texts = None
        for name, field in fields.items():
            set_text(field, texts[name] if texts is not None else stored.get(name) or "")
        return texts is not None

    def drop(self, form: str, key: Hashable) -> None:
        self._texts.pop((form, str(key)), None)
        self._labels.pop((form, str(key)), None)

    def has(self, form: str, key: Hashable) -> bool:
        return (form, str(key)) in self._texts

    def pending(self) -> list[str]:
        """What still waits to be recorded, in the words of each stash's label."""
        return list(self._labels.values())

    def to_json(self) -> str:
        return json.dumps(
            [[form, key, texts, self._labels.get((form, key), "")] for (form, key), texts in self._texts.items()],
            ensure_ascii=False,
        )

    def load_json(self, text: str) -> None:
        """Drafts of an earlier run; anything unreadable (another version, a damaged file) is skipped."""
        try:
            entries = json.loads(text) if text else []
        except ValueError:
            return
        for entry in entries if isinstance(entries, list) else []:
            try:
                form, key, texts, label = entry
                clean = {str(name): str(value) for name, value in dict(texts).items()}
            except (TypeError, ValueError):
                continue
            self._texts[(str(form), str(key))] = clean
            self._labels[(str(form), str(key))] = str(label)
