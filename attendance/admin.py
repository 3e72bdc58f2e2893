from django.contrib import admin

from attendance.changes import MARK_FIELDS
from attendance.models import AttendanceCode, AttendanceMark
from audit.admin import RecordedAdmin


@admin.register(AttendanceCode)
class AttendanceCodeAdmin(admin.ModelAdmin[AttendanceCode]):
    list_display = ["code", "meaning", "kind", "excused", "counts_as_absence"]


@admin.register(AttendanceMark)
class AttendanceMarkAdmin(RecordedAdmin):
    audit_subject = "attendance"
    audit_fields = MARK_FIELDS
    list_display = ["date", "student", "section", "code"]
    raw_id_fields = ["student", "section", "recorded_by"]
