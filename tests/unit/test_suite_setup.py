"""The suite's own rules: a quick test that hangs fails after a minute, long checks get more."""

from __future__ import annotations

import pytest

from tests.conftest import LONG_TIMEOUT, QUICK_TIMEOUT


def _timeout(request: pytest.FixtureRequest) -> float:
    marker = request.node.get_closest_marker("timeout")
    assert marker is not None
    return float(marker.args[0])


def test_a_quick_test_has_a_one_minute_timeout(request: pytest.FixtureRequest) -> None:
    assert _timeout(request) == QUICK_TIMEOUT == 60


@pytest.mark.slow
def test_a_slow_test_has_a_longer_timeout(request: pytest.FixtureRequest) -> None:
    assert _timeout(request) == LONG_TIMEOUT > QUICK_TIMEOUT


@pytest.mark.timeout(5)
def test_a_test_may_ask_for_its_own_timeout(request: pytest.FixtureRequest) -> None:
    assert _timeout(request) == 5
