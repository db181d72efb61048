"""The voortgangsrapportage for the bestuurlijk overleg, laid out like seed 004, and the voortgangsoverzicht
per actielijn (the stuk an afstemmingsoverleg agenda lists).

The report: a cover with kenmerk, versie, datum and contactpersoon and the contents; Inleiding with
"Actieprogramma in het kort" (the state of the actions as a table and a chart) and a Leeswijzer; the figures
chapter (``_add_figures_chapter``, filled by the indicators work); "Terugkoppeling op de actielijnen" with per
actielijn and per ambition a short title, the narrative, "Wat hebben we gedaan?" as sentences naming the
actions and "Wat moeten we nog doen?" as numbered points from the open actions; "Overige activiteiten";
"Conclusie en vooruitblik" with the vertraagde acties and their original and current deadline. A text that
cites a source as "[1]" gets a real footnote with that source; sources nobody cites are listed at the end.

Headings go strictly one level down at a time (1, 2, 3, 4) in the template's heading styles. A part without
news is one line with the state of its actions: the body has no "geen voortgang gemeld".

The chart is drawn with Pillow (no Qt in exports) and inserted as a picture.
"""

from __future__ import annotations

import functools
import io
import re
import uuid
from collections.abc import Mapping, Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from ..dutch_dates import short_date
from ..services.progress_report import (
    STATE_LABELS,
    NamedAction,
    OverviewDocument,
    ProgressReportDocument,
    ReportLine,
    ReportPart,
    StatusCounts,
    state_sentence,
)
from .docx_common import (
    KIND_TITLES,
    DocxWriter,
    ExportResult,
    Para,
    Progress,
    ProgressCounter,
    Run,
    SpanRow,
    one_line,
    open_template,
    rich_lines,
    run_xml,
)
from .docx_figures import add_actielijn_indicators, add_figures_chapter
from .docx_footnotes import footnote_reference_xml

if TYPE_CHECKING:
    from PIL import ImageDraw, ImageFont

    from ..services.report_tags import TagGroups
    from ..services.indicators import IndicatorRow

# (attribute, Dutch label, colour) in the order the bars stack.
STATUS_SERIES = (
    ("done", "Gereed", (84, 130, 53)),
    ("running", "Loopt", (68, 114, 196)),
    ("not_started", "Niet gestart", (165, 165, 165)),
    ("late", "Vertraagd", (192, 0, 0)),
)
STATUS_COLUMNS = [("Actielijn", 5.4), ("Gereed", 1.7), ("Loopt", 1.7), ("Niet gestart", 1.9), ("Vertraagd", 1.9),
                  ("Vervallen", 1.9), ("Totaal", 1.7)]  # fmt: skip


