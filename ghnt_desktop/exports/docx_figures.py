"""The "Cijfers" chapter of the voortgangsrapportage, laid out like seed 004's figures chapter.

Per actielijn (in programme order) a short table of its indicators (last value, streefwaarde, on track or not),
then per indicator: its definition with the source as a real footnote, the nulmeting and streefwaarden, a table
of periods (value, change against the previous period and the nulmeting, the streefwaarde of that year and
whether it was on track), a sentence about the last measurement, the chart (``exports.charts``, the picture the
Indicatoren page shows) and, where values per gemeente are known, their spread over the gemeenten. Voorlopig
values are marked with ``*`` and in words ("voorlopig").

The chapter is a standalone function over a ``DocxWriter`` and the service's data, so the report adds it with::

    from ..services.indicators import figures_chapter
    chapter = figures_chapter(session, include_confidential=..., first_year=..., last_year=...)
    add_figures_chapter(writer, chapter, number="1")

It reads no database and imports no Qt. Each ``ChapterIndicator`` carries its streefwaarden (``targets``), so
those of years after the last measurement are in the text and the chart too.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Sequence
from decimal import Decimal
from typing import TYPE_CHECKING

from ..models.enums import IndicatorDirection, IndicatorUnit
from ..services.figure_values import format_value
from .charts import chart_description, chart_for, indicator_chart_png
from .docx_common import CONFIDENTIAL_COLOR, CONFIDENTIAL_LABEL, Para, Run, one_line
from .docx_footnotes import footnote_reference_xml

if TYPE_CHECKING:
    from ..services.indicators import (
        ChapterIndicator,
        FigureLine,
        FiguresChapter,
        IndicatorRow,
        PeriodValue,
        TargetValue,
    )
    from .docx_common import DocxWriter

CHART_DPI = 200
KEEP_WHOLE_ROWS = 15  # a period table of up to this many rows is kept on one page
CHART_HEIGHT_CM = 6.8
TABLE_COLUMNS = [("Periode", 1.6), ("Waarde", 1.3), ("t.o.v. vorige periode", 1.9), ("t.o.v. nulmeting", 2.0),
                 ("Streefwaarde", 1.8), ("Op koers", 1.3), ("Opmerking", 2.2)]  # fmt: skip
SUMMARY_COLUMNS = [("Indicator", 4.6), ("Laatste meting", 2.2), ("Streefwaarde", 1.9), ("Op koers", 1.5)]
MUNICIPALITY_COLUMNS = [("Gemeente", 3.0), ("Waarde", 1.4)]
UNIT_WORDS = {IndicatorUnit.COUNT: "aantal", IndicatorUnit.PERCENTAGE: "percentage", IndicatorUnit.DAYS: "dagen",
              IndicatorUnit.EUROS: "euro"}  # fmt: skip
DIRECTION_WORDS = {IndicatorDirection.HIGHER_IS_BETTER: "hoger is beter",
                   IndicatorDirection.LOWER_IS_BETTER: "lager is beter",
                   IndicatorDirection.NEUTRAL: "contextcijfer, zonder streefrichting"}  # fmt: skip
INTRODUCTION = (
    "Per actielijn staan hieronder de indicatoren die erbij horen. Per indicator volgen de metingen per periode, "
    "de verandering ten opzichte van de vorige periode en van de nulmeting, de streefwaarde en of de indicator op "
    "koers ligt. Een streefwaarde tussen de nulmeting en een latere streefwaarde is een tussenwaarde op de rechte "
    "lijn daartussen."
)


def _on_track_text(on_track: bool | None) -> str:
    return "" if on_track is None else "op koers" if on_track else "niet op koers"


def _last_known(lines: Sequence[FigureLine]) -> FigureLine | None:
    return next((line for line in reversed(lines) if line.value is not None and not line.unknown), None)


def _later_targets(indicator: ChapterIndicator, targets: Sequence[TargetValue]) -> list[TargetValue]:
    last = max((line.period.year for line in indicator.lines), default=None)
    return [t for t in targets if t.value is not None and (last is None or t.year > last)]


def status_sentence(indicator: ChapterIndicator, targets: Sequence[TargetValue] = ()) -> str:
    """What the last measurement says against the streefwaarde, in one or two sentences."""
    unit = indicator.unit
    line = _last_known(indicator.lines)
    if line is None:
        return "" if indicator.municipalities else "Er is nog geen meting."
    measured = f"De laatste meting is {line.value_text.rstrip('*')} ({line.period_label}"
    measured += ", voorlopig)." if line.provisional else ")."
    if indicator.direction is IndicatorDirection.NEUTRAL:
        return f"{measured} Dit is een contextcijfer zonder streefwaarde."
    if line.on_track is not None:
        verdict = "ligt op koers" if line.on_track else "ligt niet op koers"
        kind = "de tussenwaarde" if line.comparison.target_interpolated else "de streefwaarde"
        sentence = f"{measured} De indicator {verdict}: {kind} voor {line.period.year} is {line.target_text}."
    elif line.target is not None:
        sentence = f"{measured} De streefwaarde ({line.target_text}) geldt voor een heel jaar."
    else:
        sentence = measured
    later = _later_targets(indicator, targets)
    if later:
        sentence += f" Streefwaarde voor {later[-1].year}: {format_value(later[-1].value, unit)}."
    elif line.target is None and line.on_track is None:
        sentence += " Voor deze periode is geen streefwaarde vastgesteld."
    return sentence


def common_note(indicator: ChapterIndicator) -> str:
    """The note every period of the indicator carries (a source remark, "Demowaarde: ..."): said once under the
    table instead of in each row."""
    notes = {one_line(line.note) for line in indicator.lines}
    return notes.pop() if len(indicator.lines) >= 2 and len(notes) == 1 else ""


def period_rows(indicator: ChapterIndicator) -> list[list[str | Para]]:
    """The period table's rows: plain texts, so the table narrows short columns to their width."""
    rows: list[list[str | Para]] = []
    common = common_note(indicator)
    for line in indicator.lines:
        notes = []
        if line.provisional:
            notes.append("voorlopig")
        if line.note and not common:
            notes.append(one_line(line.note))
        rows.append([
            line.period_label, line.value_text or "onbekend", line.change_text, line.baseline_change_text,
            line.target_text, _on_track_text(line.on_track), "; ".join(notes),
        ])  # fmt: skip
    return rows


