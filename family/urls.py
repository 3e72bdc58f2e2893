from django.urls import path

from family.views import children, overview, report_cards

app_name = "family"

urlpatterns = [
    path("children/", children.children, name="children"),
    path("children/<uuid:public_id>/", overview.overview, name="child"),
    path(
        "children/<uuid:public_id>/report-cards/",
        report_cards.report_cards,
        name="report_cards",
    ),
    path(
        "children/<uuid:public_id>/report-cards/<int:period_id>/pdf/",
        report_cards.report_card_pdf,
        name="report_card_pdf",
    ),
]
