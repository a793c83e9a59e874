"""`flask --app bot backup FILE` and `restore FILE --yes`: consistent copies of the database."""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import click
from flask import current_app
from flask.cli import with_appcontext
from sqlalchemy.engine import make_url


@click.command("backup")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@with_appcontext
def backup(file: Path) -> None:
    """Write a consistent copy of the database to FILE while the app keeps running."""
    url = make_url(current_app.config["DATABASE_URL"])
    file.parent.mkdir(parents=True, exist_ok=True)
    if url.get_backend_name() == "sqlite":
        # SQLite's online backup copies a consistent snapshot even while others write.
        src = sqlite3.connect(url.database or "")
        dst = sqlite3.connect(file)
        with dst:
            src.backup(dst)
        dst.close()
        src.close()
    else:
        _pg("pg_dump", ["--format=custom", f"--file={file}"], url)
    click.echo(f"Backup written: {file}")


@click.command("restore")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--yes", is_flag=True, help="Really replace the current database.")
@with_appcontext
def restore(file: Path, yes: bool) -> None:
    """Replace the database with a backup. Stop the web server and workers first."""
    if not yes:
        click.echo("ไม่ได้กู้คืน: การกู้คืนจะแทนที่ข้อมูลปัจจุบันทั้งหมด เพิ่ม --yes เพื่อยืนยัน", err=True)
        sys.exit(1)
    url = make_url(current_app.config["DATABASE_URL"])
    if url.get_backend_name() == "sqlite":
        _check_sqlite_backup(file)
        current_app.extensions["db_engine"].dispose()
        target = Path(url.database or "")
        for suffix in ("-wal", "-shm"):  # stale journal files would mix old and new pages
            Path(f"{target}{suffix}").unlink(missing_ok=True)
        shutil.copyfile(file, target)
    else:
        _pg(
            "pg_restore",
            ["--clean", "--if-exists", "--no-owner", str(file)],
            url,
            failure="ไม่ได้กู้คืน: ไม่ใช่ไฟล์สำรองของระบบนี้ หรือกู้คืนไม่สำเร็จ",
        )
    click.echo(f"Restored from {file}")


def _check_sqlite_backup(file: Path) -> None:
    try:
        with sqlite3.connect(f"file:{file}?mode=ro", uri=True) as c:
            c.execute("SELECT version_num FROM alembic_version").fetchone()
    except sqlite3.DatabaseError:
        click.echo(f"ไม่ได้กู้คืน: {file} ไม่ใช่ไฟล์สำรองของระบบนี้", err=True)
        sys.exit(1)


def _pg(tool: str, args: list[str], url: object, failure: str = "") -> None:
    u = make_url(str(url))
    dsn = u.set(drivername="postgresql").render_as_string(hide_password=False)
    if shutil.which(tool) is None:
        click.echo(f"{tool} is not installed (apt-get install postgresql-client)", err=True)
        sys.exit(1)
    result = subprocess.run([tool, *args, f"--dbname={dsn}"], capture_output=True, text=True)
    if result.returncode != 0:
        if failure:
            click.echo(failure, err=True)
        click.echo(result.stderr.replace(u.password or "\0", "***"), err=True)
        sys.exit(result.returncode)
