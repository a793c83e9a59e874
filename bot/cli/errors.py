"""How a command refuses: a Thai message on stderr and exit status 2 (bad input)."""

from __future__ import annotations

import sys
from typing import NoReturn

import click


def fail(message: str, status: int = 2) -> NoReturn:
    click.echo(message, err=True)
    sys.exit(status)
