"""Forms of a teacher's gradebook setup: grading method, categories, assignments."""

from decimal import Decimal
from typing import Any

from django import forms
from django.forms import BaseModelFormSet, modelformset_factory

from gradebook.models import Assignment, Category, Gradebook

FULL_WEIGHT = Decimal(100)


def date_input() -> forms.DateInput:
    return forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class MethodForm(forms.ModelForm[Gradebook]):
    class Meta:
        model = Gradebook
        fields = ["method"]
        labels = {"method": "Grading method"}
        widgets = {"method": forms.RadioSelect}
        help_texts = {
            "method": "Total points adds up every score; weighted categories count "
            "each category for its weight."
        }


class CategoryForm(forms.ModelForm[Category]):
    class Meta:
        model = Category
        fields = ["name", "weight"]
        labels = {"name": "Category", "weight": "Weight (percent)"}
        error_messages = {
            "name": {"required": "Category: the name is empty."},
            "weight": {
                "invalid": "Weight: type a number, such as 40.",
                "max_decimal_places": "Weight: use at most two decimal places.",
            },
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["weight"].required = False
        if self.instance.pk is None:
            self.initial["weight"] = None  # an empty row stays empty

    def clean_weight(self) -> Decimal:
        weight: Decimal = self.cleaned_data["weight"] or Decimal(0)
        if weight < 0 or weight > FULL_WEIGHT:
            raise forms.ValidationError("Weight: must be between 0 and 100.")
        return weight


class BaseCategoryFormSet(BaseModelFormSet[Category, CategoryForm]):
    """The gradebook's categories; weights must add up to 100 when weighted."""

    def __init__(self, *args: Any, weighted: bool, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.weighted = weighted

    def kept(self) -> list[CategoryForm]:
        return [
            form
            for form in self.forms
            if form.has_changed() or form.instance.pk
            if not form.cleaned_data.get("DELETE")
        ]

    def clean(self) -> None:
        super().clean()
        if any(self.errors):
            return

        self.check_names()
        self.check_removals()
        if self.weighted:
            self.check_weights()

    def check_names(self) -> None:
        names = [
            form.cleaned_data.get("name", "").strip().lower() for form in self.kept()
        ]
        repeated = sorted({name for name in names if names.count(name) > 1})
        if repeated:
            raise forms.ValidationError(
                f"Category: “{repeated[0]}” appears twice. Give each category "
                "its own name."
            )

    def check_removals(self) -> None:
        for form in self.deleted_forms:
            category = form.instance
            if category.pk and category.assignments.exists():
                raise forms.ValidationError(
                    f"Category: “{category.name}” still has assignments. Move them "
                    "to another category before removing it."
                )

    def check_weights(self) -> None:
        kept = self.kept()
        if not kept:
            raise forms.ValidationError(
                "Category: a weighted gradebook needs at least one category."
            )
        total = sum((form.cleaned_data["weight"] for form in kept), Decimal(0))
        if total != FULL_WEIGHT:
            raise forms.ValidationError(
                f"Weight: the weights add up to {total.normalize():f} %; for a "
                "weighted gradebook they must add up to 100 %."
            )


CategoryFormSet = modelformset_factory(
    Category,
    form=CategoryForm,
    formset=BaseCategoryFormSet,
    extra=2,
    can_delete=True,
)


class AssignmentForm(forms.ModelForm[Assignment]):
    class Meta:
        model = Assignment
        fields = [
            "title",
            "category",
            "points_possible",
            "assigned_on",
            "due_on",
            "visible_from",
        ]
        labels = {
            "assigned_on": "Assigned",
            "due_on": "Due",
            "visible_from": "Families see it from",
        }
        help_texts = {
            "visible_from": "Leave empty to show it from the assigned date. Until "
            "then it is not in the running average either.",
        }
        error_messages = {
            "title": {"required": "Title: give the assignment a title."},
            "category": {
                "required": "Category: choose one. In a weighted gradebook every "
                "assignment counts through its category.",
                "invalid_choice": "Category: choose one of this gradebook's "
                "categories.",
            },
            "points_possible": {
                "required": "Points possible: type a number, such as 20.",
                "invalid": "Points possible: type a number, such as 20.",
                "max_digits": "Points possible: at most 99999.99.",
                "max_whole_digits": "Points possible: at most 99999.99.",
                "max_decimal_places": "Points possible: use at most two decimal "
                "places.",
            },
            "assigned_on": {
                "required": "Assigned: enter the date the work was given.",
                "invalid": "Assigned: enter a date, such as 2026-12-03.",
            },
            "due_on": {
                "required": "Due: enter the date the work is due.",
                "invalid": "Due: enter a date, such as 2026-12-03.",
            },
            "visible_from": {
                "invalid": "Families see it from: enter a date, such as 2026-12-03."
            },
        }
        widgets = {
            "assigned_on": date_input(),
            "due_on": date_input(),
            "visible_from": date_input(),
        }

    def __init__(self, *args: Any, gradebook: Gradebook, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.weighted = gradebook.method == Gradebook.Method.WEIGHTED

        category = self.fields["category"]
        assert isinstance(category, forms.ModelChoiceField)
        category.queryset = gradebook.categories.all()
        category.required = self.weighted
        category.empty_label = "No category" if not self.weighted else "Choose one"
        self.fields["visible_from"].required = False

    def clean_points_possible(self) -> Decimal:
        possible: Decimal = self.cleaned_data["points_possible"]
        if possible <= 0:
            raise forms.ValidationError("Points possible: must be more than 0.")
        return possible

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        assigned, due = cleaned.get("assigned_on"), cleaned.get("due_on")

        if assigned and due and due < assigned:
            self.add_error(
                "due_on",
                f"Due: the due date can't be before the assigned date "
                f"({assigned:%b %-d, %Y}).",
            )
        if assigned and not cleaned.get("visible_from"):
            cleaned["visible_from"] = assigned
        return cleaned
