"""The voortgangsrapportage for the bestuurlijk overleg, laid out like seed 004: metadata block, table of
contents, inleiding, the state of the actions with a chart, a chapter per actielijn with "Wat hebben we
gedaan?" and "Wat moeten we nog doen?" per ambition or speerpunt, conclusion and outlook, sources.

The chart is drawn with Pillow (no Qt in exports) and inserted as a picture.
"""

from __future__ import annotations

import functools
import io
from pathlib import Path
from typing import TYPE_CHECKING

from ..dutch_dates import short_date
from ..services.documents import ProgressReportDocument, StatusCounts
from .docx_common import DocxWriter, ExportResult, Para, Progress, ProgressCounter, Run, open_template, rich_lines

if TYPE_CHECKING:
    from PIL import ImageDraw, ImageFont

# (attribute, Dutch label, colour) in the order the bars stack.
STATUS_SERIES = (
    ("done", "Gereed", (84, 130, 53)),
    ("running", "Loopt", (68, 114, 196)),
    ("not_started", "Niet gestart", (165, 165, 165)),
    ("late", "Te laat", (192, 0, 0)),
)
STATUS_COLUMNS = [("Actielijn", 5.4), ("Gereed", 1.7), ("Loopt", 1.7), ("Niet gestart", 1.9), ("Te laat", 1.7),
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


def status_chart_png(rows: list[tuple[str, StatusCounts]], *, width: int = 1600) -> bytes:
    """A horizontal stacked bar per actielijn (gereed, loopt, niet gestart, te laat) with counts and a legend."""
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


def export_voortgang(
    data: ProgressReportDocument, path: Path | str, *, template: Path | str | None = None, progress: Progress = None
) -> ExportResult:
    """Write the voortgangsrapportage."""
    counter = ProgressCounter(progress, len(data.chapters) + 4)
    writer = DocxWriter(open_template(template, "voortgang"))
    writer.title(data.title, data.subtitle)
    writer.key_values(
        [
            ("Ons kenmerk", data.reference),
            ("Versie", data.version),
            ("Datum", short_date(data.report_date)),
            ("Periode", f"{short_date(data.period_from)} tot en met {short_date(data.period_to)}"),
            ("Contactpersoon", data.contact_person),
            ("E-mail", data.contact_email),
        ]
    )
    writer.page_break()  # the metadata block stands alone on the first page, as in seed 004
    writer.paragraph(Run("Inhoud", bold=True), style="TOC Heading")
    writer.toc_placeholder()
    writer.page_break()
    counter.step()

    writer.heading("Inleiding", 1)
    writer.note(data.introduction)
    writer.heading("Stand van de acties", 1)
    writer.paragraph(
        f"Stand op {short_date(data.period_to)} van de acties per actielijn. "
        "Een actie is te laat als de geplande termijn voorbij is en de actie niet gereed is."
    )
    rows = [_status_row(chapter.title, chapter.counts) for chapter in data.chapters]
    rows.append(_status_row(Para.of(Run("Totaal", bold=True)), data.counts))
    writer.table(STATUS_COLUMNS, rows)
    chart = status_chart_png([(chapter.title, chapter.counts) for chapter in data.chapters])
    writer.picture(chart, min(writer.text_width_cm(), 16.0))
    writer.paragraph("Figuur 1. Acties per actielijn naar status", style="Caption")
    counter.step()

    for number, chapter in enumerate(data.chapters, start=1):
        writer.heading(f"{number} {chapter.title}", 1)
        for sub, paragraph in enumerate(chapter.paragraphs, start=1):
            writer.heading(f"{number}.{sub} {paragraph.title}", 2)
            if paragraph.full_text:
                writer.paragraphs(rich_lines(paragraph.full_text, italic=True))
            writer.heading("Wat hebben we gedaan?", 4)
            if paragraph.done:
                writer.bullets(paragraph.done)
            else:
                writer.paragraph(Run("Er is in deze periode geen voortgang gemeld.", italic=True))
            writer.heading("Wat moeten we nog doen?", 4)
            if paragraph.todo:
                writer.bullets(paragraph.todo)
            else:
                writer.paragraph(Run("Er zijn geen openstaande punten gemeld.", italic=True))
        writer.paragraph(Run(f"Stand van de acties: {chapter.title}", bold=True), keep_next=True)
        writer.table(STATUS_COLUMNS, [_status_row(chapter.title, chapter.counts)])
        counter.step()

    writer.heading("Conclusie en vooruitblik", 1)
    writer.note(data.conclusion)
    if data.outlook.strip():
        writer.heading("Vooruitblik", 2)
        writer.note(data.outlook)
    if data.sources:
        writer.heading("Bronnen", 1)
        writer.numbered(data.sources)
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
    return ExportResult(written, "voortgang", data.omitted, len(data.chapters))
