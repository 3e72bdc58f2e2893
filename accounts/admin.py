from django.contrib import admin
from django.contrib.auth.admin import UserAdmin

from accounts.models import Account


@admin.register(Account)
class AccountAdmin(UserAdmin):
    list_display = ["username", "first_name", "last_name", "kind", "last_login"]
    list_filter = ["kind", "is_staff", "is_active"]
    fieldsets = (
        *(UserAdmin.fieldsets or ()),
        ("Homeroom", {"fields": ["kind", "must_change_password"]}),
    )
