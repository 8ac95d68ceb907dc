"""Years listed after one year span a range: "from 1995 or 1996" is 1995-1996, not 1995 alone
(sentences written for this test, none from a benchmark file)."""

from __future__ import annotations

import pytest

from chat_rec.catalog.titles import fold
from chat_rec.understanding.years import extract_years


@pytest.mark.parametrize(("text", "expected"), [
    ("Films from 1995 or 1996, please", (1995, 1996)),
    ("movies from 1994, 1995 and 1996", (1994, 1996)),
    ("released in 2003, 2004 or 2005", (2003, 2005)),
    ("algo de 1995 o 1996", (1995, 1996)),
    ("películas de 1999 y 2001, por favor", (1999, 2001)),
    ("something made in 1987 or 1988 with robots", (1987, 1988)),
    # a single year, or a year followed by anything but another year, reads as before
    ("films from 1995", (1995, 1995)),
    ("something from 1995, Heat maybe", (1995, 1995)),
    ("made in 1984 and I loved it", (1984, 1984)),
    ("something from 1995 or earlier", (None, 1995)),
    ("movies from 1990 to 1995", (1990, 1995)),
])
def test_listed_years_span_a_range(text, expected):
    assert extract_years(fold(text))[:2] == expected
