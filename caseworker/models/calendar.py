"""Ages in 周岁 and calendar arithmetic, as household registration counts them.

A person reaches N 周岁 on their N-th birthday; one born on 29 February reaches
it on 1 March of a common year (rules-reading.md, "Age").
"""

from __future__ import annotations

import calendar
from datetime import date


def anniversary(start: date, years: int) -> date:
    """The date ``years`` after ``start``; 29 February falls on 1 March in a common year."""
    year = start.year + years
    if start.month == 2 and start.day == 29 and not calendar.isleap(year):
        return date(year, 3, 1)
    return start.replace(year=year)


def age_on(birth: date, on: date) -> int:
    """Whole years (周岁) completed on ``on``."""
    years = on.year - birth.year
    if anniversary(birth, years) > on:
        years -= 1
    return years


def add_months(start: date, months: int) -> date:
    """``start`` moved by whole months; a day past the month's end moves to the next month's 1st.

    The next-day rule matches ``anniversary``: 31 August + 6 months is 1 March,
    so a duration counted from the 31st is never shortened.
    """
    index = start.year * 12 + start.month - 1 + months
    year, month = divmod(index, 12)
    month += 1
    last = calendar.monthrange(year, month)[1]
    if start.day <= last:
        return date(year, month, start.day)
    return date(year, month, last).fromordinal(date(year, month, last).toordinal() + 1)
