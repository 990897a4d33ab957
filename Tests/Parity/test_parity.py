"""Parity of Counted's XLSForm converter with pyxform, the reference converter.

For each valid fixture in Tests/Fixtures/xlsforms/*.md:
- test_pyxform_and_odk_validate_accept: pyxform converts it and ODK Validate accepts
  pyxform's XForm (proves the corpus itself; must always pass);
- test_counted_converts_like_pyxform: `$COUNTED_BIN form convert FORM.xlsx OUT.xml` succeeds,
  ODK Validate accepts Counted's XForm, and it equals pyxform's (see compare_xforms.py).

For each invalid fixture in Tests/Fixtures/xlsforms/errors/*.md (first line
`<!-- error: sheet=survey row=4 -->`):
- test_pyxform_refuses: pyxform refuses it and, where pyxform names a row, the same one;
- test_counted_refuses: Counted exits non-zero and prints a line naming the sheet and row,
  like `FORM.xlsx, sheet survey, row 4, column type: ...`.

Fixtures listed in known_differences.txt are expected to fail the Counted tests for now
(strict xfail: they fail loudly once they pass, so the list stays honest).

The Counted tests carry the marker `counted`; `-m "not counted"` runs the rest (the corpus
checks and the tools' own tests), which need no Counted binary.

Conversions and validations run once per session, two at a time, in a temporary directory.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import pytest

import compare_xforms
import md_to_xlsx

HERE = Path(__file__).resolve().parent
PROJECT = HERE.parents[1]
FIXTURES = PROJECT / "Tests" / "Fixtures" / "xlsforms"
ERROR_FIXTURES = FIXTURES / "errors"
MEDIA = FIXTURES / "media"
KNOWN_DIFFERENCES = HERE / "known_differences.txt"
WORKERS = 2
CONVERT_TIMEOUT = 120
VALIDATE_TIMEOUT = 900

ERROR_COMMENT = re.compile(
    r"^<!--\s*error:\s*sheet=(?P<sheet>[\w-]+)(?:\s+row=(?P<row>\d+))?"
    r"(?:\s+pyxform_row=(?P<pyxform_row>\d+|none))?\s*-->\s*$"
)


def fixture_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.glob("*.md") if p.name != "README.md")


VALID = fixture_files(FIXTURES)
INVALID = fixture_files(ERROR_FIXTURES)


def read_known_differences() -> dict[str, str]:
    """Fixture name (without .md) -> reason, from known_differences.txt."""
    known = {}
    if not KNOWN_DIFFERENCES.exists():
        return known
    for line in KNOWN_DIFFERENCES.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        name, _, reason = line.partition(" ")
        known[name.removesuffix(".md")] = reason.strip() or "listed in known_differences.txt"
    return known


KNOWN = read_known_differences()


def fixture_id(path: Path) -> str:
    return path.stem


def fixture_params(paths: list[Path], folder_prefix: str = "") -> list:
    params = []
    for path in paths:
        name = folder_prefix + path.stem
        marks = []
        if name in KNOWN:
            marks.append(pytest.mark.xfail(strict=True, reason=KNOWN[name]))
        params.append(pytest.param(path, id=path.stem, marks=marks))
    return params


# ----------------------------------------------------------------------------------------
# Running the tools


@dataclass
class Run:
    """One finished command: what ran, its exit code and its output."""

    command: list[str]
    returncode: int
    stdout: str
    stderr: str
    problem: str | None = None  # could not run at all (missing binary, timeout)

    @property
    def output(self) -> str:
        return (self.stdout + "\n" + self.stderr).strip()

    def last_lines(self, count: int = 8) -> str:
        lines = [line for line in self.output.splitlines() if line.strip()]
        return "\n".join(lines[-count:])


def run(command: list[str], timeout: int) -> Run:
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=timeout,
                              stdin=subprocess.DEVNULL)
    except FileNotFoundError:
        return Run(command, -1, "", "", problem=f"cannot run {command[0]}: not found")
    except PermissionError:
        return Run(command, -1, "", "", problem=f"cannot run {command[0]}: not executable")
    except subprocess.TimeoutExpired:
        return Run(command, -1, "", "", problem=f"{Path(command[0]).name} took longer than {timeout} s")
    return Run(command, done.returncode, done.stdout, done.stderr)


def xls2xform_command() -> list[str]:
    beside_python = Path(sys.executable).parent / "xls2xform"
    return [str(beside_python) if beside_python.exists() else "xls2xform"]


def odk_validate_jar() -> Path:
    import pyxform.validators.odk_validate as odk_validate

    return Path(odk_validate.ODK_VALIDATE_PATH)


def java_command() -> list[str]:
    return ["java", "-Djava.awt.headless=true", "-jar", str(odk_validate_jar())]


def validate_many(paths: list[Path]) -> dict[Path, Run]:
    """ODK Validate every file: one JVM for all, then one per failing file for its message."""
    results: dict[Path, Run] = {}
    if not paths:
        return results
    if shutil.which("java") is None:
        missing = Run(["java"], -1, "", "", problem="java is not installed (run.sh installs it)")
        return {path: missing for path in paths}
    batch = run(java_command() + [str(p) for p in paths], VALIDATE_TIMEOUT)
    failed: set[str] = set()
    listed = False
    if batch.problem is None:
        if "The following files failed validation:" in batch.stderr:
            listed = True
            tail = batch.stderr.split("The following files failed validation:", 1)[1]
            for line in tail.splitlines():
                line = line.strip()
                if line.startswith("Result:"):
                    break
                if line:
                    failed.add(line)
    if batch.problem is None and batch.returncode == 0:
        return {path: Run(batch.command, 0, "", "") for path in paths}
    to_recheck = [p for p in paths if str(p) in failed] if listed else list(paths)
    ok = [p for p in paths if p not in to_recheck]
    for path in ok:
        results[path] = Run(batch.command, 0, "", "")
    with ThreadPoolExecutor(WORKERS) as pool:
        singles = pool.map(lambda p: run(java_command() + [str(p)], VALIDATE_TIMEOUT), to_recheck)
        for path, single in zip(to_recheck, singles):
            results[path] = single
    return results


def validation_message(result: Run) -> str:
    """The useful part of ODK Validate's output: the lines about the problem, no stack."""
    if result.problem:
        return result.problem
    keep = []
    for line in result.stderr.splitlines():
        stripped = line.strip()
        if not stripped or stripped.startswith("at ") or stripped.startswith("..."):
            continue
        if stripped.startswith("The following files failed validation") or stripped.startswith("Result:"):
            break
        keep.append(stripped)
    return "\n".join(keep[:8]) or result.last_lines()


