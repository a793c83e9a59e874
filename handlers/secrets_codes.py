"""Tracking codes given to citizens at submission, stored only as salted hashes."""

from __future__ import annotations

import functools
import hashlib
import hmac
import secrets

# No 0/O, 1/I/L: the code is read off a phone screen and typed by hand.
ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
ITERATIONS = 60_000  # for new hashes; the composition root sets it (configure)


def new_code(length: int = 6) -> str:
    return "".join(secrets.choice(ALPHABET) for _ in range(length))


def configure(iterations: int) -> None:
    """The PBKDF2 cost of new hashes. Stored hashes name their own, so old ones still check."""
    global ITERATIONS
    ITERATIONS = iterations


def hash_code(code: str) -> str:
    salt = secrets.token_hex(8)
    digest = hashlib.pbkdf2_hmac("sha256", _clean(code).encode(), salt.encode(), ITERATIONS)
    return f"pbkdf2${ITERATIONS}${salt}${digest.hex()}"


def dummy_hash() -> str:
    """A hash of no real code, of the current kind and cost: checked when there is nothing
    to check against, so a missing case takes as long as a wrong code."""
    return _dummy(ITERATIONS)


@functools.cache
def _dummy(iterations: int) -> str:
    salt = secrets.token_hex(8)
    digest = hashlib.pbkdf2_hmac("sha256", secrets.token_bytes(8), salt.encode(), iterations)
    return f"pbkdf2${iterations}${salt}${digest.hex()}"


def check_code(code: str, stored: str) -> bool:
    try:
        _, iterations, salt, hexdigest = stored.split("$")
    except ValueError:
        return False
    digest = hashlib.pbkdf2_hmac("sha256", _clean(code).encode(), salt.encode(), int(iterations))
    return hmac.compare_digest(digest.hex(), hexdigest)


def _clean(code: str) -> str:
    return "".join(code.split()).upper()
