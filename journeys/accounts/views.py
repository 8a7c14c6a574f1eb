from base64 import b32encode
from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render, resolve_url
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_POST

from journeys.accounts import selectors, services, sessions
from journeys.accounts.decorators import recent_auth_required
from journeys.accounts.forms import CodeForm, ReauthForm, RoleForm, SignInForm, StaffAddForm
from journeys.accounts.models import User
from journeys.accounts.qr import qr_svg
from journeys.accounts.roles import (
    ALL_ROLES,
    MANAGE_USERS,
    password_verified_only,
    public,
    roles_required,
)
from journeys.audit.services import audit_record
from journeys.lib.forms import add_service_errors
from journeys.lib.http import local_path


def audit(request, action: str, *, actor=None) -> None:
    """Every sign-in step, success or failure, leaves an entry (its own transaction)."""
    audit_record(actor=actor if actor is not None else request.user, action=action, request=request)


def safe_next(request) -> str:
    """Where to go after signing in: the `next` asked for if it is a page of this site, else
    home. Followed only as an address (HttpResponseRedirect), never resolved as a view name."""
    target = request.POST.get("next") or request.GET.get("next") or ""
    return local_path(request, target) or resolve_url(settings.LOGIN_REDIRECT_URL)


def with_next(name: str, next_url: str) -> str:
    url = reverse(name)
    if next_url != resolve_url(settings.LOGIN_REDIRECT_URL):
        url += "?" + urlencode({"next": next_url}, safe="/")
    return url


def client_address(request) -> str:
    # waitress serves directly; behind a proxy, its trusted_proxy settings set REMOTE_ADDR.
    return request.META.get("REMOTE_ADDR", "")[:45]


@public
@sensitive_post_parameters("password")
@never_cache
def login(request):
    next_url = safe_next(request)
    if request.user.is_authenticated and request.user.is_verified():
        return HttpResponseRedirect(next_url)
    form = SignInForm(request.POST or None)
    if form.is_valid():
        try:
            user = services.signin_password_check(
                **form.cleaned_data, address=client_address(request)
            )
        except ValidationError as error:
            form.add_error(None, error)
            audit(request, "auth.signin.failed", actor=form.cleaned_data["username"][:150])
        else:
            sessions.begin(request, user)
            audit(request, "auth.signin.password_accepted", actor=user)
            return redirect(with_next("accounts:verify", next_url))
    return render(request, "accounts/login.html", {"form": form, "next": next_url})


@password_verified_only
@never_cache
def verify(request):
    next_url = safe_next(request)
    if request.user.is_verified():
        return HttpResponseRedirect(next_url)
    if selectors.confirmed_device(request.user) is None:
        return redirect(with_next("accounts:enrol", next_url))
    form = CodeForm(request.POST or None)
    if form.is_valid():
        try:
            device = services.second_factor_check(user=request.user, code=form.cleaned_data["code"])
        except ValidationError as error:
            form.add_error("code", error)
            audit(request, "auth.second_factor.failed")
        else:
            sessions.complete(request, device)
            audit(request, "auth.signin.succeeded")
            return HttpResponseRedirect(next_url)
    return render(request, "accounts/verify.html", {"form": form, "next": next_url})


@password_verified_only
@never_cache
def enrol(request):
    next_url = safe_next(request)
    if selectors.confirmed_device(request.user) is not None:
        return redirect(with_next("accounts:verify", next_url))
    device = services.device_enrolment_start(user=request.user)
    form = CodeForm(request.POST or None)
    if form.is_valid():
        try:
            device = services.device_enrolment_confirm(
                user=request.user, code=form.cleaned_data["code"]
            )
        except ValidationError as error:
            form.add_error("code", error)
            audit(request, "auth.second_factor.enrolment_failed")
        else:
            sessions.complete(request, device)
            audit(request, "auth.second_factor.enrolled")
            messages.success(request, _("Your second factor is set up."))
            return HttpResponseRedirect(next_url)
    key = b32encode(device.bin_key).decode()
    context = {
        "form": form,
        "next": next_url,
        "qr": qr_svg(device.config_url, title=_("QR code for your authenticator app")),
        "key_groups": [key[i : i + 4] for i in range(0, len(key), 4)],
    }
    return render(request, "accounts/enrol.html", context)


