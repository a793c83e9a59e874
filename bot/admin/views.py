"""Login, logout and the admin home page."""

from __future__ import annotations

from urllib.parse import urlparse

from flask import Blueprint, redirect, render_template, request, url_for
from flask_login import current_user, login_required, login_user, logout_user
from werkzeug.wrappers import Response

from bot.admin.auth import audit, authenticate, client_ip, end_sessions
from bot.admin.forms import LoginForm
from bot.db import store

bp = Blueprint("admin", __name__, url_prefix="/admin")


@bp.route("/login", methods=["GET", "POST"])
def login() -> str | Response | tuple[str, int]:
    form = LoginForm()
    error = ""
    if form.validate_on_submit():
        user, error = authenticate(form.username.data or "", form.password.data or "", client_ip())
        if user is not None:
            login_user(user)
            audit("login", user.username)
            store().commit()
            return redirect(_safe_next() or url_for("admin.home"))
    status = 401 if form.is_submitted() else 200
    return render_template("admin/login.html", form=form, error=error), status


def _safe_next() -> str | None:
    """Only same-site paths: never bounce a login to another site."""
    nxt = request.args.get("next", "")
    parsed = urlparse(nxt)
    if nxt.startswith("/") and not nxt.startswith("//") and not parsed.netloc:
        return nxt
    return None


@bp.post("/logout")
@login_required
def logout() -> Response:
    # Logging out ends the account's sessions everywhere: a copied cookie stops working too.
    end_sessions(current_user)
    audit("logout", current_user.username)
    store().commit()
    logout_user()
    return redirect(url_for("admin.login"))


@bp.get("/")
@login_required
def home() -> str:
    from bot.admin.dashboard import render_home

    return render_home()
