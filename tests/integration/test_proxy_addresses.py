"""Behind a reverse proxy every request comes from the proxy's address: with TRUSTED_PROXIES
set the app takes the citizen's own address from X-Forwarded-For, and without it a forged
header changes nothing (the per-address limits still hold)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from flask import Flask
from flask.testing import FlaskClient

from tests.support.settings import ADMIN_PASSWORD

PROXY = "10.9.9.9"  # where nginx would connect from
LIMITS = {
    "WTF_CSRF_ENABLED": False,
    "RATELIMIT_ENABLED": True,
    "RATE_LIMIT_TRACK": "3/minute",
    "RATE_LIMIT_FORMS": "3/minute",
    "RATINGS_PER_ADDRESS_DAILY": 1,
}
ALL_FIVE = {
    "service": "reg",
    **{f"dim_{d}": "5" for d in ("process", "staff", "facilities", "quality", "overall")},
    "privacy_ack": "y",
}


class Citizen:
    """Requests as the proxy forwards them for one citizen's address."""

    def __init__(self, app: Flask, address: str) -> None:
        self.client: FlaskClient = app.test_client()
        self.address = address

    def post(self, path: str, data: dict[str, str]) -> int:
        r = self.client.post(
            path,
            data=data,
            headers={"X-Forwarded-For": self.address, "X-Forwarded-Proto": "https"},
            environ_base={"REMOTE_ADDR": PROXY},
        )
        return r.status_code

    def track(self) -> int:
        return self.post("/track", {"case_number": "2570-000001", "code": "AAAAAA"})

    def complain(self) -> int:
        return self.post("/complaint", {"category": "light", "details": ""})  # refused: 400

    def rate(self) -> int:
        self.client = self.client.application.test_client()  # another phone, same address
        return self.post("/feedback", ALL_FIVE)

    def login(self, password: str) -> int:
        return self.post("/admin/login", {"username": "admin", "password": password})


@pytest.fixture
def behind_proxy(make_app: Callable[..., Flask]) -> Flask:
    return make_app(TRUSTED_PROXIES=1, **LIMITS)


@pytest.fixture
def direct(make_app: Callable[..., Flask]) -> Flask:
    return make_app(**LIMITS)


def test_the_default_trusts_no_proxy() -> None:
    from bot import config

    assert config.from_env("/tmp")["TRUSTED_PROXIES"] == 0


def test_behind_a_trusted_proxy_each_citizen_has_their_own_limits(behind_proxy: Flask) -> None:
    a, b = Citizen(behind_proxy, "203.0.113.10"), Citizen(behind_proxy, "203.0.113.20")
    assert [a.track() for _ in range(4)] == [404, 404, 404, 429]
    assert b.track() == 404
    assert [a.complain() for _ in range(4)] == [400, 400, 400, 429]
    assert b.complain() == 400


def test_behind_a_trusted_proxy_the_ratings_cap_is_per_citizen(
    make_app: Callable[..., Flask],
) -> None:
    app = make_app(TRUSTED_PROXIES=1, **{**LIMITS, "RATE_LIMIT_FORMS": "100/minute"})
    a, b = Citizen(app, "203.0.113.10"), Citizen(app, "203.0.113.20")
    assert a.rate() == 302
    assert a.rate() == 400  # capped: one a day from this address
    assert b.rate() == 302


def test_behind_a_trusted_proxy_a_lockout_stays_at_the_guessers_address(
    behind_proxy: Flask,
) -> None:
    guesser, admin = Citizen(behind_proxy, "203.0.113.66"), Citizen(behind_proxy, "198.51.100.7")
    for _ in range(5):
        assert guesser.login("guess") == 401
    assert guesser.login(ADMIN_PASSWORD) == 401
    assert admin.login(ADMIN_PASSWORD) == 302


def test_the_proxy_sets_the_scheme(behind_proxy: Flask) -> None:
    seen: list[str] = []

    @behind_proxy.get("/_scheme")
    def _scheme() -> str:
        from flask import request

        seen.append(request.scheme)
        return ""

    behind_proxy.test_client().get(
        "/_scheme", headers={"X-Forwarded-Proto": "https"}, environ_base={"REMOTE_ADDR": PROXY}
    )
    assert seen == ["https"]


def test_without_trusted_proxies_a_forged_forwarded_for_changes_nothing(direct: Flask) -> None:
    a, b = Citizen(direct, "203.0.113.10"), Citizen(direct, "203.0.113.20")
    assert [a.track() for _ in range(3)] == [404, 404, 404]
    assert b.track() == 429  # the same address underneath
    assert [a.complain() for _ in range(3)] == [400, 400, 400]
    assert b.complain() == 429


def test_without_trusted_proxies_a_forged_header_does_not_dodge_the_ratings_cap(
    make_app: Callable[..., Flask],
) -> None:
    app = make_app(**{**LIMITS, "RATE_LIMIT_FORMS": "100/minute"})
    a, b = Citizen(app, "203.0.113.10"), Citizen(app, "203.0.113.20")
    assert a.rate() == 302
    assert b.rate() == 400


def test_without_trusted_proxies_a_forged_header_does_not_dodge_a_lockout(direct: Flask) -> None:
    guesser, other = Citizen(direct, "203.0.113.66"), Citizen(direct, "198.51.100.7")
    for _ in range(5):
        guesser.login("guess")
    assert other.login(ADMIN_PASSWORD) == 401
