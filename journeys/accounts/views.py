from django.contrib.auth import views as auth_views
from django.views.decorators.http import require_POST

from journeys.accounts.roles import ALL_ROLES, public, roles_required


class LoginView(auth_views.LoginView):
    template_name = "accounts/login.html"
    redirect_authenticated_user = True


login = public(LoginView.as_view())


@roles_required(ALL_ROLES)
@require_POST
def logout(request):
    # Sign-out only by POST: a link (or an image tag on another page) cannot sign anyone out.
    return auth_views.LogoutView.as_view(next_page="accounts:login")(request)
