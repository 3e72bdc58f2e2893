from django.urls import path

from accounts import forgot_views, views

app_name = "accounts"

urlpatterns = [
    path("sign-in/", views.sign_in, name="sign_in"),
    path("sign-out/", views.sign_out, name="sign_out"),
    path("create-account/", views.create_account, name="create_account"),
    path("forgot/", forgot_views.forgot_credentials, name="forgot_credentials"),
    path("choose-password/", views.choose_password, name="choose_password"),
    path("account/", views.my_account, name="my_account"),
    path("account/password/", views.change_password, name="change_password"),
    path("account/add-student/", views.add_student, name="add_student"),
]
