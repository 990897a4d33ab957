"""The harness's own tools: md_to_xlsx.py and compare_xforms.py.

A comparison that always answers "equal" would make every parity test pass, so these tests
change one thing at a time in a real pyxform XForm and check that exactly that is reported.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest
from pyxform.xls2xform import convert as pyxform_convert

import compare_xforms
import md_to_xlsx
from test_parity import INVALID, VALID

HERE = Path(__file__).resolve().parent
# A fixture with translations, choices, a repeat with a count, groups and setvalue actions.
RICH_FIXTURE = HERE.parents[1] / "Tests" / "Fixtures" / "xlsforms" / "hrd_incident_report.md"


# ----------------------------------------------------------------------------------------
# md_to_xlsx


SAMPLE_MD = """<!-- a comment line that is not part of any table -->
# a pound comment
| survey |         |      |                  |         |
|        | type    | name | label            | default |
|        | integer | age  | Age \\| years     | 007     |
|        |         |      |                  |         |
|        | text    | f    | =1+1             |         |
| choices |
|        | list_name | name | label |
|        | yn        | 1    | Yes   |
"""


def test_md_to_xlsx_writes_sheets_rows_and_text_cells(tmp_path):
    source = tmp_path / "sample.md"
    source.write_text(SAMPLE_MD, encoding="utf-8")
    target = tmp_path / "sample.xlsx"
    md_to_xlsx.convert(source, target)

    workbook = openpyxl.load_workbook(target)
    assert workbook.sheetnames == ["survey", "choices"]
    survey = [[c.value for c in row] for row in workbook["survey"].iter_rows()]
    assert survey == [
        ["type", "name", "label", "default"],
        ["integer", "age", "Age | years", "007"],
        ["text", "f", "=1+1", None],
    ]
    # Numbers and formulas stay text, as pyxform's Markdown reader keeps them.
    assert workbook["survey"]["D2"].data_type == "s"
    assert workbook["survey"]["C3"].data_type == "s"
    assert workbook["choices"]["B2"].value == "1"
    assert workbook["choices"]["B2"].data_type == "s"


def test_md_to_xlsx_refuses_text_without_tables(tmp_path):
    source = tmp_path / "empty.md"
    source.write_text("no tables here\n", encoding="utf-8")
    with pytest.raises(md_to_xlsx.MarkdownFormError, match="no Markdown table rows"):
        md_to_xlsx.convert(source, tmp_path / "empty.xlsx")


@pytest.mark.parametrize("fixture", [pytest.param(p, id=p.stem) for p in VALID])
def test_xlsx_gives_pyxform_the_same_form_as_the_markdown(fixture, tmp_path):
    """Our xlsx and pyxform's own Markdown reader must agree on every valid fixture."""
    workbook = tmp_path / f"{fixture.stem}.xlsx"
    md_to_xlsx.convert(fixture, workbook)
    from_markdown = tmp_path / "from_markdown.xml"
    from_workbook = tmp_path / "from_workbook.xml"
    from_markdown.write_text(pyxform_convert(xlsform=str(fixture)).xform, encoding="utf-8")
    from_workbook.write_text(pyxform_convert(xlsform=str(workbook)).xform, encoding="utf-8")
    differences = compare_xforms.compare_files(str(from_markdown), str(from_workbook))
    assert differences == []


@pytest.mark.parametrize("fixture", [pytest.param(p, id=p.stem) for p in INVALID])
def test_error_fixture_row_exists_in_its_sheet(fixture):
    """The row named in an error fixture's comment is a real row of that sheet."""
    text = fixture.read_text(encoding="utf-8")
    match = re.match(r"<!-- error: sheet=(\w+)(?: row=(\d+))?", text)
    assert match, "first line must be <!-- error: sheet=... row=... -->"
    sheet, row = match.group(1), match.group(2)
    sheets = md_to_xlsx.read_markdown(text)
    if row is None:
        return
    assert sheet in sheets, f"the comment names sheet {sheet}, which the form does not have"
    assert 1 <= int(row) <= len(sheets[sheet]), f"sheet {sheet} has {len(sheets[sheet])} rows"


# ----------------------------------------------------------------------------------------
# compare_xforms


@pytest.fixture(scope="module")
def reference_xml(tmp_path_factory) -> str:
    folder = tmp_path_factory.mktemp("compare")
    workbook = folder / "hrd_incident_report.xlsx"
    md_to_xlsx.convert(RICH_FIXTURE, workbook)
    return pyxform_convert(xlsform=str(workbook), pretty_print=True).xform


def differences(tmp_path: Path, reference: str, ours: str) -> list[str]:
    ref_path, our_path = tmp_path / "reference.xml", tmp_path / "ours.xml"
    ref_path.write_text(reference, encoding="utf-8")
    our_path.write_text(ours, encoding="utf-8")
    return compare_xforms.compare_files(str(ref_path), str(our_path))


def changed(text: str, old: str, new: str) -> str:
    assert text.count(old) >= 1, f"the reference XForm no longer contains {old!r}"
    return text.replace(old, new, 1)


def test_a_form_equals_itself(tmp_path, reference_xml):
    assert differences(tmp_path, reference_xml, reference_xml) == []


