#!/usr/bin/env python3
"""Stub upstream for the nginx smoke test: answers every GET/POST with the X-Correlation-ID it received, and
appends that id to SEEN_FILE (one line per request, as soon as the request's headers have arrived).

    nginx_stub.py PORT SEEN_FILE
"""
import http.server
import json
import sys


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def do_GET(self):
        with open(sys.argv[2], "a") as seen:
            seen.write("%s\n" % self.headers.get("X-Correlation-ID"))
        self.rfile.read(int(self.headers.get("Content-Length") or 0))
        body = json.dumps({"correlation_id_seen": self.headers.get("X-Correlation-ID")}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("X-Correlation-ID", self.headers.get("X-Correlation-ID") or "")
        self.end_headers()
        self.wfile.write(body)

    do_POST = do_GET

    def log_message(self, *args):
        pass


http.server.ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])), Handler).serve_forever()