def pyxform_error(result: Run) -> str:
    """pyxform's error message without the Python traceback around it."""
    lines = result.stderr.splitlines()
    for index, line in enumerate(lines):
        match = re.match(r"^[\w.]*(?:Error|Exception)\w*: (.*)$", line)
        if match:
            return "\n".join([match.group(1)] + lines[index + 1:]).strip()
    return result.last_lines()


# ----------------------------------------------------------------------------------------
# Session-wide work: each fixture converted once, two at a time


@dataclass
class Workspace:
    folder: Path

    def xlsx(self, fixture: Path) -> Path:
        return self.folder / fixture.parent.relative_to(FIXTURES) / "xlsx" / f"{fixture.stem}.xlsx"

    def reference_xml(self, fixture: Path) -> Path:
        return self.folder / fixture.parent.relative_to(FIXTURES) / "reference" / f"{fixture.stem}.xml"

    def counted_xml(self, fixture: Path) -> Path:
        return self.folder / fixture.parent.relative_to(FIXTURES) / "counted" / f"{fixture.stem}.xml"


@pytest.fixture(scope="session")
def workspace(tmp_path_factory) -> Workspace:
    space = Workspace(tmp_path_factory.mktemp("parity"))
    for fixture in VALID + INVALID:
        for path in (space.xlsx(fixture), space.reference_xml(fixture), space.counted_xml(fixture)):
            path.parent.mkdir(parents=True, exist_ok=True)
    # Files that select_*_from_file questions name sit beside the converted workbooks.
    if MEDIA.is_dir():
        for folder in {space.xlsx(f).parent for f in VALID + INVALID}:
            for media in MEDIA.iterdir():
                if media.is_file():
                    shutil.copy(media, folder / media.name)
    return space


