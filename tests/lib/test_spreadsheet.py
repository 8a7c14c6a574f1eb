import csv
import io

import pytest

from journeys.lib.spreadsheet import cell, csv_text


@pytest.mark.parametrize(
    "text", ["=1+2+cmd|' /C calc'!A0", "+1", "-1+1", "@SUM(A1)", "\t=1", "\r=1"]
)
def test_a_text_a_spreadsheet_would_run_is_quoted(text):
    assert cell(text) == "'" + text


@pytest.mark.parametrize("value", ["North Hamgyong", "함경북도", "", "1 = 1", -3, 12, None])
def test_other_values_are_left_as_they_are(value):
    assert cell(value) == value


def test_every_cell_of_a_csv_is_made_safe_header_included():
    text = csv_text(["=name", "count"], [["=1+2", -3], ["@x", 4]])
    assert list(csv.reader(io.StringIO(text))) == [
        ["'=name", "count"],
        ["'=1+2", "-3"],
        ["'@x", "4"],
    ]
