"""A gradebook's setup: its grading method, categories and assignments."""

from dataclasses import dataclass
from typing import Any
from uuid import UUID

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.forms import BaseModelFormSet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone

from accounts.models import Account
from audit.record import record_changes, record_removal, snapshot
from gradebook.models import Assignment, Category, Gradebook
from records.models import Section
from staff.access import signed_in, teacher_section
from teaching.forms import (
    AssignmentForm,
    CategoryForm,
    CategoryFormSet,
    MethodForm,
)
from teaching.views.gradebook import open_gradebook, section_assignment

ASSIGNMENT_FIELDS = [
    "title",
    "category",
    "points_possible",
    "assigned_on",
    "due_on",
    "visible_from",
]
CATEGORY_FIELDS = ["name", "weight"]


@dataclass(frozen=True)
class Setup:
    """The method and each category (by pk) as they were on file, before a change."""

    method: dict[str, Any]
    categories: dict[int, dict[str, Any]]


def back_to_grid(section: Section, book: Gradebook) -> HttpResponse:
    return redirect("teaching:gradebook", section.public_id, book.marking_period_id)


@login_required
def gradebook_setup(
    request: HttpRequest, section_id: UUID, period_id: int
) -> HttpResponse:
    """Choose total points or weighted categories, and set the categories."""
    section, book = open_gradebook(request, section_id, period_id)
    on_file = Setup(
        method=snapshot(book, ["method"]),
        categories={
            category.pk: snapshot(category, CATEGORY_FIELDS)
            for category in Category.objects.filter(gradebook=book)
        },
    )

    method_form = MethodForm(request.POST or None, instance=book)
    weighted = method_form.data.get("method", book.method) == Gradebook.Method.WEIGHTED
    categories = CategoryFormSet(
        request.POST or None,
        queryset=Category.objects.filter(gradebook=book).order_by("pk"),
        weighted=weighted,
    )

    if request.method == "POST" and method_form.is_valid() and categories.is_valid():
        save_setup(signed_in(request), book, on_file, method_form, categories)
        messages.success(request, "The gradebook's setup is saved.")
        return back_to_grid(section, book)

    context = {
        "section": section,
        "book": book,
        "method_form": method_form,
        "categories": categories,
    }
    return render(request, "teaching/gradebook_setup.html", context)


@transaction.atomic
def save_setup(
    actor: Account,
    book: Gradebook,
    on_file: Setup,
    method_form: MethodForm,
    categories: BaseModelFormSet[Category, CategoryForm],
) -> None:
    """Save the method and categories; each change goes into the record."""
    method_form.save()
    record_changes(actor, "gradebook", book, on_file.method, ["method"])

    for form in categories.deleted_forms:
        if form.instance.pk:
            form.instance.refresh_from_db()
            record_removal(actor, "category", form.instance, CATEGORY_FIELDS)
            form.instance.delete()
    for form in categories.forms:
        if form in categories.deleted_forms or not form.has_changed():
            continue
        category = form.save(commit=False)
        category.gradebook = book
        category.save()
        before = on_file.categories.get(category.pk, {})
        record_changes(actor, "category", category, before, CATEGORY_FIELDS)


@login_required
def add_assignment(
    request: HttpRequest, section_id: UUID, period_id: int
) -> HttpResponse:
    section, book = open_gradebook(request, section_id, period_id)

    today = timezone.localdate()
    initial = {"assigned_on": today, "due_on": today}
    form = AssignmentForm(request.POST or None, gradebook=book, initial=initial)
    if request.method == "POST" and form.is_valid():
        save_assignment(signed_in(request), book, form, {})
        messages.success(request, f"{form.instance.title} is added to the gradebook.")
        return back_to_grid(section, book)

    context = {"section": section, "book": book, "form": form}
    return render(request, "teaching/assignment_form.html", context)


@login_required
def edit_assignment(
    request: HttpRequest, section_id: UUID, assignment_id: int
) -> HttpResponse:
    section = teacher_section(request, section_id)
    assignment = section_assignment(section, assignment_id)
    book = assignment.gradebook
    before = snapshot(assignment, ASSIGNMENT_FIELDS)

    form = AssignmentForm(request.POST or None, instance=assignment, gradebook=book)
    if request.method == "POST" and form.is_valid():
        save_assignment(signed_in(request), book, form, before)
        messages.success(request, f"{assignment.title} is saved.")
        return back_to_grid(section, book)

    context = {
        "section": section,
        "book": book,
        "form": form,
        "assignment": assignment,
    }
    return render(request, "teaching/assignment_form.html", context)


@transaction.atomic
def save_assignment(
    actor: Account, book: Gradebook, form: AssignmentForm, before: dict[str, object]
) -> Assignment:
    assignment = form.save(commit=False)
    assignment.gradebook = book
    assignment.save()

    record_changes(actor, "assignment", assignment, before, ASSIGNMENT_FIELDS)
    return assignment
