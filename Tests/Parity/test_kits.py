"""The starter kits' questionnaires (kits/<name>/*.csv, XLSForms in CSV layout).

For each questionnaire that a kit's framework.yaml names:
- test_kit_questionnaire_converts_and_validates: `$COUNTED_BIN form convert FORM.csv OUT.xml`
  succeeds and ODK Validate accepts Counted's XForm;
- test_pyxform_accepts_kit_questionnaire: pyxform, the reference converter, converts it too
  and ODK Validate accepts pyxform's XForm (the kit is usable with ODK Central and Kobo).
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from test_parity import PROJECT, CONVERT_TIMEOUT, run, validate_many, validation_message, xls2xform_command, pyxform_error

KITS = PROJECT / "kits"
FILE_LINE = re.compile(r"^\s*(?:-\s*)?file:\s*['\"]?([^'\"#\s]+)")


def kit_questionnaires() -> list[Path]:
    """The files named by `file:` lines of every kit's framework.yaml (the YAML is simple there)."""
    found = []
    for framework in sorted(KITS.glob("*/framework.yaml")):
        for line in framework.read_text(encoding="utf-8").splitlines():
            match = FILE_LINE.match(line)
            if match:
                found.append(framework.parent / match.group(1))
    return found


QUESTIONNAIRES = kit_questionnaires()
IDS = [f"{path.parent.name}/{path.name}" for path in QUESTIONNAIRES]


def test_every_kit_has_questionnaires():
    kits = sorted(p.parent.name for p in KITS.glob("*/framework.yaml"))
    assert len(kits) == 4, kits
    assert {p.parent.name for p in QUESTIONNAIRES} == set(kits)
    for path in QUESTIONNAIRES:
        assert path.exists(), f"{path} is named in its framework.yaml but missing"


@pytest.fixture(scope="session")
def counted_kit_xforms(tmp_path_factory) -> dict[Path, tuple[Path, object, object]]:
    """Questionnaire -> (Counted's XForm, conversion run, ODK Validate run)."""
    binary = os.environ.get("COUNTED_BIN", "")
    folder = tmp_path_factory.mktemp("kits-counted")
    results = {}
    converted = []
    for path in QUESTIONNAIRES:
        out = folder / f"{path.parent.name}-{path.stem}.xml"
        conversion = run([binary, "form", "convert", str(path), str(out)], CONVERT_TIMEOUT) if binary else None
        results[path] = (out, conversion, None)
        if conversion is not None and conversion.returncode == 0 and conversion.problem is None:
            converted.append(out)
    validations = validate_many(converted)
    return {path: (out, conversion, validations.get(out)) for path, (out, conversion, _) in results.items()}


@pytest.mark.counted
@pytest.mark.parametrize("questionnaire", QUESTIONNAIRES, ids=IDS)
def test_kit_questionnaire_converts_and_validates(questionnaire, counted_kit_xforms):
    if not os.environ.get("COUNTED_BIN"):
        pytest.fail("COUNTED_BIN is not set: give run.sh the built counted binary")
    out, conversion, validation = counted_kit_xforms[questionnaire]
    assert conversion.problem is None, conversion.problem
    assert conversion.returncode == 0, f"counted form convert failed:\n{conversion.last_lines()}"
    assert validation is not None and validation.returncode == 0 and validation.problem is None, \
        f"ODK Validate refused Counted's XForm of {questionnaire.name}:\n{validation_message(validation)}"


@pytest.fixture(scope="session")
def pyxform_kit_xforms(tmp_path_factory) -> dict[Path, tuple[object, object]]:
    folder = tmp_path_factory.mktemp("kits-pyxform")
    results = {}
    converted = []
    for path in QUESTIONNAIRES:
        out = folder / f"{path.parent.name}-{path.stem}.xml"
        conversion = run(xls2xform_command() + ["--skip_validate", str(path), str(out)], CONVERT_TIMEOUT)
        results[path] = (out, conversion)
        if conversion.returncode == 0 and conversion.problem is None:
            converted.append(out)
    validations = validate_many(converted)
    return {path: (conversion, validations.get(out)) for path, (out, conversion) in results.items()}


@pytest.mark.parametrize("questionnaire", QUESTIONNAIRES, ids=IDS)
def test_pyxform_accepts_kit_questionnaire(questionnaire, pyxform_kit_xforms):
    conversion, validation = pyxform_kit_xforms[questionnaire]
    assert conversion.problem is None and conversion.returncode == 0, f"pyxform refused {questionnaire.name}:\n{pyxform_error(conversion)}"
    assert validation is not None and validation.returncode == 0, \
        f"ODK Validate refused pyxform's XForm of {questionnaire.name}:\n{validation_message(validation)}"