# --------------------------------------------------------------------------------------------------
# Writing
# --------------------------------------------------------------------------------------------------


def add_figures_chapter(
    writer: DocxWriter,
    chapter: FiguresChapter,
    *,
    number: str = "",
    title: str = "Cijfers",
    introduction: str = INTRODUCTION,
    first_figure: int = 1,
    heading_level: int = 1,
    progress: Callable[[int], None] | None = None,
) -> int:
    """Write the "Cijfers" chapter with ``writer``; returns the number of figures (charts) added, so the report can
    number its later figures on from ``first_figure`` + that.

    ``number``: the chapter number in the heading ("1" gives "1 Cijfers", "1.1 <actielijn>", "1.1.1 <indicator>");
    empty for none. ``progress(indicators_done)`` after each indicator (a chart takes about 0.1 s).
    """
    prefix = f"{number} " if number else ""
    writer.heading(f"{prefix}{title}", heading_level)
    if introduction.strip():
        writer.note(introduction)
    if chapter.left_out_confidential:
        count = chapter.left_out_confidential
        many = "indicator is" if count == 1 else "indicatoren zijn"
        writer.paragraph(Run(f"{count} vertrouwelijke {many} weggelaten.", italic=True))
    if chapter.empty:
        writer.paragraph(Run("Er zijn (nog) geen indicatoren vastgelegd.", italic=True))
        writer.flush()
        return 0
    if any(i.has_provisional for s in chapter.sections for i in s.indicators):
        writer.paragraph(f"{chapter.provisional_note} Voorlopige cijfers kunnen nog wijzigen.")
    width_cm = min(writer.text_width_cm(), 16.0)
    figure = first_figure
    done = 0
    sections = [s for s in chapter.sections if s.indicators]
    for s_index, section in enumerate(sections, start=1):
        s_number = f"{number}.{s_index}" if number else ""
        mark = writer.mark()
        writer.heading(f"{s_number} {section.title}".strip(), heading_level + 1)
        _summary(writer, [_summary_row(i) for i in section.indicators])
        if len(section.indicators) <= KEEP_WHOLE_ROWS:
            writer.keep_together(mark)  # the heading with its short table, never a row alone on the next page
        for i_index, indicator in enumerate(section.indicators, start=1):
            i_number = f"{s_number}.{i_index} " if number else ""
            writer.heading(f"{i_number}{indicator.name}", heading_level + 2)
            if _write_indicator(writer, indicator, indicator.targets, figure, width_cm):
                figure += 1
            done += 1
            if progress is not None:
                progress(done)
    writer.flush()
    return figure - first_figure


