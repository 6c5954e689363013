"""Shared test settings.

Hypothesis profiles: `default` (quick, for `make test` on a laptop) and `ci` (many more
examples; .ci/run exports HYPOTHESIS_PROFILE=ci). Neither has a deadline: a slow example on a
busy machine is not a failure.
"""

import os

from hypothesis import HealthCheck, settings

settings.register_profile("default", max_examples=60, deadline=None)
settings.register_profile(
    "ci",
    max_examples=3000,  # about 100 s for tests/test_fuzz.py on a 2-core machine
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
    print_blob=True,
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))
