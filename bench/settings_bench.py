"""The portal's settings with the no-op view of the throughput benchmark added."""

from config.settings import *  # noqa: F403

ROOT_URLCONF = "noop_urls"
