"""Fixtures: the demo seeded by a real `counted serve --demo` on a temporary SQLite database, and
`counted export` run on it."""

import os
import re
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

import pytest

PROJECT_ROOT = Path(__file__).resolve().parents[2]
DEMO = "demo"


def counted_bin():
    path = os.environ.get("COUNTED_BIN") or str(PROJECT_ROOT / ".build/debug/counted")
    if not os.access(path, os.X_OK):
        pytest.exit(f"No Counted binary at {path}: build it (swift build) or pass it to run.sh.", returncode=2)
    return path


class Demo:
    def __init__(self, binary, database, folder):
        self.binary = binary
        self.database = database
        self.folder = Path(folder)

    def export(self, round_number, export_format):
        """Runs `counted export` and returns the directory it wrote, failing with its output if it failed."""
        out = self.folder / f"round-{round_number}-{export_format}"
        result = subprocess.run([self.binary, "export", "--database", self.database, "--project", DEMO,
                                 "--round", str(round_number), "--format", export_format, "--out", str(out)],
                                capture_output=True, text=True, timeout=120)
        assert result.returncode == 0, f"counted export failed (exit {result.returncode}): {result.stdout}{result.stderr}"
        return out


@pytest.fixture(scope="session")
def demo():
    binary = counted_bin()
    folder = tempfile.mkdtemp(prefix="counted-opendata.")
    database = f"sqlite:{folder}"
    log_path = Path(folder) / "serve.log"
    with open(log_path, "w") as log:
        process = subprocess.Popen([binary, "serve", "--demo", "--database", database, "--port", "0"],
                                   stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 300
        while not re.search(r"running at http://", log_path.read_text()):
            if process.poll() is not None:
                raise RuntimeError(f"counted serve --demo exited with {process.returncode}:\n{log_path.read_text()}")
            if time.monotonic() > deadline:
                raise RuntimeError(f"counted serve --demo did not finish seeding in 300 s:\n{log_path.read_text()}")
            time.sleep(0.2)
    finally:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
    yield Demo(binary, database, folder)
    shutil.rmtree(folder, ignore_errors=True)
