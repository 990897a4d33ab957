"""The demo's Excel export opened with openpyxl, for both published rounds.

- test_xlsx_results_match_tidy_csv: the "results" sheet is the tidy CSV, numbers as number cells
  and suppressed values as the text "suppressed" (never a blank or a zero);
- test_xlsx_indicators_and_about: "indicators" is the data package's indicators.csv, and "about"
  names the project, round, period, licence and disclosure control.
"""

import csv

import openpyxl
import pytest

from tidy_reference import NUMBER_COLUMNS, SUPPRESSED, read_tidy

ROUNDS = [1, 2]


def workbook(demo, round_number):
    [path] = list(demo.export(round_number, "xlsx").glob("*.xlsx"))
    return openpyxl.load_workbook(path)


def text(cell):
    return "" if cell is None else cell


@pytest.mark.parametrize("round_number", ROUNDS)
def test_xlsx_results_match_tidy_csv(demo, round_number):
    tidy = read_tidy(demo, round_number)
    book = workbook(demo, round_number)
    assert book.sheetnames == ["results", "indicators", "about"]
    rows = list(book["results"].iter_rows(values_only=True))
    assert list(rows[0]) == tidy.header
    assert len(rows) - 1 == len(tidy.records)
    for cells, record in zip(rows[1:], tidy.records):
        fields = dict(zip(tidy.header, cells))
        for column in tidy.header:
            expected = record[column]
            if column in NUMBER_COLUMNS:
                if tidy.is_suppressed(record):
                    assert fields[column] == SUPPRESSED, (column, cells)
                elif expected == "":
                    assert fields[column] is None, (column, cells)
                else:
                    assert isinstance(fields[column], (int, float)), f"{column} is not a number cell: {cells}"
                    assert fields[column] == float(expected), (column, cells, record)
            else:
                assert text(fields[column]) == expected, (column, cells, record)


@pytest.mark.parametrize("round_number", ROUNDS)
def test_xlsx_indicators_and_about(demo, round_number):
    tidy = read_tidy(demo, round_number)
    book = workbook(demo, round_number)
    with open(demo.export(round_number, "datapackage") / "indicators.csv", newline="", encoding="utf-8") as handle:
        catalogue = list(csv.reader(handle))
    sheet = [[text(cell) for cell in row] for row in book["indicators"].iter_rows(values_only=True)]
    assert [row + [""] * (len(catalogue[0]) - len(row)) for row in sheet] == catalogue

    about = {row[0]: row[1] for row in book["about"].iter_rows(min_row=2, values_only=True)}
    assert about["period"] == tidy.records[0]["period"]
    assert about["round"].startswith(f"{round_number}:")
    assert "(demo)" in about["project"]
    assert about["licence"].startswith("CC-BY-4.0")
    assert "fewer than 10 respondents" in about["disclosure control"]