@pytest.fixture(scope="session")
def workbooks(workspace) -> dict[Path, str | None]:
    """Fixture -> None when its xlsx was written, else why not."""
    problems: dict[Path, str | None] = {}
    for fixture in VALID + INVALID:
        try:
            md_to_xlsx.convert(fixture, workspace.xlsx(fixture))
            problems[fixture] = None
        except (md_to_xlsx.MarkdownFormError, OSError) as error:
            problems[fixture] = f"{fixture.name}: {error}"
    return problems


@pytest.fixture(scope="session")
def reference_runs(workspace, workbooks) -> dict[Path, Run]:
    def convert(fixture: Path) -> Run:
        if workbooks[fixture]:
            return Run([], -1, "", "", problem=workbooks[fixture])
        return run(xls2xform_command() + ["--skip_validate", str(workspace.xlsx(fixture)),
                                          str(workspace.reference_xml(fixture))], CONVERT_TIMEOUT)

    fixtures = VALID + INVALID
    with ThreadPoolExecutor(WORKERS) as pool:
        return dict(zip(fixtures, pool.map(convert, fixtures)))


@pytest.fixture(scope="session")
def reference_validations(workspace, reference_runs) -> dict[Path, Run]:
    converted = [workspace.reference_xml(f) for f in VALID
                 if reference_runs[f].returncode == 0 and workspace.reference_xml(f).exists()]
    return validate_many(converted)


def counted_binary() -> str:
    binary = os.environ.get("COUNTED_BIN", "").strip()
    if not binary:
        pytest.fail("COUNTED_BIN is not set: point it at the built `counted` binary, "
                    "e.g. COUNTED_BIN=.build/debug/counted Tests/Parity/run.sh", pytrace=False)
    if not Path(binary).is_file():
        pytest.fail(f"COUNTED_BIN={binary}: no such file (build Counted first)", pytrace=False)
    if not os.access(binary, os.X_OK):
        pytest.fail(f"COUNTED_BIN={binary}: not executable", pytrace=False)
    return binary


@pytest.fixture(scope="session")
def counted_runs(workspace, workbooks) -> dict[Path, Run]:
    binary = os.environ.get("COUNTED_BIN", "").strip()
    if not binary or not Path(binary).is_file():
        return {}

    def convert(fixture: Path) -> Run:
        if workbooks[fixture]:
            return Run([], -1, "", "", problem=workbooks[fixture])
        return run([binary, "form", "convert", str(workspace.xlsx(fixture)),
                    str(workspace.counted_xml(fixture))], CONVERT_TIMEOUT)

    fixtures = VALID + INVALID
    with ThreadPoolExecutor(WORKERS) as pool:
        return dict(zip(fixtures, pool.map(convert, fixtures)))


@pytest.fixture(scope="session")
def counted_validations(workspace, counted_runs) -> dict[Path, Run]:
    converted = [workspace.counted_xml(f) for f in VALID
                 if f in counted_runs and counted_runs[f].returncode == 0
                 and workspace.counted_xml(f).exists()]
    return validate_many(converted)


# ----------------------------------------------------------------------------------------
# The corpus itself