def _write_indicator(
    writer: DocxWriter, indicator: ChapterIndicator, targets: Sequence[TargetValue], figure: int, width_cm: float
) -> bool:
    """One indicator's text, tables and chart; whether a chart (a numbered figure) was added."""
    unit = indicator.unit
    if indicator.confidential:
        writer.paragraph(Run(CONFIDENTIAL_LABEL, bold=True, color=CONFIDENTIAL_COLOR))
    definition = one_line(indicator.definition)
    unit_text = UNIT_WORDS[unit] + (f" ({one_line(indicator.unit_label)})" if indicator.unit_label else "")
    text = f"{definition} " if definition else ""
    text += f"Eenheid: {unit_text}; {DIRECTION_WORDS[indicator.direction]}; niveau: {indicator.level.label.lower()}."
    paragraph = writer.para_xml(Para(tuple([text]), keep_next=True))
    # The source as a real footnote, at the end of the sentence that introduces the figures (seed 004's way).
    source = one_line(indicator.source_text) or "niet vastgelegd"
    writer.queue_xml(paragraph[: -len("</w:p>")] + footnote_reference_xml(writer.document, f"Bron: {source}.") + "</w:p>")

    # One paragraph kept with the table below it, so a page never ends on an indicator's heading and facts.
    facts: list[str | Run] = []
    if indicator.baseline_text:
        facts += [Run("Nulmeting: ", bold=True), indicator.baseline_text]
    shown_targets = [t for t in targets if t.value is not None]
    if shown_targets:
        facts += ["   " if facts else "", Run("Streefwaarde: ", bold=True),
                  "; ".join(f"{format_value(t.value, unit)} in {t.year}" for t in shown_targets)]  # fmt: skip
    if indicator.also_in:
        facts += ["   " if facts else "", Run("Ook bij: ", bold=True), "; ".join(indicator.also_in)]
    if facts:
        writer.paragraph(*facts, keep_next=True)

    if indicator.lines:
        # A short table on one page (with the facts above it): a period table split after one row reads badly.
        mark = writer.mark()
        writer.table(TABLE_COLUMNS, period_rows(indicator))
        common = common_note(indicator)
        if common:
            writer.paragraph(Run(common, italic=True))
        if len(indicator.lines) <= KEEP_WHOLE_ROWS:
            writer.keep_together(mark)
    elif indicator.municipalities:
        writer.paragraph(Run("Er zijn alleen cijfers per gemeente: zie de verdeling over de gemeenten.", italic=True))
    else:
        writer.paragraph(Run("Er zijn nog geen metingen vastgelegd.", italic=True))
    # Without any period the line above already said there is no measurement.
    sentence = status_sentence(indicator, targets) if indicator.lines else ""
    if sentence:
        writer.paragraph(sentence)

    drew = False
    # One measurement and no streefwaarde to aim at is no trend: the table says it, a chart of one dot would not.
    known = sum(1 for line in indicator.lines if line.value is not None and not line.unknown)
    if known >= 2 or (shown_targets and (known or not indicator.lines)):
        data = chart_for(
            [_as_point(line) for line in indicator.lines],
            unit=unit,
            direction=indicator.direction,
            baseline=indicator.baseline,
            targets=shown_targets,
        )
        png = indicator_chart_png(
            data,
            width_px=round(width_cm / 2.54 * CHART_DPI),
            height_px=round(CHART_HEIGHT_CM / 2.54 * CHART_DPI),
            dpi=CHART_DPI,
        )
        writer.picture(png, width_cm)
        caption = f"Figuur {figure}. {one_line(indicator.name)}"
        _describe_last_picture(writer, caption, chart_description(data))
        writer.paragraph(caption, style="Caption")
        drew = True

    if indicator.municipalities:
        writer.paragraph(
            Run(f"Verdeling over de gemeenten ({indicator.municipality_period})", bold=True), keep_next=True
        )
        writer.table(MUNICIPALITY_COLUMNS, [[one_line(m.name), m.value_text] for m in indicator.municipalities])
    return drew


