from django.contrib import admin

from staff.models import StaffDevice


@admin.register(StaffDevice)
class StaffDeviceAdmin(admin.ModelAdmin[StaffDevice]):
    """Only a reset: deleting a device makes its account set up a new one."""

    list_display = ["account", "created_at", "confirmed_at"]
    search_fields = ["account__username"]
    fields = ("account", "created_at", "confirmed_at")
    readonly_fields = ("account", "created_at", "confirmed_at")

    def has_add_permission(self, request: object) -> bool:
        return False

    def has_change_permission(self, request: object, obj: object = None) -> bool:
        return False