def test_corpus_is_large_enough():
    if len(VALID) < 70 or len(INVALID) < 30:
        pytest.fail(f"the corpus has {len(VALID)} valid and {len(INVALID)} invalid fixtures; "
                    "at least 70 and 30 are wanted", pytrace=False)


# What the valid fixtures must cover between them (question types, survey columns, settings).
REQUIRED_TYPES = {
    "text", "integer", "decimal", "range", "select_one", "select_multiple",
    "select_one_from_file", "select_multiple_from_file", "rank", "note", "acknowledge",
    "geopoint", "geotrace", "geoshape", "date", "time", "datetime", "image", "audio", "video",
    "file", "barcode", "calculate", "hidden", "start", "end", "today", "deviceid", "username",
    "phonenumber", "audit", "background-audio", "trigger", "begin group", "end group",
    "begin repeat", "end repeat",
}
REQUIRED_SURVEY_COLUMNS = {
    "label", "hint", "guidance_hint", "constraint_message", "required_message", "image",
    "audio", "video", "big-image", "required", "relevant", "constraint", "calculation",
    "default", "read_only", "appearance", "choice_filter", "parameters", "trigger",
    "repeat_count",
}
TRANSLATED_SURVEY_COLUMNS = {
    "label", "hint", "guidance_hint", "constraint_message", "required_message", "image",
    "audio", "video",
}
REQUIRED_SETTINGS = {
    "form_title", "form_id", "version", "default_language", "instance_name", "public_key",
    "submission_url", "allow_choice_duplicates",
}


def test_corpus_covers_every_type_column_and_setting():
    types: set[str] = set()
    columns: set[str] = set()
    translated: set[str] = set()
    settings: set[str] = set()
    or_other = False
    for fixture in VALID:
        sheets = md_to_xlsx.read_markdown(fixture.read_text(encoding="utf-8"))
        survey = sheets.get("survey", [])
        if survey:
            header = survey[0]
            columns.update(h.split("::")[0] for h in header if h)
            translated.update(h.split("::")[0] for h in header if h and "::" in h)
            type_index = header.index("type") if "type" in header else None
            for row in survey[1:]:
                value = row[type_index] if type_index is not None and type_index < len(row) else None
                if not value:
                    continue
                words = value.split()
                or_other = or_other or words[-1] == "or_other"
                two_words = " ".join(words[:2])
                types.add(two_words if words[0] in ("begin", "end") else words[0].lower())
        if sheets.get("settings"):
            settings.update(h for h in sheets["settings"][0] if h)
    missing = {
        "question types": sorted(REQUIRED_TYPES - types),
        "survey columns": sorted(REQUIRED_SURVEY_COLUMNS - columns),
        "translated columns": sorted(TRANSLATED_SURVEY_COLUMNS - translated),
        "settings": sorted(REQUIRED_SETTINGS - settings),
        "or_other": [] if or_other else ["or_other"],
    }
    gaps = "; ".join(f"{what}: {', '.join(names)}" for what, names in missing.items() if names)
    if gaps:
        pytest.fail(f"the valid fixtures no longer cover {gaps}", pytrace=False)


def test_known_differences_name_existing_fixtures():
    names = {p.stem for p in VALID} | {f"errors/{p.stem}" for p in INVALID}
    stale = sorted(name for name in KNOWN if name not in names)
    if stale:
        pytest.fail(f"known_differences.txt names fixtures that do not exist: {', '.join(stale)}",
                    pytrace=False)


@dataclass
class ExpectedError:
    sheet: str
    row: int | None
    pyxform_row: int | None | str  # "none": pyxform names no usable row


def expected_error(fixture: Path) -> ExpectedError:
    first_line = fixture.read_text(encoding="utf-8").splitlines()[0] if fixture.stat().st_size else ""
    match = ERROR_COMMENT.match(first_line.strip())
    if not match:
        pytest.fail(f"{fixture.name}: the first line must be a comment like "
                    "`<!-- error: sheet=survey row=4 -->`", pytrace=False)
    row = int(match["row"]) if match["row"] else None
    pyxform_row = match["pyxform_row"]
    if pyxform_row is not None and pyxform_row != "none":
        pyxform_row = int(pyxform_row)
    return ExpectedError(match["sheet"], row, pyxform_row if pyxform_row is not None else row)


