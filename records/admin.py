from django.contrib import admin

from records.models import (
    Contact,
    CorrectionRequest,
    School,
    Student,
    StudentContact,
)


class StudentContactInline(admin.TabularInline[StudentContact, Student]):
    model = StudentContact
    extra = 0
    autocomplete_fields = ["contact"]


@admin.register(School)
class SchoolAdmin(admin.ModelAdmin[School]):
    list_display = ["name", "level"]


@admin.register(Student)
class StudentAdmin(admin.ModelAdmin[Student]):
    list_display = ["last_name", "first_name", "number", "grade", "school"]
    search_fields = ["last_name", "first_name", "number"]
    list_filter = ["school", "grade"]
    inlines = [StudentContactInline]
    raw_id_fields = ["account"]


@admin.register(Contact)
class ContactAdmin(admin.ModelAdmin[Contact]):
    list_display = ["last_name", "first_name", "email", "account"]
    search_fields = ["last_name", "first_name", "email"]
    raw_id_fields = ["account"]


@admin.register(CorrectionRequest)
class CorrectionRequestAdmin(admin.ModelAdmin[CorrectionRequest]):
    list_display = ["created_at", "student", "account", "status"]
    list_filter = ["status"]
    raw_id_fields = ["student", "account"]
