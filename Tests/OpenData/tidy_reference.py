"""The tidy CSV of a demo round, read as the reference every other format is checked against: a
row per indicator and group, keyed by (indicator, one level per dimension, period)."""

import csv

SUPPRESSED = "suppressed"
NUMBER_COLUMNS = ["value", "ci_low", "ci_high", "standard_error", "n"]


class Tidy:
    def __init__(self, path):
        with open(path, newline="", encoding="utf-8") as handle:
            reader = csv.DictReader(handle)
            self.header = list(reader.fieldnames)
            self.records = list(reader)
        self.dimensions = self.header[2:self.header.index("value")]
        self.rows = {self.key(record): record for record in self.records}
        assert len(self.rows) == len(self.records), "the tidy table has two rows with the same key"

    def key(self, record):
        return (record["indicator"], *[record[dimension] for dimension in self.dimensions], record["period"])

    @staticmethod
    def is_suppressed(record):
        return record["flags"].startswith("S")

    def suppressed(self):
        return [record for record in self.records if self.is_suppressed(record)]

    def shown(self, indicator=None):
        """Rows with a number, of one indicator or of all."""
        return [record for record in self.records
                if not self.is_suppressed(record) and record["value"] != "" and indicator in (None, record["indicator"])]


def read_tidy(demo, round_number):
    [path] = list(demo.export(round_number, "csv").glob("*.csv"))
    tidy = Tidy(path)
    assert tidy.suppressed(), f"round {round_number}: the demo should have suppressed values to check"
    return tidy
