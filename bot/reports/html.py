"""A report as one printable, accessible HTML page (A4, TH Sarabun, 16 pt).

render_body() is the report alone (office and title to the signatures), for a page that
has its own <html> around it, such as the public /ita/<year>/<code> page; STYLE is its
CSS, scoped to the report. render_html() is the whole document offered as a download.
"""

from __future__ import annotations

import base64
from html import escape
from urllib.parse import urlsplit

from bot.reports.layout import (
    IMAGES_HEADING,
    heading,
    relative_widths,
    signature_lines,
)
from handlers.reports.model import Chart, Image, Report, Table

FONT = "'TH SarabunPSK', 'TH Sarabun New', 'Sarabun', sans-serif"

# Everything under .report, so a page that embeds render_body() keeps its own look.
STYLE = f"""
.report {{ font-family: {FONT}; font-size: 16pt; line-height: 1.25; color: #000; }}
.report h1 {{ font-size: 18pt; text-align: center; margin: 0; }}
.report h2 {{ font-size: 16pt; margin: .8em 0 .2em; }}
.report .head p {{ text-align: center; margin: 0; }}
.report .head .office {{ font-weight: bold; }}
.report .head {{ margin-bottom: .6em; }}
.report .intro p {{ text-indent: 2.5em; margin: 0 0 .4em; }}
.report table {{ width: 100%; border-collapse: collapse; table-layout: fixed; margin: .6em 0; }}
.report caption {{ caption-side: top; text-align: left; font-weight: bold; padding: 0 0 .2em; }}
.report th, .report td {{ border: 1px solid #000; padding: 2pt 4pt; vertical-align: top;
  overflow-wrap: break-word; }}
.report th {{ background: #eee; }}
.report thead {{ display: table-header-group; }}
.report tr, .report figure, .report .signature {{ break-inside: avoid; page-break-inside: avoid; }}
.report h1, .report h2, .report caption {{ break-after: avoid; page-break-after: avoid; }}
.report figure {{ margin: 1em 0; text-align: center; }}
.report figure.chart img {{ max-width: 100%; width: 16cm; }}
.report .images ol {{ list-style: none; padding: 0; }}
.report .images img {{ max-width: 8cm; max-height: 10cm; }}
.report .signatures {{ display: grid; grid-template-columns: 1fr 1fr; gap: 1.5em 2em;
  margin-top: 2em; }}
.report .signature {{ text-align: center; }}
.report .signature p {{ margin: 0; }}
.report .signature:last-child:nth-child(odd) {{ grid-column: 1 / -1; }}
.report .visually-hidden {{ position: absolute; width: 1px; height: 1px; overflow: hidden;
  clip: rect(0 0 0 0); white-space: nowrap; }}
"""


def page_style(report: Report) -> str:
    """The printed page: A4, landscape for wide tables."""
    size = "A4 landscape" if report.landscape else "A4"
    return f"@page {{ size: {size}; margin: 1.5cm; }}\nbody {{ margin: 0; }}"


def _cell(text: str) -> str:
    return "<br>".join(escape(p) for p in text.split("\n"))


def _table(t: Table, fallback_caption: str) -> str:
    widths = relative_widths(t)
    total = sum(widths)
    cols = "".join(f'<col style="width:{w / total * 100:.1f}%">' for w in widths)
    head = "".join(f'<th scope="col">{_cell(c)}</th>' for c in t.columns)
    body = "".join(
        "<tr>" + "".join(f"<td>{_cell(c)}</td>" for c in row) + "</tr>" for row in t.rows
    )
    # Every table is named for a screen reader; one without a title of its own is the
    # report's table, so it takes the report's title without printing it twice.
    caption = (
        f"<caption>{escape(t.title)}</caption>"
        if t.title
        else f'<caption class="visually-hidden">{escape(fallback_caption)}</caption>'
    )
    return (
        f"<table>{caption}<colgroup>{cols}</colgroup><thead><tr>{head}</tr></thead>"
        f"<tbody>{body}</tbody></table>\n"
    )


def _chart(c: Chart) -> str:
    """A chart as a PNG inside the page (data URI): the file prints and mails on its own.
    Its text alternative carries the figures the picture shows."""
    from bot.reports.charts import png

    data = base64.b64encode(png(c)).decode("ascii")
    values = ", ".join(
        f"{label} {c.value_format.format(value)}"
        for label, value in zip(c.labels, c.values, strict=False)
    )
    alt = f"{c.title}: {values}" if values else c.title
    return (
        f'<figure class="chart"><img src="data:image/png;base64,{data}" '
        f'alt="{escape(alt)}"></figure>\n'
    )


def _safe_url(url: str) -> bool:
    # A builder's link to an uploaded photo: a path on this site or http(s), nothing that
    # runs (javascript:) or smuggles a file in (data:).
    try:
        scheme = urlsplit(url).scheme.lower()
    except ValueError:
        return False
    return scheme in ("", "http", "https")


def _image(image: Image) -> str:
    picture = (
        f'<img src="{escape(image.url)}" alt="{escape(image.caption)}">'
        if image.url and _safe_url(image.url)
        else ""
    )
    return f"<li><figure>{picture}<figcaption>{_cell(image.caption)}</figcaption></figure></li>"


def _signature(role: str) -> str:
    lines = "".join(f"<p>{escape(line)}</p>" for line in signature_lines(role))
    return f'<div class="signature">{lines}</div>'


def render_body(report: Report, heading_level: int = 1) -> str:
    """The report from its header block to its signatures, inside <article class="report">,
    for a page of its own or inside another. heading_level: the title's <hN> (its sections
    are one level below)."""
    h = min(max(heading_level, 1), 5)
    title = heading(report)
    parts = ['<article class="report" lang="th">', '<header class="head">']
    parts += [
        f'<p class="{cls}">{_cell(text)}</p>'
        for cls, text in (("office", report.office), ("address", report.address))
        if text.strip()
    ]
    parts.append(f"<h{h}>{escape(title)}</h{h}>")
    parts += [
        f'<p class="{cls}">{_cell(text)}</p>'
        for cls, text in (
            ("subtitle", report.subtitle),
            ("period", report.period),
            ("as-of", report.as_of),
        )
        if text.strip()
    ]
    parts.append("</header>")
    if report.intro:
        parts.append('<div class="intro">')
        parts += [f"<p>{_cell(p)}</p>" for p in report.intro]
        parts.append("</div>")
    parts += [_table(t, title) for t in report.tables]
    parts += [_chart(c) for c in report.charts]
    if report.images:
        parts.append(f'<section class="images"><h{h + 1}>{IMAGES_HEADING}</h{h + 1}><ol>')
        parts += [_image(i) for i in report.images]
        parts.append("</ol></section>")
    if report.notes:
        parts.append('<div class="notes">')
        parts += [f'<p class="note">{_cell(n)}</p>' for n in report.notes]
        parts.append("</div>")
    if report.signatures:
        parts.append('<section class="signatures" aria-label="ลงนาม">')
        parts += [_signature(role) for role in report.signatures]
        parts.append("</section>")
    parts.append("</article>")
    return "\n".join(parts)


def render_html(report: Report) -> str:
    return f"""<!doctype html>
<html lang="th"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{escape(heading(report))}</title>
<style>
{page_style(report)}
{STYLE}
@media screen {{ main {{ max-width: 29.7cm; margin: 1em auto; padding: 0 1em; }} }}
</style></head>
<body>
<main>
{render_body(report)}
</main>
</body></html>
"""
