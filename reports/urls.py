from django.urls import path

from . import views, workflow_views

app_name = "reports"

urlpatterns = [
    path("", views.report_list, name="list"),
    path("new/", views.report_new, name="new"),
    path("<int:pk>/", views.report_detail, name="detail"),
    path("<int:pk>/preview/", views.report_preview, name="preview"),
    path("<int:pk>/pdf/", views.pdf_request, name="pdf_request"),
    path("<int:pk>/pdf/status/", views.pdf_status, name="pdf_status"),
    path("<int:pk>/pdf/<int:pdf_pk>/", views.pdf_download, name="pdf_download"),
    path("<int:pk>/sections/<int:section_pk>/", views.section_save, name="section_save"),
    path("<int:pk>/sections/<int:section_pk>/preview/", views.section_preview, name="section_preview"),
    path("<int:pk>/submit/", workflow_views.report_submit, name="submit"),
    path("<int:pk>/approve/", workflow_views.report_approve, name="approve"),
    path("<int:pk>/withdraw/", workflow_views.report_withdraw, name="withdraw"),
    path("<int:pk>/return/", workflow_views.report_return, name="return"),
    path("<int:pk>/signed/", workflow_views.report_signed, name="signed"),
    path("<int:pk>/accept/", workflow_views.report_accept, name="accept"),
    path("<int:pk>/send-back/", workflow_views.report_send_back, name="send_back"),
]