# ----------------------------------------------------------------------------------------
# pyxform and ODK Validate on the corpus (must pass now)


@pytest.mark.parametrize("fixture", [pytest.param(p, id=p.stem) for p in VALID])
def test_pyxform_and_odk_validate_accept(fixture, workspace, reference_runs, reference_validations):
    converted = reference_runs[fixture]
    if converted.problem or converted.returncode != 0:
        pytest.fail(f"pyxform refused {fixture.name}: "
                    f"{converted.problem or pyxform_error(converted)}", pytrace=False)
    validated = reference_validations.get(workspace.reference_xml(fixture))
    if validated is None:
        pytest.fail(f"pyxform wrote no XForm for {fixture.name}", pytrace=False)
    if validated.problem or validated.returncode != 0:
        pytest.fail(f"ODK Validate rejects pyxform's XForm for {fixture.name}: "
                    f"{validation_message(validated)}", pytrace=False)


@pytest.mark.parametrize("fixture", [pytest.param(p, id=p.stem) for p in INVALID])
def test_pyxform_refuses(fixture, reference_runs):
    expected = expected_error(fixture)
    refused = reference_runs[fixture]
    if refused.problem:
        pytest.fail(f"{fixture.name}: {refused.problem}", pytrace=False)
    if refused.returncode == 0:
        pytest.fail(f"pyxform accepts errors/{fixture.name}, which is meant to be invalid",
                    pytrace=False)
    message = pyxform_error(refused)
    named_rows = [int(n) for n in re.findall(r"\[row : (\d+)\]", message)]
    named_sheets = re.findall(r"On the '(\w+)' sheet", message)
    if named_sheets and expected.sheet not in named_sheets:
        pytest.fail(f"errors/{fixture.name}: pyxform names sheet {named_sheets[0]}, the comment "
                    f"says {expected.sheet}: {message}", pytrace=False)
    if named_rows and expected.pyxform_row != "none" and expected.pyxform_row not in named_rows:
        pytest.fail(f"errors/{fixture.name}: pyxform names row {named_rows[0]}, the comment says "
                    f"{expected.pyxform_row}: {message}", pytrace=False)


# ----------------------------------------------------------------------------------------
# Counted against the reference


@pytest.mark.counted
@pytest.mark.parametrize("fixture", fixture_params(VALID))
def test_counted_converts_like_pyxform(fixture, workspace, request):
    counted_binary()  # before the session's conversions, so a missing binary fails fast
    reference_runs = request.getfixturevalue("reference_runs")
    counted_runs = request.getfixturevalue("counted_runs")
    counted_validations = request.getfixturevalue("counted_validations")
    reference = reference_runs[fixture]
    if reference.returncode != 0:
        pytest.fail(f"no reference: pyxform refused {fixture.name} "
                    "(see test_pyxform_and_odk_validate_accept)", pytrace=False)
    converted = counted_runs[fixture]
    if converted.problem:
        pytest.fail(f"Counted did not finish converting {fixture.name}: {converted.problem}",
                    pytrace=False)
    if converted.returncode != 0:
        pytest.fail(f"`counted form convert` exited {converted.returncode} for {fixture.name}:\n"
                    f"{converted.last_lines()}", pytrace=False)
    ours = workspace.counted_xml(fixture)
    if not ours.exists():
        pytest.fail(f"`counted form convert` exited 0 but wrote no {ours.name}", pytrace=False)
    validated = counted_validations.get(ours)
    if validated is None or validated.problem or validated.returncode != 0:
        detail = validation_message(validated) if validated else "not validated"
        pytest.fail(f"ODK Validate rejects Counted's XForm for {fixture.name}: {detail}",
                    pytrace=False)
    try:
        differences = compare_xforms.compare_files(str(workspace.reference_xml(fixture)), str(ours))
    except compare_xforms.UnreadableForm as error:
        pytest.fail(f"cannot compare {fixture.name}: {error}", pytrace=False)
    if differences:
        shown = "\n".join(differences[:40])
        more = f"\n... and {len(differences) - 40} more" if len(differences) > 40 else ""
        pytest.fail(f"{fixture.name}: Counted's XForm differs from pyxform's in "
                    f"{len(differences)} place(s):\n{shown}{more}", pytrace=False)


