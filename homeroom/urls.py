from django.conf import settings
from django.contrib import admin
from django.urls import include, path

from accounts.language import switch_language
from family.views.children import home

urlpatterns = [
    path("", home, name="home"),
    path("i18n/setlang/", switch_language, name="set_language"),
    path("", include("accounts.urls")),
    path("", include("family.urls")),
    path("", include("messaging.urls")),
    path("staff/", include("staff.urls")),
    path("staff/teaching/", include("teaching.urls")),
    path("staff/office/", include("office.urls")),
    path("staff/exchange/", include("exchange.urls")),
    path("api/", include("api.urls")),
    path("admin/", admin.site.urls),
]

if settings.HOMEROOM_DEMO_MAILBOX:
    urlpatterns.append(path("mailbox/", include("outbox.urls")))
