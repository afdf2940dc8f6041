"""Where Debian's Chromium is and how coursekit starts it (slides' pictures, ``coursekit diagrams``).

Playwright cannot download browsers here; the system's Chromium runs headless, with
no background network traffic, so drawing never reaches another host.
"""

from __future__ import annotations

import logging
import os

log = logging.getLogger(__name__)

CHROMIUM = os.environ.get("COURSEKIT_CHROMIUM", "/usr/bin/chromium")
ARGS = ["--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]
