"""Shared pytest setup: hypothesis profiles, so property tests stay fast and repeatable in CI.

Profiles (choose with ``HYPOTHESIS_PROFILE=dev pytest`` or ``pytest --hypothesis-profile=dev``):

* ``ci`` (the default): a modest number of examples, no deadline (CI machines
  are slow and shared; timings belong in benchmarks/), and derandomized, so a
  run that passes on one machine passes on another;
* ``dev``: many more examples, randomized, for hunting bugs locally.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

settings.register_profile(
    "ci",
    max_examples=100,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile(
    "dev",
    max_examples=1000,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))
