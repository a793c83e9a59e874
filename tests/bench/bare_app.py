"""The baseline: a bare Flask endpoint that does nothing but answer 200."""

from __future__ import annotations

from flask import Flask


def create_app() -> Flask:
    app = Flask(__name__)

    @app.post("/callback")
    def callback() -> tuple[str, int]:
        return "OK", 200

    @app.get("/healthz")
    def healthz() -> dict[str, str]:
        return {"status": "ok"}

    return app
