"""The check after saving a Word document (``docx_template.written_problem``) without python-docx objects, and the
privacy guard's cheap pre-tests: both must find everything the slower versions found.

The reference for the check is the reopen it replaced (python-docx opens the file, every part and relationship,
then the XML and references of every part): every damage that reference finds, the new check must find too.
"""

from __future__ import annotations

import enum
import io
import re
import uuid
import zipfile
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import docx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from ghnt_desktop import privacy
from ghnt_desktop.exports import docx_common, docx_template
from ghnt_desktop.exports.docx_common import DocxWriter, ExportError, open_template
from ghnt_desktop.exports.jobs import privacy_warning
from ghnt_desktop.privacy import find_case_data

R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PREVIOUS = b"het vorige bestand"


def reopen_problem(path: Path) -> str:
    """The check as it was: python-docx opens the file again (the reference the new check must match). Where
    python-docx crashed, the export failed and the file was not replaced either: that counts as found."""
    try:
        return _reopen_problem(path)
    except Exception as exc:  # noqa: BLE001
        return f"crash: {type(exc).__name__}: {exc}"


def _reopen_problem(path: Path) -> str:
    from docx.opc.part import XmlPart

    try:
        with zipfile.ZipFile(path) as archive:
            names = archive.namelist()
        if len(set(names)) != len(names):
            return "a part is in the zip twice"
        document = docx.Document(str(path))
    except Exception as exc:  # noqa: BLE001
        return f"python-docx: {type(exc).__name__}: {exc}"
    if document.part.content_type != docx_template.CT_DOCUMENT:
        return "main part"
    for part in document.part.package.iter_parts():
        for rel in part.rels.values():
            if rel.is_external:
                return "external"
        if isinstance(part, XmlPart):
            root = part.element
        elif part.content_type.endswith("xml"):
            try:
                root = docx_template._parse(part.blob)
            except (etree.XMLSyntaxError, ValueError):
                return "not XML"
        else:
            continue
        if docx_template._referenced_ids(root) - set(part.rels):
            return "missing relationships"
    try:
        for section in document.sections:
            _ = section.page_width, section.page_height, section.left_margin, section.right_margin
    except Exception as exc:  # noqa: BLE001 - ValueError, TypeError; a crash also kept the file from replacing
        return f"page geometry: {exc}"
    return ""


def tiny_png() -> bytes:
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (8, 8), "red").save(out, format="PNG")
    return out.getvalue()