@functools.lru_cache(maxsize=8)
def _font(size: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    # Cached: ImageFont.truetype looks for the file by walking the system's font folders each time.
    from PIL import ImageFont

    for name in ("DejaVuSans.ttf", "arial.ttf", "LiberationSans-Regular.ttf", "Arial.ttf"):
        try:
            return ImageFont.truetype(name, size)
        except OSError:
            continue
    try:
        return ImageFont.load_default(size=size)
    except TypeError:  # Pillow without FreeType
        return ImageFont.load_default()


def _fit(
    draw: ImageDraw.ImageDraw, text: str, font: ImageFont.FreeTypeFont | ImageFont.ImageFont, width: int
) -> str:
    """``text`` shortened with an ellipsis to fit ``width`` pixels."""
    if draw.textlength(text, font=font) <= width:
        return text
    while text and draw.textlength(text + "…", font=font) > width:
        text = text[:-1]
    return text.rstrip() + "…"


# Charts drawn, by what they show: a report exported again (as PDF after Word, or after its narrative was edited)
# shows the same counts, and drawing and PNG-encoding the picture was a third of writing the report (14-26 ms).
_CHARTS: dict[tuple[tuple[tuple[str, StatusCounts], ...], int], bytes] = {}
_CHARTS_MAX = 8


def status_chart_png(rows: list[tuple[str, StatusCounts]], *, width: int = 1600) -> bytes:
    """A horizontal stacked bar per actielijn (gereed, loopt, niet gestart, vertraagd) with counts and a legend."""
    key = (tuple(rows), width)
    png = _CHARTS.get(key)
    if png is None:
        png = _draw_status_chart(rows, width)
        if len(_CHARTS) >= _CHARTS_MAX:
            _CHARTS.pop(next(iter(_CHARTS)))
        _CHARTS[key] = png
    return png


def _draw_status_chart(rows: list[tuple[str, StatusCounts]], width: int) -> bytes:
    from PIL import Image, ImageDraw

    bar_height, gap, top, label_width = 56, 26, 30, 520
    legend_height = 90
    height = top + max(len(rows), 1) * (bar_height + gap) + legend_height
    image = Image.new("RGB", (width, height), "white")
    draw = ImageDraw.Draw(image)
    font = _font(28)
    small = _font(24)
    plot_left, plot_right = label_width + 20, width - 40
    biggest = max((sum(getattr(c, key) for key, _, _ in STATUS_SERIES) for _, c in rows), default=0) or 1
    scale = (plot_right - plot_left) / biggest
    for index, (label, counts) in enumerate(rows):
        y = top + index * (bar_height + gap)
        shown = _fit(draw, " ".join(label.split()), font, label_width - 10)
        draw.text((label_width, y + bar_height / 2), shown, fill="black", font=font, anchor="rm")
        x = float(plot_left)
        for key, _name, colour in STATUS_SERIES:
            value = getattr(counts, key)
            if not value:
                continue
            x_end = x + value * scale
            draw.rectangle([x, y, x_end, y + bar_height], fill=colour, outline="white")
            text = str(value)
            if draw.textlength(text, font=small) < x_end - x - 6:
                draw.text(((x + x_end) / 2, y + bar_height / 2), text, fill="white", font=small, anchor="mm")
            x = x_end
        total = sum(getattr(counts, key) for key, _, _ in STATUS_SERIES)
        if total == 0:
            draw.text((plot_left, y + bar_height / 2), "geen acties", fill=(90, 90, 90), font=small, anchor="lm")
    draw.line([plot_left, top - 8, plot_left, height - legend_height + 4], fill=(120, 120, 120), width=2)
    x = plot_left
    legend_y = height - legend_height / 2
    for _key, name, colour in STATUS_SERIES:
        draw.rectangle([x, legend_y - 14, x + 28, legend_y + 14], fill=colour)
        draw.text((x + 38, legend_y), name, fill="black", font=font, anchor="lm")
        x += 38 + int(draw.textlength(name, font=font)) + 50
    buffer = io.BytesIO()
    # Not optimize=True: it tries every PNG filter at the highest compression, 52 ms against 20 ms here for
    # a file 2% smaller.
    image.save(buffer, format="PNG")
    return buffer.getvalue()


def _status_row(label: str | Para, c: StatusCounts) -> list[str | Para]:
    return [label, str(c.done), str(c.running), str(c.not_started), str(c.late), str(c.cancelled), str(c.total)]


# --------------------------------------------------------------------------------------------------
# Texts with citations
# --------------------------------------------------------------------------------------------------

# "[2]" cites the second source; the space before it goes, so the footnote mark sits against the word.
_CITATION = re.compile(r"\s*\[(\d{1,3})\]")
# A run that stands for a footnote mark while the paragraph is built as a string (a private-use character
# nobody types), replaced by the footnote's own run afterwards.
_MARK = "\ue000"
_MARK_RUN = run_xml(_MARK)


class _Writer:
    """The report being written: the Word writer, the sources and which of them a footnote cited."""

    def __init__(
        self,
        writer: DocxWriter,
        sources: tuple[str, ...],
        indicators: Mapping[uuid.UUID, Sequence[IndicatorRow]] | None = None,
    ) -> None:
        self.writer = writer
        self.sources = sources
        self.cited: set[int] = set()
        self.indicators = indicators or {}  # per actielijn (section id) its linked indicators

    def text(self, text: str, *, italic: bool = False) -> None:
        """A free text: a paragraph per line, list lines indented, "[n]" made a footnote with source n."""
        for para in rich_lines(text, italic=italic):
            notes: list[str] = []
            runs: list[str | Run] = []
            for run in para.runs:
                piece = run if isinstance(run, Run) else Run(run)
                position = 0
                for match in _CITATION.finditer(piece.text):
                    number = int(match.group(1))
                    if not 1 <= number <= len(self.sources):
                        continue  # not a source: kept as typed
                    runs.append(Run(piece.text[position : match.start()], piece.bold, piece.italic, piece.color))
                    runs.append(_MARK)
                    notes.append(footnote_reference_xml(self.writer.document, self.sources[number - 1]))
                    self.cited.add(number)
                    position = match.end()
                runs.append(Run(piece.text[position:], piece.bold, piece.italic, piece.color))
            xml = self.writer.para_xml(Para(tuple(r for r in runs if r != Run("")), para.style, para.indent_cm,
                                            para.hanging_cm))  # fmt: skip
            for note in notes:
                xml = xml.replace(_MARK_RUN, note, 1)
            self.writer.queue_xml(xml)

    def heading(self, text: str, level: int) -> None:
        self.writer.heading(text, level)

    def next_chapter(self) -> int:
        """The number of the next chapter: one more than the numbered chapters so far (the figures chapter
        counts when it wrote one)."""
        return 1 + sum(1 for level, text in self.writer.headings if level == 1 and text[:1].isdigit())


def _sentence(text: str) -> str:
    text = " ".join(text.split())
    return text if not text or text[-1] in ".!?:;)" else text + "."


# --------------------------------------------------------------------------------------------------
# The parts of the report
# --------------------------------------------------------------------------------------------------


def _cover(out: _Writer, data: ProgressReportDocument) -> None:
    writer = out.writer
    # Room above the title, as a cover has; the contents fill the rest of the page.
    writer.queue_xml('<w:p><w:pPr><w:spacing w:before="1400" w:after="0"/></w:pPr></w:p>')
    writer.title(data.title, data.subtitle)
    pairs = [
        ("Ons kenmerk", data.reference),
        ("Versie", data.version),
        ("Datum", short_date(data.report_date)),
        ("Periode", f"{short_date(data.period_from)} tot en met {short_date(data.period_to)}"),
        ("Contactpersoon", data.contact_person),
        ("E-mail", data.contact_email),
    ]
    if data.region:
        pairs.insert(0, ("Regio", data.region))
    writer.key_values(pairs)
    writer.paragraph(Run("Inhoud", bold=True), style="TOC Heading")
    writer.toc_placeholder(levels=2)
    writer.page_break()


def _introduction(out: _Writer, data: ProgressReportDocument) -> None:
    writer = out.writer
    out.heading("Inleiding", 1)
    out.text(data.introduction)
    out.heading("Actieprogramma in het kort", 2)
    out.text(data.summary)
    if data.lines:
        writer.paragraph(
            f"De stand van de acties op {short_date(data.period_to)}. Een actie is vertraagd als haar termijn "
            "(na uitstel de nieuwe termijn) voorbij is en de actie niet gereed is.",
            keep_next=True,
        )
        rows = [_status_row(line.title, line.counts) for line in data.lines]
        rows.append(_status_row(Para.of(Run("Totaal", bold=True)), data.counts))
        writer.table(STATUS_COLUMNS, rows)
        # The caption above the chart and kept with it: a caption alone at the top of a page says nothing.
        writer.paragraph("Figuur 1. Acties per actielijn naar stand", style="Caption", keep_next=True)
        chart = status_chart_png([(line.title, line.counts) for line in data.lines])
        writer.picture(chart, min(writer.text_width_cm(), 15.0))
    out.heading("Leeswijzer", 2)
    out.text(data.reading_guide)


def _add_figures_chapter(out: _Writer, data: ProgressReportDocument, counter: ProgressCounter) -> None:
    """The figures chapter "Cijfers" (seed 004's "Beeld van de regio"): after the inleiding, before the feedback on
    the actielijnen, numbered on from the chapters written (levels 1, 2, 3 in order). Nothing without indicators.
    Its footnotes (the sources) are the report's own, numbered in reading order with those of the texts."""
    if data.figures is None or data.figures.empty:
        return
    # Figuur 1 is the status chart of the inleiding when the programme has lines.
    add_figures_chapter(
        out.writer,
        data.figures,
        number=str(out.next_chapter()),
        first_figure=2 if data.lines else 1,
        heading_level=1,
    )
    counter.step()


def _done_para(action: NamedAction) -> Para:
    """A sentence of "Wat hebben we gedaan?": the named action and the latest note of the period."""
    note = _sentence(action.done_note)
    said = any(word in note.casefold() for word in ("afgerond", "gereed", "klaar", "vervallen"))
    if action.state == "done" and not said:
        note = f"{note} De actie is gereed.".strip()
    runs: list[str | Run] = ["•\t", Run(action.label, bold=True)]
    if note:
        runs.append(f": {note}")
    return Para(tuple(runs), indent_cm=0.3, hanging_cm=0.5)


_DONE_BY = re.compile(r"^(klaar|gereed)\s*:\s*", re.IGNORECASE)


def _when(text: str) -> str:
    """A deadline inside a sentence: "klaar: januari 2026" reads "januari 2026" after "termijn:"."""
    return _DONE_BY.sub("", one_line(text))


def _deadline_clause(action: NamedAction) -> str:
    if action.deadline_moved:
        current = _when(action.current_deadline) or "nog niet opnieuw vastgesteld"
        return f"Oorspronkelijke termijn: {_when(action.original_deadline)}; huidige termijn: {current}."
    if action.deadline_text:
        return f"Planning: {_when(action.deadline_text)}."
    return ""


def _todo_para(number: int, action: NamedAction) -> Para:
    """A numbered point of "Wat moeten we nog doen?": the open action, what is still to do, its deadline."""
    note = _sentence(action.todo_note)
    # "(nog niet gestart): Nog niet gestart; de trekker plant dit in." says the state twice: once is enough.
    words = action.state_words
    if note[: len(words)].casefold() == words and note[len(words) : len(words) + 1] in (";", ":", ".", ","):
        note = note[len(words) + 1 :].strip()
        note = note[:1].upper() + note[1:]
    rest = " ".join(part for part in (note, _deadline_clause(action)) if part)
    # The state at the end of the period, so the point never contradicts the status (issue 22).
    runs: list[str | Run] = [f"{number}.\t", Run(action.label, bold=True), f" ({action.state_words})"]
    runs.append(f": {rest}" if rest else ".")
    return Para(tuple(runs), indent_cm=0.0, hanging_cm=0.7)


def _part(out: _Writer, part: ReportPart, level: int) -> None:
    out.heading(part.title, level)
    if part.narrative:
        out.text(part.narrative)
    if not part.done:
        # No news this period: the state of its actions in one line, never a "geen voortgang gemeld".
        line = state_sentence(part.counts)
        if line:
            out.writer.paragraph(line)
        return
    out.heading("Wat hebben we gedaan?", level + 1)
    out.writer.paragraphs(_done_para(a) for a in part.done)
    if part.todo:
        out.heading("Wat moeten we nog doen?", level + 1)
        out.writer.paragraphs(_todo_para(n, a) for n, a in enumerate(part.todo, start=1))


def _line(out: _Writer, line: ReportLine, number: str) -> None:
    out.heading(f"{number} {line.title}", 2)
    if line.narrative:
        out.text(line.narrative)
    indicators = out.indicators.get(line.id, ())
    if indicators:
        # Next to the actions, the figures that measure this actielijn (the chapter Cijfers has their series).
        add_actielijn_indicators(out.writer, indicators, title="Indicatoren", level=3)
    for part in line.parts:
        _part(out, part, 3)


def _feedback(out: _Writer, data: ProgressReportDocument, counter: ProgressCounter) -> None:
    lines = data.actielijnen
    if not lines:
        return
    chapter = out.next_chapter()
    count = len(lines)
    out.heading(f"{chapter} Terugkoppeling op de {count} {'actielijn' if count == 1 else 'actielijnen'}", 1)
    parts = [p for line in lines for p in line.parts]
    speerpunten = sum(p.kind == "section" for p in parts)
    kind = "speerpunten" if speerpunten == len(parts) else "ambities en speerpunten" if speerpunten else "ambities"
    out.writer.paragraph(
        f"In dit hoofdstuk laten we per actielijn de resultaten zien van de activiteiten op de {len(parts)} "
        f"{kind} uit het actieprogramma."
    )
    for index, line in enumerate(lines, start=1):
        _line(out, line, f"{chapter}.{index}")
        counter.step()


def _other(out: _Writer, data: ProgressReportDocument, counter: ProgressCounter) -> None:
    if not data.other_activities.strip() and not data.other_lines:
        return
    chapter = out.next_chapter()
    out.heading(f"{chapter} Overige activiteiten", 1)
    intro, topics = split_topics(data.other_activities)
    if intro:
        out.text(intro)
    for index, (title, text) in enumerate(topics, start=1):
        out.heading(f"{chapter}.{index} {title}", 2)
        if text:
            out.text(text)
    for index, line in enumerate(data.other_lines, start=len(topics) + 1):
        _line(out, line, f"{chapter}.{index}")
        counter.step()


_TOPIC = re.compile(r"^#\s+(\S.*)$")


def split_topics(text: str) -> tuple[str, list[tuple[str, str]]]:
    """The overige activiteiten as the user wrote them: an opening text, then topics, each started by a line
    "# Title" (seed 004: "Forensisch medische expertise", "Complexe scheidingen", "Ervaringsdeskundigheid")."""
    intro: list[str] = []
    topics: list[tuple[str, list[str]]] = []
    for line in (text or "").splitlines():
        match = _TOPIC.match(line.strip())
        if match:
            topics.append((" ".join(match.group(1).split()), []))
        elif topics:
            topics[-1][1].append(line)
        else:
            intro.append(line)
    return "\n".join(intro).strip(), [(title, "\n".join(lines).strip()) for title, lines in topics]


LATE_COLUMNS = [
    ("Actie", 4.7),
    ("Trekker", 2.6),
    ("Oorspronkelijke termijn", 2.4),
    ("Huidige termijn", 2.4),
    ("Te laat", 2.7),  # "(termijn 05-11-2026)" on one line
]


NO_BREAK_HYPHEN = "\u2011"


def late_cells(action: NamedAction, period_to: date) -> list[str]:
    """The termijn cells of a row of the table of late and postponed actions.

    The termijnen as planned ("klaar: februari 2026" reads "februari 2026" under "Oorspronkelijke termijn"),
    and how late the action is at the end of the period, counted from the deadline in force (the last day of a
    period written as text, or the later date it was postponed to), which the cell names: so the figure can be
    checked against the termijn next to it, and agrees with "vertraagd" in the counts.
    """
    current = _when(action.current_deadline) or "nog niet opnieuw vastgesteld"
    if action.state == "late" and action.deadline_end is not None:
        days = action.days_late
        # Non-breaking hyphens: a narrow column broke the date itself ("05-" / "11-2026").
        when = short_date(action.deadline_end).replace("-", NO_BREAK_HYPHEN)
        late = f"{days} {'dag' if days == 1 else 'dagen'}\n(termijn {when})"
    else:
        late = "nee, uitgesteld"
    return [_when(action.original_deadline), current, late]


def _conclusion(out: _Writer, data: ProgressReportDocument) -> None:
    writer = out.writer
    mark = writer.mark()
    chapter = out.next_chapter()
    out.heading(f"{chapter} Conclusie en vooruitblik", 1)
    out.text(data.conclusion)
    out.text(data.outlook)
    sub = 0
    late = data.late_actions
    if late:
        sub += 1
        out.heading(f"{chapter}.{sub} Vertraagde en uitgestelde acties", 2)
        rows: list[list[str | Para]] = [
            [
                Para.of(Run(a.code, bold=True), f" {a.short_title}"),
                ", ".join(a.trekkers),
                *late_cells(a, data.period_to),
            ]
            for a in late
        ]
        writer.table(LATE_COLUMNS, rows)
    uncited = [source for n, source in enumerate(data.sources, start=1) if n not in out.cited]
    if uncited:
        sub += 1
        out.heading(f"{chapter}.{sub} Bronnen", 2)
        writer.numbered(uncited)
    # The last chapter moves to a new page as a whole instead of leaving a few rows of a table alone there.
    writer.keep_together(mark)


def export_voortgang(
    data: ProgressReportDocument,
    path: Path | str,
    *,
    template: Path | str | None = None,
    progress: Progress = None,
    tag_groups: TagGroups | None = None,
) -> ExportResult:
    """Write the voortgangsrapportage; with ``tag_groups`` a chapter per label follows the actielijnen."""
    counter = ProgressCounter(progress, len(data.lines) + 4 + (data.figures is not None))
    writer = DocxWriter(open_template(template, "voortgang"))
    out = _Writer(writer, data.sources, data.line_indicators)
    _cover(out, data)
    counter.step()
    _introduction(out, data)
    counter.step()
    _add_figures_chapter(out, data, counter)
    _feedback(out, data, counter)
    if tag_groups is not None:
        _tag_chapter(out, tag_groups)
    _other(out, data, counter)
    _conclusion(out, data)
    counter.step()
    written = writer.finish(
        path,
        title=data.title,
        author=data.contact_person or data.region or "GHNT Desktop",
        subject=f"Voortgang {data.programme_title}",
        keywords="voortgangsrapportage, GHNT",
        confidential=bool(data.omitted.included),
    )
    counter.finish()
    return ExportResult(written, "voortgang", data.omitted, len(data.lines))


# --------------------------------------------------------------------------------------------------
# The actions per label (processtap, doelgroep): a chapter after the actielijnen (issue 18)
# --------------------------------------------------------------------------------------------------


def _tag_action_para(action: NamedAction) -> Para:
    """A line of the chapter per label: the named action, its state and, while open, its deadline."""
    state = STATE_LABELS[action.state]
    deadline = _deadline_clause(action) if action.is_open else ""
    runs: list[str | Run] = ["•\t", Run(action.label, bold=True), f": {state.casefold()}."]
    if deadline:
        runs.append(f" {deadline}")
    return Para(tuple(runs), indent_cm=0.3, hanging_cm=0.5)


def _tag_chapter(out: _Writer, groups: TagGroups) -> None:
    """The chapter "Voortgang per processtap": per label the state of its actions in one line, then the actions."""
    if not groups.groups:
        return
    chapter = out.next_chapter()
    kind = groups.kind.casefold()
    out.heading(f"{chapter} Voortgang per {kind}", 1)
    out.writer.paragraph(
        f"In dit hoofdstuk staan de acties uit de actielijnen nog eens per {kind}, met hun stand aan het einde "
        f"van de periode. Een actie met meer dan één {kind} staat bij elk ervan."
    )
    for index, group in enumerate(groups.groups, start=1):
        out.heading(f"{chapter}.{index} {group.title}", 2)
        line = state_sentence(group.counts)
        if line:
            out.writer.paragraph(line)
        out.writer.paragraphs(_tag_action_para(a) for a in group.actions)


# --------------------------------------------------------------------------------------------------
# Voortgangsoverzicht per actielijn
# --------------------------------------------------------------------------------------------------

OVERVIEW_COLUMNS = [("Nr.", 1.2), ("Actie", 6.0), ("Trekker", 3.0), ("Deadline", 2.4), ("Status", 1.8),
                    ("Stand van zaken", 6.0)]  # fmt: skip


def overview_deadline(action: NamedAction) -> str:
    """The deadline as written in the programme (else the first one set), and the current one when it moved."""
    written = _when(action.deadline_text) or _when(action.original_deadline)
    current = _when(action.current_deadline)
    if action.postponed and current and current != written:
        return f"{written}\nnu {current}" if written else current
    return written


def export_voortgangsoverzicht(
    data: OverviewDocument, path: Path | str, *, template: Path | str | None = None, progress: Progress = None
) -> ExportResult:
    """Write the voortgangsoverzicht per actielijn: one landscape table, a heading row per actielijn."""
    counter = ProgressCounter(progress, 2)
    writer = DocxWriter(open_template(template, "voortgang"))
    _rename_running_header(writer, KIND_TITLES["voortgang"], KIND_TITLES["voortgangsoverzicht"])
    writer.set_landscape()
    writer.title(data.title, f"{data.programme_title}, stand per {short_date(data.on)}")
    rows: list[SpanRow | list[str | Para]] = []
    for line in data.lines:
        rows.append(SpanRow(line.title))
        for action in line.actions:
            rows.append(
                [
                    action.code,
                    one_line(action.text),
                    ", ".join(action.trekkers),
                    overview_deadline(action),
                    STATE_LABELS[action.state],
                    action.latest_note,
                ]
            )
    counter.step()
    if rows:
        writer.table(OVERVIEW_COLUMNS, rows)
    else:
        writer.paragraph("Dit actieprogramma heeft nog geen acties.")
    written = writer.finish(
        path,
        title=f"{data.title} {data.programme_title}",
        author=data.region or "GHNT Desktop",
        subject=f"Voortgang {data.programme_title}",
        keywords="voortgangsoverzicht, actielijn, GHNT",
        confidential=bool(data.omitted.included),
    )
    counter.finish()
    return ExportResult(written, "voortgangsoverzicht", data.omitted, sum(len(line.actions) for line in data.lines))


def _rename_running_header(writer: DocxWriter, old: str, new: str) -> None:
    """The overview wears the voortgangsrapportage's template, whose page header names that document: a text in
    the headers that is exactly ``old`` becomes ``new`` (a house style's own wording is left alone)."""
    from docx.oxml.ns import qn

    for section in writer.document.sections:
        for header in (section.header, section.first_page_header, section.even_page_header):
            if header.is_linked_to_previous:
                continue
            for text in header._element.iter(qn("w:t")):
                if (text.text or "").strip() == old:
                    text.text = new
