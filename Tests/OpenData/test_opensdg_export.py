"""The demo's Open SDG export checked against Open SDG's documented data and metadata formats,
for both published rounds (sdg-build, Open SDG's own builder, is not on PyPI).

- test_opensdg_data_files: a data/indicator_<id>.csv per indicator with numbers; `Year` first and
  `Value` last; between them a column per disaggregation (blank = total) and COMMENT_OBS; every
  value equals the tidy CSV's for the same group, found through the labels of the SDMX structure's
  code lists; no suppressed value appears at all, as a blank, a zero or anything else;
- test_opensdg_metadata: a meta/<id>.md per data file whose YAML front matter has the indicator
  configuration Open SDG requires and says what disclosure control left out.
"""

import csv

import pytest
import yaml
from pysdmx.io import read_sdmx
from pysdmx.model import Codelist, ConceptScheme

from tidy_reference import read_tidy

ROUNDS = [1, 2]
TOTAL = "_T"


def labels(demo, round_number):
    """Column label -> dimension, and per dimension: code label -> code, from the SDMX structure."""
    [structure] = list(demo.export(round_number, "sdmx-csv").glob("*-structure.xml"))
    artefacts = read_sdmx(structure).structures
    [concepts] = [artefact for artefact in artefacts if isinstance(artefact, ConceptScheme)]
    columns = {concept.name: concept.id for concept in concepts.items}
    codes = {}
    for artefact in artefacts:
        if isinstance(artefact, Codelist):
            dimension = artefact.id.removeprefix("CL_DEMO_")
            codes[dimension] = {code.name: code.id for code in artefact.items}
    return columns, codes


@pytest.mark.parametrize("round_number", ROUNDS)
def test_opensdg_data_files(demo, round_number):
    tidy = read_tidy(demo, round_number)
    columns, codes = labels(demo, round_number)
    folder = demo.export(round_number, "opensdg")
    with_numbers = sorted({record["indicator"] for record in tidy.shown()})
    assert sorted(path.name for path in (folder / "data").iterdir()) == sorted(f"indicator_{code}.csv" for code in with_numbers)

    seen = set()
    for code in with_numbers:
        with open(folder / "data" / f"indicator_{code}.csv", newline="", encoding="utf-8") as handle:
            reader = csv.reader(handle)
            header = next(reader)
            lines = list(reader)
        assert header[0] == "Year" and header[-1] == "Value", header
        middle = header[1:-1]
        dimensions = [columns[label] for label in middle if label != "COMMENT_OBS"]
        assert all(dimension in tidy.dimensions for dimension in dimensions), middle
        assert len(lines) == len(tidy.shown(code)), f"{code}: {len(lines)} rows, {len(tidy.shown(code))} values with a number"
        for line in lines:
            assert all(cell == cell.strip() for cell in line), f"{code}: white space around a value: {line}"
            fields = dict(zip(header, line))
            assert fields["Value"] != "", f"{code}: a blank Value: {line}"
            assert int(fields["Year"]) == int(tidy.records[0]["period"])
            levels = {dimension: TOTAL for dimension in tidy.dimensions}
            for label, dimension in zip([label for label in middle if label != "COMMENT_OBS"], dimensions):
                if fields[label]:
                    levels[dimension] = codes[dimension][fields[label]]
            key = (code, *[levels[dimension] for dimension in tidy.dimensions], fields["Year"])
            assert key in tidy.rows, f"{code}: no tidy row for {line}"
            row = tidy.rows[key]
            assert not tidy.is_suppressed(row), f"{code}: the suppressed value {key} appears as {line}"
            assert float(fields["Value"]) == float(row["value"]), (key, line, row)
            assert fields.get("COMMENT_OBS", "") == ("Low reliability" if row["flags"] == "U" else ""), (key, line)
            assert key not in seen, f"{code}: {key} twice"
            seen.add(key)
    assert seen == {tidy.key(record) for record in tidy.shown()}


@pytest.mark.parametrize("round_number", ROUNDS)
def test_opensdg_metadata(demo, round_number):
    tidy = read_tidy(demo, round_number)
    folder = demo.export(round_number, "opensdg")
    data = sorted(path.name.removeprefix("indicator_").removesuffix(".csv") for path in (folder / "data").iterdir())
    assert sorted(path.stem for path in (folder / "meta").iterdir()) == data
    for code in data:
        text = (folder / "meta" / f"{code}.md").read_text(encoding="utf-8")
        assert text.startswith("---\n"), code
        front, body = text[4:].split("\n---\n", 1)
        meta = yaml.safe_load(front)
        assert meta["indicator_number"] == code
        assert meta["indicator_name"] and meta["graph_title"], code
        assert meta["graph_type"] in ("line", "bar", "binary")
        assert meta["reporting_status"] == "complete"
        assert meta["data_non_statistical"] is False
        assert meta["computation_units"].lower() == tidy.shown(code)[0]["unit"]
        assert "citizen data" in meta["sources"][0]["organisation"]
        assert meta["DATA_COMP"] and meta["STAT_CONC_DEF"], code
        assert "fewer than 10 respondents" in meta["REC_USE_LIM"]
        withheld = sum(1 for record in tidy.suppressed() if record["indicator"] == code)
        if withheld:
            assert f"{withheld} value" in meta["data_footnote"], (code, withheld, meta["data_footnote"])
        else:
            assert "No value of this indicator was suppressed" in meta["data_footnote"]
        assert "Disclosure control" in body