@pytest.fixture(scope="module")
def written(tmp_path_factory) -> dict[str, bytes]:
    """The parts of a real export: styles, header and footer with page numbers, a table, a picture, a TOC."""
    out = tmp_path_factory.mktemp("written") / "rapport.docx"
    writer = DocxWriter(open_template(None, "voortgang"))
    writer.title("Voortgangsrapportage", "Regio Test")
    writer.toc_placeholder()
    writer.heading("Inleiding", 1)
    writer.paragraph('Tekst die op een verwijzing lijkt: r:id="rId999" en <w:sectPr w:w="x">.')
    writer.table(
        [("Nr", 1.5), ("Actie", 6), ("Status", 2)], [["1", "Uitwerken", "Loopt"], ["2", "Afstemmen", "Gereed"]]
    )
    writer.picture(tiny_png(), 4.0)
    writer.finish(out, title="Rapport", author="Test")
    with zipfile.ZipFile(out) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def pack(parts: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, payload in parts.items():
            archive.writestr(name, payload)
    return out.getvalue()


def edit(parts: dict[str, bytes], name: str, old: bytes, new: bytes) -> dict[str, bytes]:
    assert old in parts[name], f"{old!r} not in {name}: the damage would do nothing"
    return {**parts, name: parts[name].replace(old, new, 1)}


def without(parts: dict[str, bytes], name: str) -> dict[str, bytes]:
    assert name in parts
    return {k: v for k, v in parts.items() if k != name}


def media(parts: dict[str, bytes]) -> str:
    return next(name for name in parts if name.startswith("word/media/"))


def header(parts: dict[str, bytes]) -> str:
    return next(name for name in parts if re.fullmatch(r"word/header\d+\.xml", name))


# Each damage gives the bytes of a file; every one of them the old reopen refused.
DAMAGES = {
    "truncated zip": lambda p: pack(p)[: len(pack(p)) // 2],
    "truncated end of zip": lambda p: pack(p)[:-30],
    "broken document.xml": lambda p: pack({**p, "word/document.xml": p["word/document.xml"][:-200]}),
    "broken styles.xml": lambda p: pack({**p, "word/styles.xml": b"<w:styles"}),
    "broken header": lambda p: pack({**p, header(p): p[header(p)] + b"<extra/>"}),
    "broken core properties": lambda p: pack({**p, "docProps/core.xml": b"<kapot"}),
    "broken relationships": lambda p: pack({**p, "word/_rels/document.xml.rels": b"<Relationships"}),
    "undeclared prefix in the body": lambda p: pack(edit(p, "word/document.xml", b"<w:body>", b"<w:body><q:x/>")),
    "missing header part": lambda p: pack(without(p, header(p))),
    "missing picture": lambda p: pack(without(p, media(p))),
    "missing styles part": lambda p: pack(without(p, "word/styles.xml")),
    "missing content types": lambda p: pack(without(p, "[Content_Types].xml")),
    "missing package relationships": lambda p: pack(without(p, "_rels/.rels")),
    "reference to a missing relationship": lambda p: pack(
        edit(
            p,
            "word/document.xml",
            b"<w:body>",
            f'<w:body><w:p><w:hyperlink xmlns:r="{R}" r:id="rId999"/></w:p>'.encode(),
        )
    ),
    "picture reference to a missing relationship": lambda p: pack(
        {**p, "word/document.xml": re.sub(rb'r:embed="[^"]*"', b'r:embed="rId404"', p["word/document.xml"])}
    ),
    "external relationship": lambda p: pack(
        edit(
            p,
            "word/_rels/document.xml.rels",
            b'Target="' + media(p)[5:].encode() + b'"',
            b'Target="file:///C:/logo.png" TargetMode="External"',
        )  # fmt: skip
    ),
    "no content type for the picture": lambda p: pack(
        {**p, "[Content_Types].xml": re.sub(rb'<Default Extension="png"[^>]*/>', b"", p["[Content_Types].xml"])}
    ),
    "content type entry without its part name": lambda p: pack(
        edit(p, "[Content_Types].xml", b'PartName="/word/styles.xml"', b'PartNam="/word/styles.xml"')
    ),
    "a template as the main part": lambda p: pack(
        edit(p, "[Content_Types].xml", b"document.main+xml", b"template.main+xml")
    ),
    "garbage page width": lambda p: pack(
        {**p, "word/document.xml": re.sub(rb'(<w:pgSz[^>]*w:w=")[^"]*', rb"\1breed", p["word/document.xml"])}
    ),
    "garbage margin": lambda p: pack(
        {**p, "word/document.xml": re.sub(rb'(<w:pgMar[^>]*w:left=")[^"]*', rb"\1-", p["word/document.xml"])}
    ),
}


def _twice(parts: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive, pytest.warns(UserWarning):
        for name, payload in parts.items():
            archive.writestr(name, payload)
        archive.writestr("word/document.xml", parts["word/document.xml"])
    return out.getvalue()


def _bad_crc(parts: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as archive:
        for name, payload in parts.items():
            archive.writestr(name, payload)
    data = bytearray(out.getvalue())
    at = bytes(data).index(b"<w:body>")
    data[at + 1] = ord("x")  # stored, so the damage is in the bytes read; the checksum no longer matches
    return bytes(data)


DAMAGES["a part twice"] = _twice
DAMAGES["bad checksum"] = _bad_crc


def test_the_written_export_passes_both_checks(written, tmp_path):
    out = tmp_path / "goed.docx"
    out.write_bytes(pack(written))
    assert reopen_problem(out) == ""
    assert docx_template.written_problem(out) == ""


@pytest.mark.parametrize("damage", DAMAGES, ids=list(DAMAGES))
def test_every_damage_the_reopen_found_is_found(damage, written, tmp_path):
    bad = tmp_path / "kapot.docx"
    bad.write_bytes(DAMAGES[damage](dict(written)))
    assert reopen_problem(bad) != "", "the damage must be one the old check found"
    assert docx_template.written_problem(bad) != ""


def test_text_that_looks_like_a_reference_is_no_damage(written, tmp_path):
    """The byte scan for references also sees text; such text sends the part to the exact check, which passes it."""
    assert (
        b"r:id=&quot;rId999&quot;" in written["word/document.xml"] or b'r:id="rId999"' in written["word/document.xml"]
    )
    out = tmp_path / "tekst.docx"
    out.write_bytes(pack(written))
    assert docx_template.written_problem(out) == ""


def test_an_escaped_id_is_decided_on_the_tree(written, tmp_path):
    rels = written["word/_rels/document.xml.rels"]
    rid = re.search(rb'Id="(rId\d+)"[^>]*Target="media/', rels) or re.search(
        rb'Target="media/[^"]*"[^>]*Id="(rId\d+)"', rels
    )
    assert rid is not None
    parts = {**written, "word/document.xml": written["word/document.xml"].replace(
        b'r:embed="' + rid.group(1) + b'"', b'r:embed="&#114;' + rid.group(1)[1:] + b'"')}  # fmt: skip
    out = tmp_path / "escaped.docx"
    out.write_bytes(pack(parts))
    assert reopen_problem(out) == "" and docx_template.written_problem(out) == ""


def test_a_damaged_save_keeps_the_previous_file(tmp_path, monkeypatch):
    """The whole path: the saved file is damaged (as a failing disk or library would), the check refuses it."""
    out = tmp_path / "verslag.docx"
    out.write_bytes(PREVIOUS)
    original = docx_common.write_package

    def save_truncated(document, path):
        original(document, path)
        data = Path(path).read_bytes()
        Path(path).write_bytes(data[: len(data) - 100])

    monkeypatch.setattr(docx_common, "write_package", save_truncated)
    writer = DocxWriter(open_template(None, "verslag"))
    writer.paragraph("Tekst")
    with pytest.raises(ExportError, match="is niet opgeslagen"):
        writer.finish(out, title="Verslag", author="Test")
    assert out.read_bytes() == PREVIOUS
    assert [p.name for p in tmp_path.iterdir()] == ["verslag.docx"]


SNIPPETS = [b"<", b">", b"&", b'"', b"\x00", b"<w:p>", b'r:id="rId404"', b' r:embed="rId7"', b"\xff\xfe"]
DAMAGE_STEPS = st.lists(
    st.tuples(
        st.integers(0, 10_000),  # which XML part
        st.sampled_from(["flip", "cut", "insert", "drop"]),
        st.floats(0, 1),  # where in it
        st.integers(0, 255),
        st.integers(1, 400),
        st.sampled_from(SNIPPETS),
    ),
    min_size=1,
    max_size=3,
)


def damaged(parts: dict[str, bytes], steps) -> bytes:
    parts = dict(parts)
    for which, operation, where, byte, length, snippet in steps:
        names = sorted(name for name in parts if name.endswith((".xml", ".rels")))
        name = names[which % len(names)]
        data = bytearray(parts[name])
        at = int(where * max(len(data) - 1, 0))
        if operation == "flip":
            data[at] = byte
        elif operation == "cut":
            del data[at : at + length]
        elif operation == "insert":
            data[at:at] = snippet
        else:
            del parts[name]
            continue
        parts[name] = bytes(data)
    return pack(parts)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(steps=DAMAGE_STEPS)
def test_random_damage_found_by_the_reopen_is_found(steps, written, tmp_path):
    bad = tmp_path / "kapot.docx"
    bad.write_bytes(damaged(written, steps))
    if reopen_problem(bad):
        assert docx_template.written_problem(bad) != ""


# --------------------------------------------------------------------------------------------------
# The privacy guard: the cheap pre-tests never hide a finding
# --------------------------------------------------------------------------------------------------


def find_without_pretests(text: str, monkeypatch) -> list:
    with monkeypatch.context() as patched:
        everything = re.compile("")
        for name in ("_ANY_DIGIT", "_DIGITS_HINT", "_POSTCODE_HINT", "_PARTY_END_HINT"):
            patched.setattr(privacy, name, everything)
        patched.setattr(privacy, "_BIRTH_WORDS", ("",))
        patched.setattr(privacy, "_party_before_capital", lambda text, lower: True)
        return find_case_data(text)


FRAGMENTS = [
    "cliënt", "CLIËNT", "Client", "moeder", "MOEDER", "Vader", "kind", "KIND", "zoon", "dochter", "slachtoffer",
    "pleger", "verdachte", "betrokkene", "mevrouw", "Meneer", "mevr.", "DHR.", "mw.", "hr.", "oma", "opa",
    "stiefvader", "partner", "ex-partner", "gezin", "ſlachtoffer", "clıent", "CLİENT", "Jansen", "De Vries", "van",
    "de", "Veilig Thuis", "geboren", "GEB.", "geb.datum", "geboortedatum", "D.O.B.", "dob", "12-03-2011",
    "3 maart 2011", "111222333", "1112.22.333", "111 222 333", "123456782", "1234.56.782", "Kerkstraat", "12a",
    "Dorpsweg", "7-9", "1234 AB", "1234AB", "2026", "AO-2026-3-02", " ", " ", "\n", ":", ",", ".", "(",
    "kindermishandeling", "\u00a0", "\u2003", "É", "Ölçer", "İ", "ẞ",
]  # fmt: skip


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from(FRAGMENTS), max_size=12).map("".join) | st.text(max_size=60))
def test_pretests_never_hide_a_finding(monkeypatch, text):
    assert find_case_data(text) == find_without_pretests(text, monkeypatch)


@pytest.mark.parametrize(
    "text",
    ["moeder Jansen belde", "MOEDER Jansen", "kind\u00a0Jansen", "zoon  De Vries", "mevr. A. Bakker",
     "ſlachtoffer Pietersen", "clıent Bakker", "CLİENT Bakker", "geb. 12-03-2011", "BSN 1234.56.782",
     "Kerkstraat 12a", "postcode 1234 AB", "D.O.B. 3 maart 2011"],
)  # fmt: skip
def test_pretests_pass_what_the_patterns_find(text, monkeypatch):
    expected = find_without_pretests(text, monkeypatch)
    assert expected, "the case must hold something to find"
    assert find_case_data(text) == expected


def test_a_repeated_text_counts_each_time_it_is_shown():
    """Texts are read once per export, but a text shown five times still counts five times in the warning."""
    from dataclasses import dataclass

    @dataclass(frozen=True)
    class Row:
        text: str
        code: str

    rows = tuple(Row("BSN 123456782 genoemd", f"A{i}") for i in range(5))
    warning = privacy_warning(rows)
    assert "een BSN-achtig nummer (123456782)" in warning and "en nog 2" in warning
    assert privacy_warning(rows) == warning  # the second time from what the guard kept, the same
    assert privacy_warning(rows[:1]) != warning and privacy_warning(()) == ""


@pytest.mark.parametrize("kind", ["verslag", "voortgang"])
def test_the_package_writer_writes_what_python_docx_writes(kind, tmp_path):
    """``write_package`` reuses the deflated bytes of parts it wrote before: every part, written the first and the
    second time (from the cache), reads back as the bytes python-docx's own save writes, with the same names and
    order, and python-docx opens it."""
    writer = DocxWriter(open_template(None, kind))
    writer.paragraph("Tekst met een é en een tab\t.")
    writer.table([("Nr", 1), ("Actie", 4)], [["1", "Werkafspraken maken"]] * 30)
    writer.flush()
    document = writer.document
    document.save(str(tmp_path / "reference.docx"))
    with zipfile.ZipFile(tmp_path / "reference.docx") as archive:
        reference = [(info.filename, archive.read(info)) for info in archive.infolist()]
    for attempt in range(2):
        out = tmp_path / f"ours{attempt}.docx"
        docx_common.write_package(document, out)
        with zipfile.ZipFile(out) as archive:
            assert archive.testzip() is None
            ours = [(info.filename, archive.read(info)) for info in archive.infolist()]
            assert all(info.compress_type == zipfile.ZIP_DEFLATED for info in archive.infolist())
        assert ours == reference
        assert docx_template.written_problem(out) == ""
        assert docx.Document(str(out)).paragraphs[0].text.startswith("Tekst")



class _Colour(enum.Enum):
    RED = "rood"


@dataclass(frozen=True)
class _Inner:
    text: str
    number: int | None = None


@dataclass(frozen=True)
class _Outer:
    code: str
    when: date | None
    colour: _Colour
    key: uuid.UUID
    notes: str
    rows: tuple[_Inner, ...]
    other: object
    by_id: dict[str, _Inner]


@dataclass(frozen=True)
class _Unresolvable:
    code: str
    notes: str
    later: NotDefinedAnywhere  # type: ignore[name-defined]  # noqa: F821 - the guard must still look inside


def test_the_guard_skips_only_fields_that_cannot_hold_written_text():
    """Fields typed as numbers, dates, ids, enums or plain (unwritten) text are passed over; the written ones and
    any field that may hold more dataclasses (a tuple, an object, an unresolvable type) are read."""
    from ghnt_desktop.exports import jobs

    value = _Outer("BSN 123456782", None, _Colour.RED, uuid.uuid4(), "geb. 12-03-2011", (_Inner("BSN 111222333"),),
                   _Inner("moeder Jansen belde"), {"a": _Inner("Kerkstraat 12a")})  # fmt: skip
    assert [name for name, _ in jobs._fields_of(_Outer)] == ["notes", "rows", "other", "by_id"]
    assert list(jobs._written_texts(value)) == [
        "geb. 12-03-2011", "BSN 111222333", "moeder Jansen belde"
    ]  # fmt: skip  (a mapping that is not a written field is not read, as before)
    assert [name for name, _ in jobs._fields_of(_Unresolvable)] == ["code", "notes", "later"]
    assert list(jobs._written_texts(_Unresolvable("x", "geb. 1-1-2011", _Inner("BSN 111222333")))) == [
        "geb. 1-1-2011", "BSN 111222333"
    ]  # fmt: skip
