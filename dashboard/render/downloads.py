"""A view's table files. The CSV and the Excel file hold the same table (codes, year, age group,
measure, definition, the SCB table each row comes from and the source line, every share at the
same decimals) for analysts' tools; the Excel file opens as a document: title, sentence and
source above the table, Swedish number formats without red negatives (a gap below zero is not
an error), and an "Om data" sheet naming the SCB tables behind the numbers.

Both are built from the result alone (its provenance says where the numbers come from), so the
page's download and the export URL give the same bytes."""

from __future__ import annotations

import io

import xlsxwriter

from dashboard.model.result import ViewResult
from dashboard.model.tables import DECIMALS
from dashboard.render import links
from dashboard.render.table_files import writable
from dashboard.text.formatting import day
from dashboard.text.i18n import t


def csv(result: ViewResult) -> bytes:
    """`;`-separated, decimal comma, UTF-8 with BOM: what Swedish Excel opens without a wizard."""
    text = writable(result.data).write_csv(
        separator=";", decimal_comma=True, float_precision=DECIMALS
    )
    return "\ufeff".encode() + text.encode("utf-8")


def xlsx(result: ViewResult) -> bytes:
    lang = result.lang
    table = writable(result.data)
    buffer = io.BytesIO()
    # a fixed creation date: the same view gives the same file (pinned export URLs)
    book = xlsxwriter.Workbook(buffer, {"in_memory": True, "strings_to_formulas": False})
    if result.provenance.built_at is not None:
        book.set_properties({"created": result.provenance.built_at})
    bold = book.add_format({"bold": True, "font_size": 14})
    wrap = book.add_format({"text_wrap": False, "font_color": "#333333"})
    header = book.add_format({"bold": True, "bottom": 1})
    decimal = book.add_format({"num_format": "0." + "0" * DECIMALS + ";-0." + "0" * DECIMALS})
    dated = book.add_format({"num_format": "yyyy-mm-dd"})
    sheet = book.add_worksheet(t("sheet_data", lang))
    sheet.write_string(0, 0, result.title, bold)
    sheet.write_string(1, 0, result.headline, wrap)
    sheet.write_string(2, 0, result.source, wrap)
    first = 4
    for column, name in enumerate(table.columns):
        sheet.write_string(first, column, name, header)
        width = max([len(name), *(len(str(v)) for v in table[name].head(200))]) + 2
        sheet.set_column(column, column, min(width, 60))
    for row_number, row in enumerate(table.iter_rows(), start=first + 1):
        for column, value in enumerate(row):
            if value is None:
                sheet.write_blank(row_number, column, None)
            elif isinstance(value, float):
                sheet.write_number(row_number, column, value, decimal)
            elif isinstance(value, int) and not isinstance(value, bool):
                sheet.write_number(row_number, column, value)
            elif hasattr(value, "isoformat"):
                sheet.write_datetime(row_number, column, value, dated)
            else:
                sheet.write_string(row_number, column, str(value))
    sheet.freeze_panes(first + 1, 0)
    _about(book, result, header)
    book.close()
    return buffer.getvalue()


def _about(book: xlsxwriter.Workbook, result: ViewResult, header: object) -> None:
    """What the numbers are and where they come from, as a sheet of its own."""
    lang = result.lang
    sheet = book.add_worksheet(t("file_about", lang))
    rows = [
        (t("file_title", lang), result.title),
        (t("file_sentence", lang), result.headline),
        (t("file_definition", lang), result.definition),
        (t("file_source", lang), result.source),
    ]
    for table in result.provenance.tables:
        rows.append((t("file_table", lang), f"{table.id} {table.name}".strip()))
        rows.append((t("file_updated", lang), day(table.updated)))
    rows.append((t("file_loaded", lang), day(result.provenance.built_at)))
    rows.append((t("file_version", lang), result.provenance.data_version))
    rows.append((t("zip_cite", lang), links.citation(result)))
    rows += [("", note) for note in result.notes]
    sheet.set_column(0, 0, 22)
    sheet.set_column(1, 1, 120)
    for number, (label, text) in enumerate(rows):
        sheet.write_string(number, 0, label, header)
        sheet.write_string(number, 1, str(text))
