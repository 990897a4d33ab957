"""The demo's published rounds exported with `counted export`, checked by the formats' own tools.

- test_datapackage_is_valid: `frictionless validate` passes on datapackage.json (schemas, types,
  primary and foreign keys, missing values) for both rounds;
- test_csv_matches_datapackage: the tidy CSV download is the data package's results table;
- test_suppressed_values_are_marked: no suppressed value is written as blank or zero;
- test_unknown_format_is_refused: a format Counted does not write is refused with the list.
"""

import csv
import json
import subprocess

import pytest

ROUNDS = [1, 2]


@pytest.mark.parametrize("round_number", ROUNDS)
def test_datapackage_is_valid(demo, round_number):
    folder = demo.export(round_number, "datapackage")
    result = subprocess.run(["frictionless", "validate", "--json", str(folder / "datapackage.json")],
                            capture_output=True, text=True, timeout=300, cwd=folder)
    report = json.loads(result.stdout)
    errors = [f"{task.get('name')}: {error.get('message')}" for task in report.get("tasks", []) for error in task.get("errors", [])]
    assert report.get("valid") is True and result.returncode == 0, "\n".join(errors[:20]) or result.stderr
    rows = sum(task.get("stats", {}).get("rows", 0) for task in report["tasks"] if task.get("name") == "results")
    assert rows > 100, f"round {round_number}: only {rows} result rows"


@pytest.mark.parametrize("round_number", ROUNDS)
def test_csv_matches_datapackage(demo, round_number):
    package = demo.export(round_number, "datapackage")
    plain = demo.export(round_number, "csv")
    [tidy] = list(plain.glob("*.csv"))
    assert tidy.read_bytes() == (package / "results.csv").read_bytes()
    with open(tidy, newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert {row["period"] for row in rows} == {"2024" if round_number == 1 else "2026"}


def test_suppressed_values_are_marked(demo):
    for round_number in ROUNDS:
        with open(demo.export(round_number, "datapackage") / "results.csv", newline="", encoding="utf-8") as handle:
            for row in csv.DictReader(handle):
                if row["flags"].startswith("S"):
                    assert row["value"] == "suppressed" and row["n"] == "suppressed", row
                else:
                    assert row["value"] not in ("", "suppressed"), row
                    assert int(row["n"]) > 0, row


def test_unknown_format_is_refused(demo):
    result = subprocess.run([demo.binary, "export", "--database", demo.database, "--project", "demo", "--round", "1",
                             "--format", "pdf", "--out", str(demo.folder / "nothing")], capture_output=True, text=True, timeout=60)
    assert result.returncode != 0
    assert "csv, datapackage" in result.stdout + result.stderr
    assert not (demo.folder / "nothing").exists()
