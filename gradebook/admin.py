from django.contrib import admin

from audit.admin import RecordedAdmin
from gradebook.changes import REPORT_CARD_FIELDS, SCORE_FIELDS
from gradebook.models import (
    Assignment,
    Category,
    GradeBand,
    Gradebook,
    ReportCardGrade,
    Score,
)


@admin.register(GradeBand)
class GradeBandAdmin(admin.ModelAdmin[GradeBand]):
    list_display = ["letter", "minimum"]


class CategoryInline(admin.TabularInline[Category, Gradebook]):
    model = Category
    extra = 0


@admin.register(Gradebook)
class GradebookAdmin(admin.ModelAdmin[Gradebook]):
    list_display = ["section", "marking_period", "method", "updated_at"]
    inlines = [CategoryInline]


@admin.register(Assignment)
class AssignmentAdmin(admin.ModelAdmin[Assignment]):
    list_display = ["title", "gradebook", "due_on", "points_possible"]
    raw_id_fields = ["gradebook", "category"]


@admin.register(Score)
class ScoreAdmin(RecordedAdmin):
    audit_subject = "score"
    audit_fields = SCORE_FIELDS
    list_display = ["assignment", "student", "points", "missing", "excused"]
    raw_id_fields = ["assignment", "student"]


@admin.register(ReportCardGrade)
class ReportCardGradeAdmin(RecordedAdmin):
    audit_subject = "report card grade"
    audit_fields = REPORT_CARD_FIELDS
    list_display = ["student", "section", "marking_period", "mark", "posted_on"]
    raw_id_fields = ["student", "section", "posted_by"]
