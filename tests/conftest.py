"""Shared test set-up: Qt without a screen, reproducible hypothesis runs, the data folder."""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile

# Before any Qt import: widgets render offscreen unless a test starts its own X server.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("PARITRANA_LANG", "id")
# The judges' signing keys of every test go to one private folder, never the user's own.
if "PARITRANA_KEY_DIR" not in os.environ:
    _keys = tempfile.mkdtemp(prefix="paritrana-test-keys-")
    os.environ["PARITRANA_KEY_DIR"] = _keys
    atexit.register(shutil.rmtree, _keys, True)

import pytest
from hypothesis import HealthCheck, settings

settings.register_profile(
    "ci", max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile("dev", max_examples=30, deadline=None)
settings.load_profile("ci" if os.environ.get("CI") else "dev")


# A test that hangs fails after a minute; the long checks (slow, xvfb, bundle) get ten minutes
# unless they ask for more with their own ``pytest.mark.timeout``.
QUICK_TIMEOUT = 60
LONG_TIMEOUT = 600
LONG_MARKERS = ("slow", "xvfb", "bundle")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if item.get_closest_marker("timeout") is not None:
            continue
        long = any(item.get_closest_marker(name) for name in LONG_MARKERS)
        item.add_marker(pytest.mark.timeout(LONG_TIMEOUT if long else QUICK_TIMEOUT))
