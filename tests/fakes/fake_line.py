"""A local stand-in for the LINE platform's HTTP API, for the real SDK to talk to."""

from __future__ import annotations

import json
import re
import threading
from dataclasses import dataclass, field
from typing import Any

from pytest_httpserver import HTTPServer
from werkzeug import Request, Response


@dataclass
class FakeLine:
    """Answers reply, push, profile and content calls like api.line.me and api-data.line.me."""

    server: HTTPServer
    replies: list[dict[str, Any]] = field(default_factory=list)
    pushes: list[dict[str, Any]] = field(default_factory=list)
    contents: dict[str, bytes] = field(default_factory=dict)
    profiles: dict[str, str] = field(default_factory=dict)
    reply_status: int = 200
    # Set to make the reply API hang until the test releases it.
    reply_gate: threading.Event | None = None
    auth_headers: list[str] = field(default_factory=list)
    # Rich menus: what was created, uploaded, made default, linked, unlinked and deleted.
    rich_menus: dict[str, dict[str, Any]] = field(default_factory=dict)
    rich_menu_images: dict[str, tuple[str, bytes]] = field(default_factory=dict)
    default_rich_menus: list[str] = field(default_factory=list)
    rich_menu_links: list[tuple[str, str]] = field(default_factory=list)
    rich_menu_unlinks: list[str] = field(default_factory=list)
    deleted_rich_menus: list[str] = field(default_factory=list)

    def install(self) -> None:
        s = self.server
        s.expect_request("/v2/bot/message/reply", method="POST").respond_with_handler(self._reply)
        s.expect_request("/v2/bot/message/push", method="POST").respond_with_handler(self._push)
        s.expect_request(re.compile(r"^/v2/bot/profile/[^/]+$"), method="GET").respond_with_handler(
            self._profile
        )
        s.expect_request(
            re.compile(r"^/v2/bot/message/[^/]+/content$"), method="GET"
        ).respond_with_handler(self._content)

    @property
    def url(self) -> str:
        return self.server.url_for("").rstrip("/")

    def reply_texts(self) -> list[list[str]]:
        return [[m.get("text", m.get("altText", "")) for m in r["messages"]] for r in self.replies]

    def last_texts(self) -> list[str]:
        return self.reply_texts()[-1]

    def _reply(self, request: Request) -> Response:
        self.auth_headers.append(request.headers.get("Authorization", ""))
        if self.reply_gate is not None:
            self.reply_gate.wait(10)
        body = json.loads(request.get_data())
        if self.reply_status != 200:
            return Response(
                json.dumps({"message": "Invalid reply token"}),
                self.reply_status,
                content_type="application/json",
            )
        self.replies.append(body)
        return self._sent(body)

    def _push(self, request: Request) -> Response:
        body = json.loads(request.get_data())
        self.pushes.append(body)
        return self._sent(body)

    def _sent(self, body: dict[str, Any]) -> Response:
        sent = [
            {"id": str(460000000000000 + i), "quoteToken": f"q{i}"}
            for i, _ in enumerate(body["messages"])
        ]
        return Response(json.dumps({"sentMessages": sent}), 200, content_type="application/json")

    def _profile(self, request: Request) -> Response:
        user_id = request.path.rsplit("/", 1)[1]
        name = self.profiles.get(user_id, "ผู้ใช้ทดสอบ")
        body = {"userId": user_id, "displayName": name, "language": "th"}
        return Response(json.dumps(body), 200, content_type="application/json")

    def _content(self, request: Request) -> Response:
        message_id = request.path.split("/")[-2]
        if message_id not in self.contents:
            return Response(
                json.dumps({"message": "Not found"}), 404, content_type="application/json"
            )
        return Response(self.contents[message_id], 200, content_type="image/jpeg")

    def install_rich_menus(self) -> None:
        """The rich menu endpoints (api.line.me and api-data.line.me alike, on this server)."""
        s = self.server
        s.expect_request("/v2/bot/richmenu", method="POST").respond_with_handler(
            self._create_rich_menu
        )
        s.expect_request(
            re.compile(r"^/v2/bot/richmenu/[^/]+/content$"), method="POST"
        ).respond_with_handler(self._rich_menu_image)
        s.expect_request(
            re.compile(r"^/v2/bot/user/all/richmenu/[^/]+$"), method="POST"
        ).respond_with_handler(self._default_rich_menu)
        s.expect_request(
            re.compile(r"^/v2/bot/user/(?!all/)[^/]+/richmenu/[^/]+$"), method="POST"
        ).respond_with_handler(self._link_rich_menu)
        s.expect_request(
            re.compile(r"^/v2/bot/user/[^/]+/richmenu$"), method="DELETE"
        ).respond_with_handler(self._unlink_rich_menu)
        s.expect_request(
            re.compile(r"^/v2/bot/richmenu/[^/]+$"), method="DELETE"
        ).respond_with_handler(self._delete_rich_menu)

    def _create_rich_menu(self, request: Request) -> Response:
        rich_menu_id = f"richmenu-{len(self.rich_menus) + 1:032x}"
        self.rich_menus[rich_menu_id] = json.loads(request.get_data())
        return Response(
            json.dumps({"richMenuId": rich_menu_id}), 200, content_type="application/json"
        )

    def _rich_menu_image(self, request: Request) -> Response:
        rich_menu_id = request.path.split("/")[-2]
        if rich_menu_id not in self.rich_menus:
            return Response(
                json.dumps({"message": "Not found"}), 404, content_type="application/json"
            )
        self.rich_menu_images[rich_menu_id] = (
            request.headers.get("Content-Type", ""),
            request.get_data(),
        )
        return Response("{}", 200, content_type="application/json")

    def _default_rich_menu(self, request: Request) -> Response:
        self.default_rich_menus.append(request.path.rsplit("/", 1)[1])
        return Response("{}", 200, content_type="application/json")

    def _link_rich_menu(self, request: Request) -> Response:
        parts = request.path.split("/")
        self.rich_menu_links.append((parts[4], parts[6]))
        return Response("{}", 200, content_type="application/json")

    def _unlink_rich_menu(self, request: Request) -> Response:
        self.rich_menu_unlinks.append(request.path.split("/")[4])
        return Response("{}", 200, content_type="application/json")

    def _delete_rich_menu(self, request: Request) -> Response:
        self.deleted_rich_menus.append(request.path.rsplit("/", 1)[1])
        return Response("{}", 200, content_type="application/json")
