from django.urls import URLPattern, path

from exchange.views import export, imports

app_name = "exchange"

urlpatterns: list[URLPattern] = [
    path("import/", imports.import_page, name="import"),
    path("import/<int:pk>/", imports.import_run, name="import_run"),
    path("import/<int:pk>/progress/", imports.import_progress, name="import_progress"),
    path("contacts-template.csv", imports.contacts_template, name="contacts_template"),
    path("export/", export.export_page, name="export"),
    path("export/start/", export.start_export, name="start_export"),
    path("export/<int:pk>/progress/", export.export_progress, name="export_progress"),
    path("export/<int:pk>/download/", export.download_export, name="download_export"),
    path("export/contacts.csv", export.download_contacts, name="download_contacts"),
]