def _as_point(line: FigureLine) -> PeriodValue:
    """A chapter line as the measurement the chart reads."""
    from ..services.indicators import PeriodValue

    return PeriodValue(uuid.UUID(int=0), line.period, line.value, line.provisional, line.unknown)


def _describe_last_picture(writer: DocxWriter, title: str, description: str) -> None:
    """Alternative text on the picture just added (Word: Alternatieve tekst), read by screen readers; the picture
    is kept on the page of its caption."""
    from .docx_errors import W_NS

    paragraphs = [c for c in writer.body if c.tag == f"{{{W_NS}}}p"]
    if not paragraphs:
        return
    paragraphs[-1].get_or_add_pPr().keepNext_val = True  # in schema order, after any paragraph style
    for doc_pr in paragraphs[-1].iter("{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}docPr"):
        doc_pr.set("title", one_line(title)[:255])
        doc_pr.set("descr", one_line(description)[:2000])


def _summary_row(indicator: ChapterIndicator) -> list[str | Para]:
    line = _last_known(indicator.lines)
    # An indicator measured per gemeente only has no area figure: say where its figures are.
    last = f"per gemeente ({indicator.municipality_period})" if indicator.municipalities else "geen meting"
    target = on_track = ""
    if line is not None:
        last = f"{line.value_text} ({line.period_label}{', voorlopig' if line.provisional else ''})"
        target, on_track = line.target_text, _on_track_text(line.on_track)
    return [one_line(indicator.name), last, target, on_track]


def _summary(writer: DocxWriter, rows: list[list[str | Para]]) -> None:
    writer.table(SUMMARY_COLUMNS, rows)


def add_actielijn_indicators(
    writer: DocxWriter, rows: Sequence[IndicatorRow], *, title: str = "Indicatoren", level: int = 0
) -> None:
    """The indicators linked to one actielijn as a short table (last value, streefwaarde of that year, on track),
    for an actielijn's own chapter of the report, next to its actions. ``rows``: the ``indicators`` of one
    ``services.indicators.indicators_per_section(session, include_confidential=...)`` group. ``level`` > 0 writes
    ``title`` as a heading of that level, otherwise as a bold line."""
    if title:
        if level > 0:
            writer.heading(title, level)
        else:
            writer.paragraph(Run(one_line(title), bold=True), keep_next=True)
    if not rows:
        writer.paragraph(Run("Geen indicatoren gekoppeld.", italic=True))
        return
    table: list[list[str | Para]] = []
    for row in rows:
        latest = row.latest
        last = row.latest_text or "geen meting"
        if latest is not None and latest.provisional:
            last += ", voorlopig"
        target = row.comparison.target
        if target is not None and row.comparison.target_interpolated:
            target = target.quantize(Decimal("0.1"))  # a point on the line, not a figure anyone set
        target_text = format_value(target, row.unit) if target is not None else ""
        name = one_line(row.name) + (" (vertrouwelijk)" if row.confidential else "")
        table.append([name, last, target_text, _on_track_text(row.comparison.on_track)])
    writer.table(SUMMARY_COLUMNS, table)