def test_prefixes_attribute_order_and_whitespace_do_not_matter(tmp_path, reference_xml):
    # Another prefix for the JavaRosa namespace on element and attribute names (XPath text
    # such as jr:itext(...) keeps its own prefix, which stays declared).
    ours = reference_xml.replace('xmlns:jr="http://openrosa.org/javarosa"',
                                 'xmlns:jr="http://openrosa.org/javarosa" '
                                 'xmlns:javarosa="http://openrosa.org/javarosa"')
    ours = re.sub(r' jr:([\w-]+)="', r' javarosa:\1="', ours)
    assert "javarosa:template=" in ours and "javarosa:preload=" in ours
    ours = changed(ours, 'nodeset="/data/incident_date" type="date" required="true()"',
                   'required="true()"   type="xsd:date" nodeset=" /data/incident_date"')
    ours = re.sub(r">\s+<", "><", ours)  # not pretty-printed
    ours = ours.replace("concat('HRD-',  /data/incident_date )", "concat( 'HRD-' , /data/incident_date)")
    assert differences(tmp_path, reference_xml, ours) == []


def test_a_changed_bind_attribute_is_reported(tmp_path, reference_xml):
    ours = changed(reference_xml, 'nodeset="/data/incident_date" type="date" required="true()"',
                   'nodeset="/data/incident_date" type="date" required="false()"')
    assert differences(tmp_path, reference_xml, ours) == [
        'bind /data/incident_date: required: reference "true()", ours "false()"']


def test_a_missing_bind_attribute_is_reported(tmp_path, reference_xml):
    ours = changed(reference_xml, 'nodeset="/data/incident_date" type="date" required="true()"',
                   'nodeset="/data/incident_date" type="date"')
    assert differences(tmp_path, reference_xml, ours) == [
        'bind /data/incident_date: required: reference "true()", ours missing']


def test_a_changed_itext_is_reported(tmp_path, reference_xml):
    ours = changed(reference_xml, "<value>Fecha del incidente</value>",
                   "<value>Fecha</value>")
    assert differences(tmp_path, reference_xml, ours) == [
        'itext [Spanish (es)] /data/incident_date:label: form plain: '
        'reference "Fecha del incidente", ours "Fecha"']


def test_reordered_instance_nodes_are_reported(tmp_path, reference_xml):
    ours = changed(reference_xml, "<incident_date/>\n          <country/>",
                   "<country/>\n          <incident_date/>")
    found = differences(tmp_path, reference_xml, ours)
    assert len(found) == 1
    assert found[0].startswith("instance /data: children in a different order: reference ")
    assert "incident_date, country" in found[0] and "country, incident_date" in found[0]


def test_a_missing_instance_node_is_reported(tmp_path, reference_xml):
    ours = changed(reference_xml, "<province/>", "")
    assert "instance /data/province: missing in ours" in differences(tmp_path, reference_xml, ours)


def test_a_changed_body_attribute_is_reported(tmp_path, reference_xml):
    ours = changed(reference_xml, '<input ref="/data/incident_date">',
                   '<input ref="/data/incident_date" appearance="no-calendar">')
    assert differences(tmp_path, reference_xml, ours) == [
        'body/input[/data/incident_date]: appearance: reference missing, ours "no-calendar"']


def test_a_changed_choice_is_reported(tmp_path, reference_xml):
    ours = changed(reference_xml, "<name>gt</name>", "<name>guatemala</name>")
    found = differences(tmp_path, reference_xml, ours)
    assert 'instance#country item "gt": missing in ours' in found
    assert 'instance#country item "guatemala": not in reference (extra in ours)' in found


def test_a_changed_action_is_reported(tmp_path, reference_xml):
    ours = changed(reference_xml, 'event="odk-instance-first-load" value="now()"',
                   'event="odk-instance-first-load" value="today()"')
    assert differences(tmp_path, reference_xml, ours) == [
        'head setvalue[/data/reported_at event=odk-instance-first-load]: value: '
        'reference "now()", ours "today()"']


def test_a_changed_expression_is_reported_but_spacing_is_not(tmp_path, reference_xml):
    ours = changed(reference_xml, "country =  /data/country", "country != /data/country")
    found = differences(tmp_path, reference_xml, ours)
    assert len(found) == 1 and found[0].startswith("body/select1[/data/province]/itemset: nodeset:")


def run_cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(HERE / "compare_xforms.py"), *args],
                          capture_output=True, text=True)


def test_command_line_exit_codes(tmp_path, reference_xml):
    same = tmp_path / "same.xml"
    same.write_text(reference_xml, encoding="utf-8")
    other = tmp_path / "other.xml"
    other.write_text(changed(reference_xml, "<value>Fecha del incidente</value>",
                             "<value>Fecha</value>"), encoding="utf-8")
    broken = tmp_path / "broken.xml"
    broken.write_text("<h:html", encoding="utf-8")

    equal = run_cli(str(same), str(same))
    assert (equal.returncode, equal.stdout) == (0, "")
    different = run_cli(str(same), str(other))
    assert different.returncode == 1
    assert different.stdout.startswith("itext [Spanish (es)] /data/incident_date:label:")
    unreadable = run_cli(str(same), str(broken))
    assert unreadable.returncode == 2
    assert "not well-formed XML at line 1" in unreadable.stderr
    assert "Traceback" not in unreadable.stderr
