"""Settings every test app and test server shares."""

from __future__ import annotations

# Hashing is not under test: one round instead of scrypt and 60,000 PBKDF2 iterations
# (environment variables, read by create_app as in production).
CHEAP_HASHING = {"PASSWORD_HASH_METHOD": "pbkdf2:sha256:1", "CODE_HASH_ITERATIONS": "1"}

ADMIN_PASSWORD = "admin-test-password"  # the first admin's, in test apps and test servers
