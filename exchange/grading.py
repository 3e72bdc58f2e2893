"""From categories, line items and results to the plan: gradebooks and scores.

OneRoster's categories belong to no class; Homeroom keeps categories per
gradebook, so each gradebook gets the categories its line items use, under the
category's title and weight.
"""

import datetime
from collections import defaultdict
from decimal import Decimal

from exchange import columns as c
from exchange.context import Context
from exchange.plan import SCORES, AssignmentWant, CategoryWant
from exchange.planning import marking_periods_in
from exchange.reading import LineItem, Result, results
from exchange.table import Table

HUNDRED = Decimal(100)
ZERO = Decimal(0)


def category_weights(ctx: Context) -> dict[str, Decimal]:
    """Each category's weight in percent; weights written as fractions are scaled."""
    weights = {
        sid: record.weight
        for sid, record in ctx.parsed.categories.items()
        if record.weight is not None
    }
    if weights and max(weights.values()) <= 1 and sum(weights.values()) > 0:
        ctx.warn(
            c.CATEGORIES,
            0,
            "weight",
            "Every weight is 1 or less, so the weights were read as fractions of "
            "the whole: 0.4 counts as 40 %.",
        )
        weights = {sid: weight * HUNDRED for sid, weight in weights.items()}
    return weights


def plan_gradebooks(ctx: Context) -> None:
    weights = category_weights(ctx)
    for item in ctx.parsed.line_items.values():
        if not line_item_references(ctx, item):
            continue
        if item.klass not in ctx.plan.sections and not ctx.on_file(
            c.CLASSES, item.klass
        ):
            continue
        category = category_of(ctx, item.category, weights)
        period = period_for(ctx, item)
        if category is None:
            continue
        if period is None:
            ctx.tally(
                c.LINE_ITEMS,
                item.line,
                "dueDate",
                "{rows} fell in no marking period of their class (the first is "
                "on this line). Homeroom keeps assignments in a marking period's "
                "gradebook, so those were skipped.",
            )
            continue
        add_assignment(ctx, item, period, category)
    warn_same_names(ctx)


def line_item_references(ctx: Context, item: LineItem) -> bool:
    line, file = item.line, c.LINE_ITEMS
    session_column = (
        "academicSessionSourcedId" if item.school else "gradingPeriodSourcedId"
    )
    known = ctx.resolves(file, line, "classSourcedId", c.CLASSES, item.klass)
    known &= ctx.resolves(file, line, "categorySourcedId", c.CATEGORIES, item.category)
    known &= ctx.resolves(file, line, session_column, c.SESSIONS, item.session)
    if item.school:
        known &= ctx.resolves(file, line, "schoolSourcedId", c.ORGS, item.school)
    return known


def category_of(
    ctx: Context, sid: str, weights: dict[str, Decimal]
) -> tuple[str, CategoryWant] | None:
    record = ctx.parsed.categories.get(sid)
    if record is not None:
        return sid, CategoryWant(record.title, weights.get(sid, ZERO))
    if sid in ctx.onfile.categories and ctx.may_use_database(c.CATEGORIES):
        name, weight = ctx.onfile.categories[sid]
        return sid, CategoryWant(name, weight)
    return None


def period_for(ctx: Context, item: LineItem) -> str | None:
    """The marking period of the item's session and class that holds its due date."""
    inside = marking_periods_in(ctx, item.session)
    section = ctx.plan.sections.get(item.klass)
    mine = (
        section.periods if section else ctx.onfile.section_periods.get(item.klass, [])
    )
    candidates = [sid for sid in inside if sid in mine] or list(inside)
    spans = [(sid, *period_span(ctx, sid)) for sid in candidates]
    for day in (item.due, item.assigned):
        for sid, start, end in spans:
            if start <= day <= end:
                return sid
    started = [span for span in spans if span[1] <= item.due]
    if started:
        return max(started, key=lambda span: span[1])[0]
    return min(spans, key=lambda span: span[1])[0] if spans else None


def period_span(ctx: Context, sid: str) -> tuple[datetime.date, datetime.date]:
    period = ctx.plan.periods.get(sid)
    if period is not None:
        return period.start, period.end
    on_file = ctx.onfile.periods[sid]
    return on_file.start, on_file.end


def add_assignment(
    ctx: Context, item: LineItem, period: str, category: tuple[str, CategoryWant]
) -> None:
    plan = ctx.plan
    book = (item.klass, period)
    sid, want = category
    plan.categories[item.klass, period, sid] = want
    plan.gradebooks[book] = plan.gradebooks.get(book, False) or want.weight > 0
    plan.assignments[item.sid] = AssignmentWant(
        book, sid, item.title, item.possible, item.assigned, item.due
    )


def warn_same_names(ctx: Context) -> None:
    """Two categories of one title in a gradebook would share its weight."""
    names: dict[tuple[str, str], set[str]] = defaultdict(set)
    for (klass, period, _), want in ctx.plan.categories.items():
        if want.name in names[klass, period]:
            ctx.warn(
                c.CATEGORIES,
                0,
                "title",
                f"Two categories titled {want.name!r} are used in one class's "
                "marking period. Homeroom shows them as one category.",
            )
        names[klass, period].add(want.name)


class ResultCheck:
    """Checks the results file row by row, keeping only what removal needs."""

    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx
        self.items: dict[str, int] = {}
        self.students: dict[str, int] = {}
        self.pairs: dict[int, int] = {}
        self.sids: set[str] = set()

    def run(self, table: Table) -> set[str]:
        deleted = self.ctx.plan.deleted.setdefault(SCORES, set())
        for row, record in results(table):
            sid = row.values[table.index["sourcedId"]].strip()
            if sid in self.sids:
                row.problem("sourcedId", "This sourcedId is used on an earlier line.")
                continue
            self.sids.add(sid)
            if row.deleted:
                deleted.add(sid)
            elif record is not None:
                self.check(record)
        return self.sids - deleted

    def check(self, result: Result) -> None:
        ctx, line = self.ctx, result.line
        known = ctx.resolves(
            c.RESULTS, line, "lineItemSourcedId", c.LINE_ITEMS, result.line_item
        )
        known &= ctx.resolves(
            c.RESULTS, line, "studentSourcedId", c.USERS, result.student
        )
        if not known or not self.kept(result):
            return

        item = self.items.setdefault(result.line_item, len(self.items))
        student = self.students.setdefault(result.student, len(self.students))
        pair = item * 10_000_000 + student
        if pair in self.pairs:
            ctx.problem(
                c.RESULTS,
                line,
                "studentSourcedId",
                "This student already has a result for this line item on line "
                f"{self.pairs[pair]}.",
            )
        self.pairs[pair] = line

    def kept(self, result: Result) -> bool:
        """Whether the score has a place: its assignment and student are imported."""
        ctx = self.ctx
        item = result.line_item in ctx.plan.assignments or ctx.on_file(
            c.LINE_ITEMS, result.line_item
        )
        student = result.student in ctx.plan.students or ctx.on_file_as(
            result.student, "students"
        )
        if not (item and student):
            ctx.tally(
                c.RESULTS,
                result.line,
                "",
                "{rows} were for line items or students that were skipped (the "
                "first is on this line). Those results were skipped too.",
            )
        return item and student