@roles_required(ALL_ROLES)
@sensitive_post_parameters("password")
@never_cache
def reauth(request):
    next_url = safe_next(request)
    form = ReauthForm(request.POST or None)
    if form.is_valid():
        try:
            services.reauth_check(
                user=request.user, **form.cleaned_data, address=client_address(request)
            )
        except ValidationError as error:
            form.add_error(None, error)
            audit(request, "auth.reauth.failed")
        else:
            sessions.confirm_again(request)
            audit(request, "auth.reauth.succeeded")
            return HttpResponseRedirect(next_url)
    return render(request, "accounts/reauth.html", {"form": form, "next": next_url})


@password_verified_only
@require_POST
def logout(request):
    # Sign-out only by POST: a link (or an image tag on another page) cannot sign anyone out.
    audit(request, "auth.signout")
    sessions.end(request)
    return redirect("accounts:login")


def _account_of(request, username: str) -> User:
    """An active account of the administrator's team; another team's is not found (404)."""
    return get_object_or_404(selectors.users_of(request.user), username=username, is_active=True)


@roles_required(MANAGE_USERS)
def user_list(request):
    return render(
        request, "accounts/user_list.html", {"accounts": selectors.user_list(request.user)}
    )


@roles_required(MANAGE_USERS)
@recent_auth_required
@never_cache
def user_add(request):
    form = StaffAddForm(request.POST or None)
    if form.is_valid():
        try:
            account, password = services.user_add(acting_user=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            return _password_once(request, account, password, created=True)
    return render(request, "accounts/user_add.html", {"form": form})


def _password_once(request, account: User, password: str, *, created: bool):
    """The one page that shows a one-time password: rendered from the POST, never stored,
    never in a message (messages live in the session)."""
    context = {"account": account, "password": password, "created": created}
    return render(request, "accounts/password_once.html", context)


def _confirm_page(request, account, *, title: str, explanation: str, button: str):
    """The page that asks before an action on an account; its POST does the action."""
    context = {"account": account, "title": title, "explanation": explanation, "button": button}
    return render(request, "accounts/user_action.html", context)


@roles_required(MANAGE_USERS)
@recent_auth_required
def user_role(request, username: str):
    account = _account_of(request, username)
    form = RoleForm(request.POST or None, initial={"role": account.role})
    if form.is_valid():
        try:
            services.user_role_change(
                acting_user=request.user, user=account, role=form.cleaned_data["role"]
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request,
                _("%(user)s is now: %(role)s.")
                % {"user": account, "role": account.get_role_display()},
            )
            return redirect("accounts:user_list")
    return render(request, "accounts/user_role.html", {"form": form, "account": account})


@roles_required(MANAGE_USERS)
@recent_auth_required
@never_cache
def user_password_reset(request, username: str):
    account = _account_of(request, username)
    if request.method != "POST":
        return _confirm_page(
            request,
            account,
            title=_("Reset the password of %(user)s?") % {"user": account},
            explanation=_(
                "For a forgotten password. The old password stops working, the account is "
                "signed out everywhere, and you are shown a new password once, to hand over "
                "in person. The second factor stays as it is."
            ),
            button=_("Reset the password"),
        )
    try:
        password = services.user_password_reset(acting_user=request.user, user=account)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("accounts:user_list")
    return _password_once(request, account, password, created=False)


@roles_required(MANAGE_USERS)
@recent_auth_required
def user_disable(request, username: str):
    account = _account_of(request, username)
    if request.method != "POST":
        return _confirm_page(
            request,
            account,
            title=_("Disable %(user)s?") % {"user": account},
            explanation=_(
                "The account is signed out at once, on every device, and can no longer sign "
                "in. What it recorded stays in the archive."
            ),
            button=_("Disable the account"),
        )
    try:
        services.user_disable(acting_user=request.user, user=account)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request, _("%(user)s is disabled and signed out everywhere.") % {"user": account}
        )
    return redirect("accounts:user_list")


@roles_required(MANAGE_USERS)
@recent_auth_required
def user_second_factor_reset(request, username: str):
    account = _account_of(request, username)
    if request.method != "POST":
        return _confirm_page(
            request,
            account,
            title=_("Reset the second factor of %(user)s?") % {"user": account},
            explanation=_(
                "For a lost or replaced phone. The old app's codes stop working, the account "
                "is signed out everywhere, and its next sign-in sets up a new app."
            ),
            button=_("Reset the second factor"),
        )
    services.user_second_factor_reset(acting_user=request.user, user=account)
    messages.success(
        request,
        _("%(user)s sets up a new authenticator app at the next sign-in.") % {"user": account},
    )
    return redirect("accounts:user_list")
