"""Opens a workbook with openpyxl and prints, as JSON, each sheet's name, cells, page setup and charts: what a Python
application reading the download would get. Usage: python3 read-openpyxl.py FILE.xlsx"""
import datetime
import json
import sys

import openpyxl


def value_of(cell):
    v = cell.value
    if isinstance(v, datetime.datetime):
        return {"type": "date", "value": v.isoformat(timespec="seconds"), "format": cell.number_format}
    if isinstance(v, bool):
        return {"type": "bool", "value": v}
    if isinstance(v, (int, float)):
        return {"type": "number", "value": v, "format": cell.number_format}
    if isinstance(v, str):
        return {"type": "text", "value": v}
    return {"type": type(v).__name__, "value": None if v is None else str(v)}


def text_of(title):
    """A chart title's text, from its rich text runs."""
    if title is None or title.tx is None or title.tx.rich is None:
        return None
    return "".join(run.t for paragraph in title.tx.rich.p for run in (paragraph.r or []))


def reference(data):
    """The formula of a series' name, categories or values, whichever kind of reference holds it."""
    for kind in ("strRef", "numRef"):
        ref = getattr(data, kind, None) if data is not None else None
        if ref is not None:
            return ref.f
    return getattr(data, "v", None) if data is not None else None


def charts_of(sheet):
    """The charts openpyxl loaded on the sheet (it reads drawings' charts on load, into ws._charts)."""
    return [{
        "type": chart.tagname, "direction": getattr(chart, "barDir", None), "title": text_of(chart.title),
        "series": [{"name": reference(s.tx), "categories": reference(s.cat), "values": reference(s.val)} for s in chart.series],
    } for chart in sheet._charts]


def main(path):
    workbook = openpyxl.load_workbook(path, data_only=True)
    sheets = []
    for sheet in workbook.worksheets:
        cells = {c.coordinate: value_of(c) for row in sheet.iter_rows() for c in row if c.value is not None}
        setup = sheet.page_setup
        page = {
            "orientation": setup.orientation, "fitToPage": bool(sheet.sheet_properties.pageSetUpPr and sheet.sheet_properties.pageSetUpPr.fitToPage),
            "fitToWidth": setup.fitToWidth, "fitToHeight": setup.fitToHeight, "titleRows": (sheet.print_title_rows or "").replace("$", ""),
        }
        sheets.append({"name": sheet.title, "cells": cells, "page": page, "charts": charts_of(sheet)})
    json.dump({"reader": "openpyxl " + openpyxl.__version__, "sheets": sheets}, sys.stdout)


if __name__ == "__main__":
    main(sys.argv[1])
