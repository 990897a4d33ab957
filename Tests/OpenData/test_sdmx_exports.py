"""The demo's SDMX exports read back by SDMX libraries, for both published rounds.

- test_structure_is_valid_sdmx_ml: pysdmx reads the structure message, validating it against the
  SDMX-ML 2.1 schemas, and sdmx1 reads it too;
- test_sdmx_csv_matches_tidy_table: pysdmx reads the SDMX-CSV with its structure; every code is in
  its code list and every observation equals the tidy CSV's row for the same key, suppressed ones
  with no number, OBS_STATUS Q and the CONF_STATUS of their flag;
- test_sdmx_json_matches_tidy_table: sdmx1 reads the SDMX-JSON message, likewise.
"""

import math

import pandas as pd
import pytest
import sdmx
from pysdmx.io import get_datasets, read_sdmx
from pysdmx.model import Role

from tidy_reference import read_tidy

ROUNDS = [1, 2]
# CONF_STATUS (SDMX code list CL_CONF_STATUS) for each tidy flag; shown values are free (F).
CONFIDENTIALITY = {"S": "A", "SP": "D", "SW": "C"}
NUMBERS = {"LOWER_BOUND": "ci_low", "UPPER_BOUND": "ci_high", "STANDARD_ERROR": "standard_error"}


def export(demo, round_number, export_format):
    folder = demo.export(round_number, export_format)
    suffix = "-sdmx.csv" if export_format == "sdmx-csv" else "-sdmx.json"
    [data] = [path for path in folder.iterdir() if path.name.endswith(suffix)]
    [structure] = list(folder.glob("*-structure.xml"))
    return data, structure


def check_observation(tidy, key, value, attributes):
    """One observation against the tidy row with the same key; returns whether it was suppressed."""
    assert key in tidy.rows, f"observation {key} is not in the tidy table"
    row = tidy.rows[key]
    if tidy.is_suppressed(row):
        assert value is None, f"{key}: suppressed, but has the value {value}"
        assert attributes.get("OBS_STATUS") == "Q", (key, attributes)
        assert attributes.get("CONF_STATUS") == CONFIDENTIALITY[row["flags"]], (key, attributes)
        assert all(attributes.get(name) is None for name in [*NUMBERS, "SAMPLE_SIZE"]), (key, attributes)
        return True
    assert value == float(row["value"]), f"{key}: {value} but the tidy table has {row['value']}"
    assert attributes.get("OBS_STATUS") == ("U" if row["flags"] == "U" else "A"), (key, attributes)
    assert attributes.get("CONF_STATUS") == "F", (key, attributes)
    assert attributes.get("UNIT_MEASURE") == row["unit"], (key, attributes)
    for name, column in NUMBERS.items():
        expected = float(row[column]) if row[column] else None
        actual = None if attributes.get(name) is None else float(attributes[name])
        assert actual == expected, f"{key}: {name} is {actual}, the tidy table's {column} is {expected}"
    assert int(attributes["SAMPLE_SIZE"]) == int(row["n"]), (key, attributes)
    return False


def present(value):
    return not (value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value)))


@pytest.mark.parametrize("round_number", ROUNDS)
def test_structure_is_valid_sdmx_ml(demo, round_number):
    _, structure = export(demo, round_number, "sdmx-csv")
    message = read_sdmx(structure)  # validates against the SDMX-ML 2.1 XML schemas
    kinds = sorted({type(artefact).__name__ for artefact in message.structures})
    assert kinds == ["Codelist", "ConceptScheme", "DataStructureDefinition", "Dataflow"], kinds
    other = sdmx.read_sdmx(structure)
    [dsd] = other.structure.values()
    assert dsd.id == "DSD_DEMO"
    assert [dimension.id for dimension in dsd.dimensions][0] == "INDICATOR"


@pytest.mark.parametrize("round_number", ROUNDS)
def test_sdmx_csv_matches_tidy_table(demo, round_number):
    tidy = read_tidy(demo, round_number)
    data, structure = export(demo, round_number, "sdmx-csv")
    [dataset] = get_datasets(data, structure)
    components = list(dataset.structure.components)
    key = ["INDICATOR", *tidy.dimensions, "TIME_PERIOD"]
    assert [component.id for component in components if component.role == Role.DIMENSION] == key
    frame = dataset.data
    for component in components:
        if component.enumeration is not None:
            codes = {code.id for code in component.enumeration}
            used = {value for value in frame[component.id] if present(value)}
            assert used <= codes, f"{component.id}: {sorted(used - codes)} not in its code list"

    assert len(frame) == len(tidy.records)
    suppressed = 0
    for record in frame.to_dict("records"):
        attributes = {name: record[name] for name in ["UNIT_MEASURE", "OBS_STATUS", "CONF_STATUS", *NUMBERS, "SAMPLE_SIZE"]
                      if present(record[name])}
        value = record["OBS_VALUE"] if present(record["OBS_VALUE"]) else None
        suppressed += check_observation(tidy, tuple(str(record[name]) for name in key), value, attributes)
    assert suppressed == len(tidy.suppressed())


@pytest.mark.parametrize("round_number", ROUNDS)
def test_sdmx_json_matches_tidy_table(demo, round_number):
    tidy = read_tidy(demo, round_number)
    data, structure = export(demo, round_number, "sdmx-json")
    message = sdmx.read_sdmx(data)
    [dataset] = message.data
    key = ["INDICATOR", *tidy.dimensions, "TIME_PERIOD"]
    [dsd] = sdmx.read_sdmx(structure).structure.values()
    assert [dimension.id for dimension in dsd.dimensions] == key
    declared = {attribute.id for attribute in dsd.attributes}

    assert len(dataset.obs) == len(tidy.records)
    suppressed = 0
    for observation in dataset.obs:
        values = observation.key.values
        attributes = {}
        for name, attribute in observation.attached_attribute.items():
            assert name in declared, f"attribute {name} is not in the data structure"
            attributes[name] = getattr(attribute.value, "id", attribute.value)
        suppressed += check_observation(tidy, tuple(values[name].value for name in key), observation.value, attributes)
    assert suppressed == len(tidy.suppressed())
