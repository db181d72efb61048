"""Text fields keep every character a person means and drop the control characters pasting brings."""

from __future__ import annotations

import pytest

from ghnt_desktop.services import ValidationError
from ghnt_desktop.services.meetings import clean_text


@pytest.mark.parametrize(
    "typed, stored",
    [
        ("10\u00a0uur", "10\u00a0uur"),  # no-break space from Word
        ("👨\u200d👩\u200d👧 gezin", "👨\u200d👩\u200d👧 gezin"),  # joiner inside an emoji sequence
        ("\u200fשלום", "\u200fשלום"),  # right-to-left mark
        ("regel 1\r\nregel 2\rregel 3", "regel 1\nregel 2\nregel 3"),
        ("a\x00b\x07c\x1bd\x85e\x9ff", "abcdef"),
        ("  kolom\tkolom  ", "kolom\tkolom"),
    ],
)
def test_clean_text_keeps_text_and_drops_controls(typed, stored):
    assert clean_text(typed, label="De tekst") == stored


def test_clean_text_limits_are_clear():
    with pytest.raises(ValidationError, match="te lang"):
        clean_text("x" * 11, label="De titel", max_length=10)
    with pytest.raises(ValidationError, match="mag niet leeg"):
        clean_text("\x00 \x07", label="De titel", required=True)
