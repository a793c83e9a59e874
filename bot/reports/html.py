"""A report as one printable HTML page (A4, TH Sarabun, 16 pt)."""

from __future__ import annotations

from html import escape

from handlers.reports.model import Chart, Report, Table

FONT = "'TH SarabunPSK', 'TH Sarabun New', 'Sarabun', sans-serif"


def _cell(text: str) -> str:
    return "<br>".join(escape(p) for p in text.split("\n"))


def _table(t: Table) -> str:
    total = sum(t.widths) if t.widths else 0
    cols = "".join(f'<col style="width:{w / total * 100:.1f}%">' for w in t.widths) if total else ""
    head = "".join(f"<th>{_cell(c)}</th>" for c in t.columns)
    body = "".join(
        "<tr>" + "".join(f"<td>{_cell(c)}</td>" for c in row) + "</tr>" for row in t.rows
    )
    caption = f"<h2>{escape(t.title)}</h2>" if t.title else ""
    return (
        f"{caption}<table><colgroup>{cols}</colgroup><thead><tr>{head}</tr></thead>"
        f"<tbody>{body}</tbody></table>"
    )


def _chart(c: Chart) -> str:
    """A chart as a PNG inside the page (data URI): the file prints and mails on its own."""
    import base64

    from bot.reports.charts import png

    data = base64.b64encode(png(c)).decode("ascii")
    return (
        f'<figure style="page-break-inside: avoid; margin: 1em 0; text-align: center">'
        f'<img src="data:image/png;base64,{data}" alt="{escape(c.title)}" '
        f'style="max-width: 100%; width: 16cm"></figure>'
    )


def render_html(report: Report) -> str:
    page = "A4 landscape" if report.landscape else "A4"
    notes = "".join(f"<p class=note>{_cell(n)}</p>" for n in report.notes)
    return f"""<!doctype html>
<html lang="th"><head><meta charset="utf-8">
<title>{escape(report.title)}</title>
<style>
@page {{ size: {page}; margin: 1.5cm; }}
body {{ font-family: {FONT}; font-size: 16pt; line-height: 1.25; color: #000; }}
h1 {{ font-size: 18pt; text-align: center; margin: 0; }}
p.subtitle {{ text-align: center; margin: 0 0 .6em; }}
table {{ width: 100%; border-collapse: collapse; table-layout: fixed; }}
th, td {{ border: 1px solid #000; padding: 2pt 4pt; vertical-align: top; word-wrap: break-word; }}
th {{ background: #eee; }}
thead {{ display: table-header-group; }}
tr {{ page-break-inside: avoid; }}
</style></head>
<body>
<h1>{escape(report.title)}</h1>
<p class="subtitle">{escape(report.subtitle)}</p>
{"".join(_table(t) for t in report.tables)}
{"".join(_chart(c) for c in report.charts)}
{notes}
</body></html>
"""