@pytest.mark.counted
@pytest.mark.parametrize("fixture", fixture_params(INVALID, folder_prefix="errors/"))
def test_counted_refuses(fixture, request):
    counted_binary()
    counted_runs = request.getfixturevalue("counted_runs")
    expected = expected_error(fixture)
    refused = counted_runs[fixture]
    if refused.problem:
        pytest.fail(f"Counted did not finish with errors/{fixture.name}: {refused.problem}",
                    pytrace=False)
    if refused.returncode == 0:
        pytest.fail(f"`counted form convert` accepts errors/{fixture.name}, which pyxform refuses",
                    pytrace=False)
    wanted = rf"\bsheet {re.escape(expected.sheet)}\b"
    if expected.row is not None:
        wanted += rf".*\brow {expected.row}\b"
    if not any(re.search(wanted, line) for line in refused.output.splitlines()):
        where = f"sheet {expected.sheet}" + (f", row {expected.row}" if expected.row else "")
        pytest.fail(f"errors/{fixture.name}: Counted refused it but no line names {where}; "
                    f"it printed:\n{refused.last_lines()}", pytrace=False)


# ----------------------------------------------------------------------------------------
# itemsets.csv: the external choices file written beside the XForm

EXTERNAL = [f for f in VALID if "| external_choices" in f.read_text(encoding="utf-8")]


def test_corpus_has_external_choices():
    if not EXTERNAL:
        pytest.fail("no valid fixture has an external_choices sheet", pytrace=False)


def read_itemsets(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    import csv

    with open(path, encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        return list(reader.fieldnames or []), list(reader)


@pytest.mark.counted
@pytest.mark.parametrize("fixture", fixture_params(EXTERNAL))
def test_counted_writes_itemsets_like_pyxform(fixture, workspace, workbooks, tmp_path):
    binary = counted_binary()
    if workbooks[fixture]:
        pytest.fail(workbooks[fixture], pytrace=False)
    ours, theirs = tmp_path / "counted", tmp_path / "pyxform"
    ours.mkdir()
    theirs.mkdir()
    for command in ([binary, "form", "convert", str(workspace.xlsx(fixture)), str(ours / "form.xml")],
                    xls2xform_command() + ["--skip_validate", str(workspace.xlsx(fixture)), str(theirs / "form.xml")]):
        done = run(command, CONVERT_TIMEOUT)
        if done.problem or done.returncode != 0:
            pytest.fail(f"{' '.join(command[:3])} failed on {fixture.name}: {done.problem or done.last_lines()}",
                        pytrace=False)
    if not (theirs / "itemsets.csv").exists():
        pytest.fail(f"pyxform wrote no itemsets.csv for {fixture.name}", pytrace=False)
    if not (ours / "itemsets.csv").exists():
        pytest.fail(f"Counted wrote no itemsets.csv beside the XForm of {fixture.name}", pytrace=False)
    our_header, our_rows = read_itemsets(ours / "itemsets.csv")
    their_header, their_rows = read_itemsets(theirs / "itemsets.csv")
    assert sorted(our_header) == sorted(their_header), f"columns differ: {our_header} vs {their_header}"
    assert our_rows == their_rows, f"rows differ:\n{our_rows}\nvs\n{their_rows}"
