"""Two offices in one deployment: nothing of one is visible from the other."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from werkzeug.test import Client

from bot import create_app, db
from bot.admin.auth import ensure_first_admin
from bot.app import create_wsgi
from bot.db import new_session
from bot.db.store import SqlStore
from handlers.complaints import categories
from tests.support.line import sign, text_event, webhook_body
from tests.support.web import case_and_code

SECRETS = {"kokesung": "secret-of-kokesung", "nongbua": "secret-of-nongbua"}
COMMON = {
    "TESTING": True,
    "BACKGROUND_WORKERS": False,
    "WTF_CSRF_ENABLED": False,
    "RATELIMIT_ENABLED": False,
    "PRIVACY_NOTICE_REQUIRED": False,
    "SHEETS_BACKEND": "off",
}


@pytest.fixture
def deployment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Client]:
    offices = {
        code: {
            "name": f"สำนักงาน {code}",
            "LINE_CHANNEL_SECRET": SECRETS[code],
            "ADMIN_PASSWORD": f"password-{code}",
        }
        for code in SECRETS
    }
    path = tmp_path / "offices.json"
    path.write_text(json.dumps({"offices": offices}, ensure_ascii=False))
    monkeypatch.setenv("OFFICES_FILE", str(path))
    # A DATABASE_URL in the environment must not make the offices share a database.
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'shared-by-mistake.db'}")
    router = create_wsgi(COMMON)
    for app in router.apps.values():
        db.upgrade(app)
        ensure_first_admin(app)
    yield Client(router)
    for app in router.apps.values():
        app.extensions["db_engine"].dispose()


def file_on_web(client: Client, office: str) -> tuple[str, str]:
    r = client.post(
        f"/o/{office}/complaint",
        data={"category": "light", "details": f"ไฟถนนดับ สำนักงาน {office}", "privacy_ack": "y"},
        follow_redirects=True,
    )
    return case_and_code(r.get_data(as_text=True))


def test_each_office_numbers_and_tracks_only_its_own_cases(deployment: Client) -> None:
    case_a, code_a = file_on_web(deployment, "kokesung")
    track = {"case_number": case_a, "code": code_a}
    assert "ไฟถนนดับ" not in deployment.post("/o/kokesung/track", data=track).get_data(as_text=True)
    assert "รับเรื่องแล้ว" in deployment.post("/o/kokesung/track", data=track).get_data(as_text=True)
    assert deployment.post("/o/nongbua/track", data=track).status_code == 404
    case_b, _ = file_on_web(deployment, "nongbua")
    assert case_b == case_a  # each office counts its own cases from 1


def test_a_webhook_signed_for_one_office_is_refused_by_the_other(deployment: Client) -> None:
    body = webhook_body(text_event("ร้องเรียน"))
    headers = {"X-Line-Signature": sign(body, SECRETS["kokesung"])}
    assert deployment.post("/callback/nongbua", data=body, headers=headers).status_code == 400
    assert deployment.post("/callback/kokesung", data=body, headers=headers).status_code == 200
    assert deployment.post("/callback/nowhere", data=body, headers=headers).status_code == 404


def test_admin_login_is_per_office(deployment: Client) -> None:
    r = deployment.post(
        "/o/kokesung/admin/login", data={"username": "admin", "password": "password-kokesung"}
    )
    assert r.status_code == 302
    assert deployment.get("/o/kokesung/admin/").status_code == 200
    # Signed in to one office is not signed in to the other, nor does its password open it.
    assert deployment.get("/o/nongbua/admin/").status_code == 302
    r = deployment.post(
        "/o/nongbua/admin/login", data={"username": "admin", "password": "password-kokesung"}
    )
    assert r.status_code == 401


def test_landing_lists_the_offices(deployment: Client) -> None:
    page = deployment.get("/").get_data(as_text=True)
    assert 'href="/o/kokesung/"' in page and "สำนักงาน nongbua" in page
    # Pages inside an office link within that office.
    assert 'href="/o/kokesung/complaint"' in deployment.get("/o/kokesung/").get_data(as_text=True)


def test_office_cli_works_on_that_office_only(
    deployment: Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    file_on_web(deployment, "kokesung")
    for office, expected in (("kokesung", 1), ("nongbua", 0)):
        monkeypatch.setenv("OFFICE", office)
        app = create_app(COMMON)
        out = app.test_cli_runner().invoke(args=["summary", "--json"]).output
        assert json.loads(out)["complaints"]["total"] == expected
        app.extensions["db_engine"].dispose()


def test_line_events_land_in_their_own_office_only(deployment: Client, tmp_path: Path) -> None:
    from sqlalchemy import func, select

    from bot.db import new_session
    from bot.db.line.tables import LineEvent

    body = webhook_body(text_event("ติดตามเรื่อง"))
    deployment.post(
        "/callback/kokesung",
        data=body,
        headers={"X-Line-Signature": sign(body, SECRETS["kokesung"])},
    )
    apps = deployment.application.apps  # type: ignore[attr-defined]
    counts = {}
    for code, app in apps.items():
        with new_session(app) as s:
            counts[code] = s.scalar(select(func.count()).select_from(LineEvent))
    assert counts == {"kokesung": 1, "nongbua": 0}
    assert not (tmp_path / "shared-by-mistake.db").exists()


def test_init_db_prepares_every_office(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "offices.json"
    path.write_text(json.dumps({"offices": {"kokesung": {}, "nongbua": {}}}))
    monkeypatch.setenv("OFFICES_FILE", str(path))
    app = create_app(COMMON)  # the CLI's app; OFFICE unset
    out = app.test_cli_runner().invoke(args=["init-db"]).output
    assert out.count("Database ready") == 2 and "[nongbua]" in out
    for code in ("kokesung", "nongbua"):
        assert (tmp_path / "instance" / "offices" / code / "prongsai.db").exists()


def test_a_shared_api_token_in_the_environment_opens_no_office(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "offices.json"
    path.write_text(
        json.dumps({"offices": {"kokesung": {"API_TOKEN": "token-of-kokesung"}, "nongbua": {}}})
    )
    monkeypatch.setenv("OFFICES_FILE", str(path))
    monkeypatch.setenv("API_TOKEN", "one-token-for-everyone")
    router = create_wsgi(COMMON)
    for app in router.apps.values():
        db.upgrade(app)
    client = Client(router)
    bearer = {"Authorization": "Bearer one-token-for-everyone"}
    assert client.get("/o/nongbua/api/summary", headers=bearer).status_code in (401, 403)
    own = {"Authorization": "Bearer token-of-kokesung"}
    assert client.get("/o/kokesung/api/summary", headers=own).status_code == 200
    assert client.get("/o/nongbua/api/summary", headers=own).status_code in (401, 403)
    for app in router.apps.values():
        app.extensions["db_engine"].dispose()


def test_category_names_an_admin_edits_stay_in_that_office(deployment: Client) -> None:
    r = deployment.post(
        "/o/kokesung/admin/login", data={"username": "admin", "password": "password-kokesung"}
    )
    assert r.status_code == 302
    r = deployment.post(
        "/o/kokesung/admin/catalog/categories/light",
        data={"name_th": "ไฟกิ่งสาธารณะ", "default_unit": "สำนักปลัด"},
        follow_redirects=True,
    )
    assert "ไฟกิ่งสาธารณะ" in r.get_data(as_text=True)
    assert "ไฟกิ่งสาธารณะ" in deployment.get("/o/kokesung/complaint").get_data(as_text=True)
    other = deployment.get("/o/nongbua/complaint").get_data(as_text=True)
    assert "ไฟกิ่งสาธารณะ" not in other and "ไฟฟ้าส่องสว่าง สายไฟ" in other
    # The office's own unit receives its new cases; the other office keeps the CSV's.
    router = deployment.application
    for office, unit in (("kokesung", "สำนักปลัด"), ("nongbua", "กองช่าง")):
        case, _ = file_on_web(deployment, office)
        with new_session(router.apps[office]) as s:  # type: ignore[attr-defined]
            assert SqlStore(s).get_complaint(case).unit == unit  # type: ignore[union-attr]
    # Outside any request, nothing of either office lingers.
    assert categories.get("light").name_th == "ไฟฟ้าส่องสว่าง สายไฟ"  # type: ignore[union-attr]
