"""gunicorn settings for the portal, from the environment (`make serve` uses them).

    .venv/bin/gunicorn config.wsgi -c config/gunicorn.conf.py

WEB_CONCURRENCY worker processes (default: two per CPU core), GUNICORN_THREADS threads each,
bound to HOST:PORT. Annexes never render inside a request for long (large ones are made by
the task worker), so the default timeout of 30 s stays.
"""

import multiprocessing
import os

bind = f"{os.environ.get('HOST', '127.0.0.1')}:{os.environ.get('PORT', '8000')}"
workers = int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count() * 2))
threads = int(os.environ.get("GUNICORN_THREADS", "1"))
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "2000"))
max_requests_jitter = max_requests // 10
accesslog = os.environ.get("GUNICORN_ACCESS_LOG") or None
errorlog = "-"
preload_app = True
