"""The admin menu: each area adds its pages here with the roles that may see them."""

from __future__ import annotations

from dataclasses import dataclass

from flask import Flask, url_for
from flask_login import current_user

from handlers.complaints.policy import ROLES


@dataclass(frozen=True)
class NavItem:
    label: str
    endpoint: str
    roles: tuple[str, ...]
    order: int = 50


NAV: list[NavItem] = [NavItem("หน้าหลัก", "admin.home", ROLES, 0)]


def add(label: str, endpoint: str, roles: tuple[str, ...], order: int = 50) -> None:
    if all(i.endpoint != endpoint for i in NAV):
        NAV.append(NavItem(label, endpoint, roles, order))


def init_app(app: Flask) -> None:
    @app.context_processor
    def _nav() -> dict[str, object]:
        def admin_nav() -> list[dict[str, str]]:
            role = getattr(current_user, "role", "")
            return [
                {"label": i.label, "url": url_for(i.endpoint)}
                for i in sorted(NAV, key=lambda i: i.order)
                if role in i.roles
            ]

        return {"admin_nav": admin_nav}
