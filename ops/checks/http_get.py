#!/usr/bin/env python3
"""Waits until URL answers 200 (retrying while nothing listens yet), writes the body to OUT. Exit 1 after SECONDS.

    http_get.py URL OUT [SECONDS]
"""
import sys
import time
import urllib.error
import urllib.request

url, out = sys.argv[1], sys.argv[2]
deadline = time.monotonic() + (float(sys.argv[3]) if len(sys.argv) > 3 else 60)
last = "nothing tried"
while time.monotonic() < deadline:
    try:
        with urllib.request.urlopen(url, timeout=5) as r:
            with open(out, "wb") as f:
                f.write(r.read())
        sys.exit(0)
    except urllib.error.HTTPError as e:
        last = "HTTP %d" % e.code
    except (OSError, ValueError) as e:
        last = str(e)
    time.sleep(0.5)
print("%s: no 200 within the time allowed (last: %s)" % (url, last))
sys.exit(1)
