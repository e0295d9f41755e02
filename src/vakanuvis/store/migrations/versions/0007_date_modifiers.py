"""A date's value is what it names; a part of a period or an open end is its modifier, and what it then
covers its extent ("Mart 1922 iptidasında": "1922-03", "beginning", "1922-03-01~/1922-03-10~")

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-02 10:40:00

Stored dates and events written before this revision are rewritten to the new convention: an open end
("1920-03-16/..") keeps its extent and takes the day, month or year it starts or ends at as value and
bounds; a part of a year or a month ("1922-01~/1922-03~") takes the year or month as value.
"""

import re
from calendar import monthrange
from datetime import date

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

# the parts this tagger wrote, as (first, last) months of a year or days of a month, and their modifiers
# (halves stay the intervals they are)
YEAR_PARTS = {(1, 3): "beginning", (5, 8): "middle", (10, 12): "end"}
MONTH_PARTS = {(1, 10): "beginning", (11, 20): "middle", (21, 31): "end"}
SEASONS = {21: (3, 5), 22: (6, 8), 23: (9, 11), 24: (1, 14)}


# the columns this revision reads and writes
dates = sa.table(
    "dates",
    sa.column("document_id", sa.String),
    sa.column("idx", sa.Integer),
    sa.column("edtf", sa.String),
    sa.column("earliest", sa.Date),
    sa.column("latest", sa.Date),
    sa.column("modifier", sa.Text),
    sa.column("extent", sa.Text),
)
events = sa.table(
    "events",
    sa.column("document_id", sa.String),
    sa.column("date_idx", sa.Integer),
    sa.column("edtf", sa.String),
    sa.column("earliest", sa.Date),
    sa.column("latest", sa.Date),
)


def bounds(value: str) -> tuple[date, date]:
    """The first and last day of a single EDTF date of this tagger ("1920", "1920-03", "1920-03-05",
    "1920-22", "192X"), without its qualifier."""
    value = value.rstrip("~?%")
    parts = value.split("-")
    if parts[0].endswith("X"):
        decade = int(parts[0][:3]) * 10
        return date(decade, 1, 1), date(decade + 9, 12, 31)
    year = int(parts[0])
    if len(parts) == 1:
        return date(year, 1, 1), date(year, 12, 31)
    month = int(parts[1])
    if month > 12:
        first, last = SEASONS[month]
        last_year, last = (year + 1, last - 12) if last > 12 else (year, last)
        return date(year, first, 1), date(last_year, last, monthrange(last_year, last)[1])
    if len(parts) == 2:
        return date(year, month, 1), date(year, month, monthrange(year, month)[1])
    day = date(year, month, int(parts[2]))
    return day, day


def rewritten(edtf: str) -> tuple[str, str, str, date, date] | None:
    """(value, modifier, extent, earliest, latest) of an old value, or None when it stays as it is."""
    if "XXXX" in edtf:
        return None
    if edtf.endswith("/.."):
        named = edtf[:-3]
        return (named, "from", edtf, *bounds(named))
    if edtf.startswith("../"):
        named = edtf[3:]
        return (named, "until", edtf, *bounds(named))
    year_part = re.fullmatch(r"(\d{4})-(\d\d)~/\1-(\d\d)~", edtf)
    if year_part:
        year, low, high = year_part.group(1), int(year_part.group(2)), int(year_part.group(3))
        modifier = YEAR_PARTS.get((low, high))
        if modifier:
            return (year, modifier, edtf, bounds(f"{year}-{low:02d}")[0], bounds(f"{year}-{high:02d}")[1])
        return None
    month_part = re.fullmatch(r"(\d{4}-\d\d)-(\d\d)~/\1-(\d\d)~", edtf)
    if month_part:
        month, low, high = month_part.group(1), int(month_part.group(2)), int(month_part.group(3))
        month_end = bounds(month)[1].day
        for (first_day, last_day), modifier in MONTH_PARTS.items():
            if first_day == low and min(last_day, month_end) == high:
                first, last = bounds(f"{month}-{low:02d}")[0], bounds(f"{month}-{high:02d}")[0]
                return (month, modifier, edtf, first, last)
    return None


def upgrade() -> None:
    with op.batch_alter_table("dates") as batch_op:
        batch_op.add_column(sa.Column("modifier", sa.Text(), nullable=False, server_default=""))
        batch_op.add_column(sa.Column("extent", sa.Text(), nullable=False, server_default=""))
    connection = op.get_bind()
    rows = connection.execute(
        sa.select(dates.c.document_id, dates.c.idx, dates.c.edtf).where(
            sa.or_(dates.c.edtf.like("%/.."), dates.c.edtf.like("../%"), dates.c.edtf.like("%/%"))
        )
    ).all()
    for document_id, idx, edtf in rows:
        new = rewritten(edtf)
        if new is None:
            continue
        value, modifier, extent, earliest, latest = new
        connection.execute(
            dates.update()
            .where(dates.c.document_id == document_id, dates.c.idx == idx)
            .values(edtf=value, modifier=modifier, extent=extent, earliest=earliest, latest=latest)
        )
        connection.execute(
            events.update()
            .where(events.c.document_id == document_id, events.c.date_idx == idx)
            .values(edtf=value, earliest=earliest, latest=latest)
        )


def downgrade() -> None:
    connection = op.get_bind()
    rows = connection.execute(
        sa.select(
            dates.c.document_id,
            dates.c.idx,
            dates.c.modifier,
            dates.c.extent,
            dates.c.earliest,
            dates.c.latest,
        ).where(dates.c.extent != "")
    ).all()
    for document_id, idx, modifier, extent, earliest, latest in rows:
        # before this revision an open end's bounds were the widest dates
        earliest = date.min if modifier == "until" else earliest
        latest = date.max if modifier == "from" else latest
        old = {"edtf": extent, "earliest": earliest, "latest": latest}
        connection.execute(
            dates.update().where(dates.c.document_id == document_id, dates.c.idx == idx).values(**old)
        )
        connection.execute(
            events.update().where(events.c.document_id == document_id, events.c.date_idx == idx).values(**old)
        )
    op.drop_column("dates", "extent")
    op.drop_column("dates", "modifier")
