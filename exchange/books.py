"""Writing gradebooks, their categories and their assignments."""

from typing import Any

from exchange.plan import ASSIGNMENTS, CATEGORIES, GRADEBOOKS
from exchange.run import Run
from exchange.writing import batches, imported, sync, update
from gradebook.models import Assignment, Category, Gradebook

ASSIGNMENT_FIELDS = ["title", "points_possible", "assigned_on", "due_on"]
CATEGORY_FIELDS = ["name", "weight"]


def write_gradebooks(run: Run) -> dict[tuple[str, str], int]:
    """The gradebook of each section and marking period the line items fall in."""
    existing = {
        (book.section_id, book.marking_period_id): book
        for book in Gradebook.objects.filter(section__sourced_id__isnull=False)
    }
    books: dict[tuple[str, str], Gradebook] = {}
    new, changed = [], []
    for (section, period), weighted in run.plan.gradebooks.items():
        method = Gradebook.Method.WEIGHTED if weighted else Gradebook.Method.POINTS
        book = existing.get((run.sections[section], run.periods[period]))
        if book is None:
            book = Gradebook(
                section_id=run.sections[section],
                marking_period_id=run.periods[period],
                method=method,
                updated_at=run.now,
            )
            new.append(book)
        elif book.method != method:
            book.method = method
            changed.append(book)
        books[section, period] = book

    Gradebook.objects.bulk_create(new, batch_size=2000)
    update(Gradebook, changed, ["method"])
    run.summary[GRADEBOOKS].created += len(new)
    run.summary[GRADEBOOKS].updated += len(changed)
    run.step("Writing gradebooks", len(books))
    return {key: book.pk for key, book in books.items()}


def write_categories(
    run: Run, books: dict[tuple[str, str], int]
) -> dict[tuple[int, str], int]:
    plan = run.plan
    existing = {
        (category.gradebook_id, category.sourced_id): category
        for category in Category.objects.exclude(sourced_id="")
    }
    wanted = {
        (books[section, period], sid): want
        for (section, period, sid), want in plan.categories.items()
    }
    new, changed = [], []
    for (book, sid), want in wanted.items():
        category = existing.get((book, sid))
        if category is None:
            new.append(
                Category(
                    gradebook_id=book,
                    sourced_id=sid,
                    name=want.name,
                    weight=want.weight,
                )
            )
        elif (category.name, category.weight) != (want.name, want.weight):
            category.name, category.weight = want.name, want.weight
            changed.append(category)

    Category.objects.bulk_create(new, batch_size=2000)
    update(Category, changed, CATEGORY_FIELDS)
    run.touched |= {category.gradebook_id for category in [*new, *changed]}
    run.summary[CATEGORIES].created += len(new)
    run.summary[CATEGORIES].updated += len(changed)
    remove_categories(run, existing, wanted)
    run.step("Writing categories", len(wanted))

    kept = {key: category.pk for key, category in existing.items()}
    return kept | {
        (category.gradebook_id, category.sourced_id): category.pk for category in new
    }


def remove_categories(
    run: Run, existing: dict[tuple[int, str], Category], wanted: dict[Any, Any]
) -> None:
    """Categories the line items no longer use, or the district no longer lists."""
    plan = run.plan
    gone = [key for key in existing if key[1] in plan.deletions(CATEGORIES)]
    if ASSIGNMENTS in plan.complete:
        gone += [key for key in existing if key not in wanted]
    elif CATEGORIES in plan.complete:
        gone += [key for key in existing if key[1] not in plan.category_sids]

    leaving = [existing.pop(key) for key in set(gone)]
    for category in leaving:
        run.log.removed("category", category, CATEGORY_FIELDS)
    for part in batches([category.pk for category in leaving]):
        Category.objects.filter(pk__in=part).delete()
    run.touched |= {category.gradebook_id for category in leaving}
    run.summary[CATEGORIES].removed += len(leaving)


def write_assignments(
    run: Run,
    books: dict[tuple[str, str], int],
    categories: dict[tuple[int, str], int],
) -> None:
    plan = run.plan
    existing = imported(Assignment)
    wanted = {}
    for sid, want in plan.assignments.items():
        book = books[want.book]
        wanted[sid] = {
            "gradebook_id": book,
            "category_id": categories.get((book, want.category)),
            "title": want.title,
            "points_possible": want.possible,
            "assigned_on": want.assigned,
            "due_on": want.due,
        }

    created = [sid for sid in wanted if sid not in existing]
    synced = sync_assignments(run, wanted, existing)
    run.touched |= {books[plan.assignments[sid].book] for sid in created}
    for assignment, before in synced:
        run.touched.add(assignment.gradebook_id)
        if "gradebook_id" in before:
            run.touched.add(before["gradebook_id"])

    remove_assignments(run, existing)
    run.assignments = {sid: record.pk for sid, record in existing.items()}
    run.step("Writing assignments", len(wanted))


def sync_assignments(
    run: Run, wanted: dict[str, dict[str, Any]], existing: dict[str, Assignment]
) -> list[tuple[Assignment, dict[str, Any]]]:
    """Families see a new assignment from the day it was assigned; the office may
    change that date, and an import keeps the change."""
    synced = sync(
        Assignment,
        wanted,
        existing,
        run.summary[ASSIGNMENTS],
        new=lambda _, values: {"visible_from": values["assigned_on"]},
    )
    existing.update(synced.objects)
    return synced.updated


def remove_assignments(run: Run, existing: dict[str, Assignment]) -> None:
    plan = run.plan
    gone = plan.deletions(ASSIGNMENTS)
    if ASSIGNMENTS in plan.complete:
        gone = gone | (set(existing) - set(plan.assignments))
    leaving = [existing.pop(sid) for sid in gone if sid in existing]
    for assignment in leaving:
        run.log.removed("assignment", assignment, ASSIGNMENT_FIELDS)
    for part in batches([assignment.pk for assignment in leaving]):
        Assignment.objects.filter(pk__in=part).delete()
    run.touched |= {assignment.gradebook_id for assignment in leaving}
    run.summary[ASSIGNMENTS].removed += len(leaving)
