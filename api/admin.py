from django.contrib import admin

from api.models import SchoolEvent


@admin.register(SchoolEvent)
class SchoolEventAdmin(admin.ModelAdmin[SchoolEvent]):
    list_display = ["date", "end_date", "title", "school"]
    list_filter = ["school"]
    search_fields = ["title"]
    date_hierarchy = "date"
