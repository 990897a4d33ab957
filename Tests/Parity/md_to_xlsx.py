#!/usr/bin/env python3
"""Turn an XLSForm written as Markdown tables (pyxform's test layout) into a real .xlsx.

Usage: md_to_xlsx.py FORM.md OUT.xlsx

The Markdown layout, as pyxform's own tests write forms:

    | survey |         |      |       |
    |        | type    | name | label |
    |        | integer | age  | Age   |
    | choices |        |      |       |
    |        | list_name | name | label |

- A row whose first cell is not empty starts a sheet with that name; its other cells, if any
  are filled, are the sheet's first row.
- Every other table row belongs to the current sheet; its first cell stays empty.
- Rows whose cells are all empty are dropped, so the header row of each sheet is row 1 of the
  xlsx and the rows below keep the numbers an author sees in a spreadsheet.
- Lines that do not start with `|` (prose, HTML comments) and lines starting with `#` are
  ignored. `\\|` inside a cell is a literal pipe. Cells are trimmed.
- Every value is written as a text cell, even when it looks like a number or a formula, because
  pyxform's Markdown reader keeps cells as text.
"""

from __future__ import annotations

import sys
from pathlib import Path

from openpyxl import Workbook


class MarkdownFormError(Exception):
    """The Markdown cannot be turned into a workbook; the message says where."""


def split_cells(line: str) -> list[str | None]:
    """Cells of a table line `| a | b |`, with `\\|` kept as a literal pipe."""
    body = line.strip()
    # Drop the leading pipe and everything after the last unescaped pipe.
    body = body[1:]
    cells: list[str] = []
    current: list[str] = []
    index = 0
    while index < len(body):
        char = body[index]
        if char == "\\" and index + 1 < len(body) and body[index + 1] == "|":
            current.append("|")
            index += 2
            continue
        if char == "|":
            cells.append("".join(current))
            current = []
        else:
            current.append(char)
        index += 1
    # Text after the last pipe is not a cell (an unterminated row or a trailing comment).
    return [cell.strip() or None for cell in cells]


def read_markdown(text: str) -> dict[str, list[list[str | None]]]:
    """Sheet name -> rows (each a list of cell values; None for an empty cell)."""
    sheets: dict[str, list[list[str | None]]] = {}
    current: str | None = None
    for number, line in enumerate(text.splitlines(), start=1):
        stripped = line.strip()
        if not stripped.startswith("|") or stripped.startswith("#"):
            continue
        cells = split_cells(line)
        if not cells:
            continue
        if all(c is not None and set(c) <= set("-: ") for c in cells):
            continue  # a Markdown separator row such as |---|---|
        first, rest = cells[0], cells[1:]
        if first is not None:
            current = first
            if current in sheets:
                raise MarkdownFormError(f"line {number}: sheet '{current}' appears twice")
            sheets[current] = []
        if current is None:
            raise MarkdownFormError(f"line {number}: a table row comes before any sheet name")
        while rest and rest[-1] is None:
            rest.pop()
        if rest:
            sheets[current].append(rest)
    if not sheets:
        raise MarkdownFormError("no Markdown table rows found")
    return sheets


def write_workbook(sheets: dict[str, list[list[str | None]]], out_path: Path) -> None:
    workbook = Workbook()
    default_sheet = workbook.active
    for name, rows in sheets.items():
        sheet = workbook.create_sheet(title=name)
        for row_index, row in enumerate(rows, start=1):
            for column_index, value in enumerate(row, start=1):
                if value is None:
                    continue
                cell = sheet.cell(row=row_index, column=column_index)
                cell.value = value
                cell.data_type = "s"  # text, never a number or a formula
    if default_sheet is not None:
        workbook.remove(default_sheet)
    workbook.save(out_path)


def convert(md_path: Path, xlsx_path: Path) -> None:
    write_workbook(read_markdown(md_path.read_text(encoding="utf-8")), xlsx_path)


def main(argv: list[str]) -> int:
    if len(argv) != 3:
        print("usage: md_to_xlsx.py FORM.md OUT.xlsx", file=sys.stderr)
        return 2
    try:
        convert(Path(argv[1]), Path(argv[2]))
    except MarkdownFormError as error:
        print(f"{argv[1]}: {error}", file=sys.stderr)
        return 1
    except OSError as error:
        print(f"{error.filename}: {error.strerror}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
