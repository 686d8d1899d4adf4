#!/usr/bin/env python3
"""Free TCP ports on 127.0.0.1. As a program: free_ports.py [N] prints N distinct ones (default 1), space-separated."""
import socket
import sys


def free_ports(n):
    socks = [socket.socket() for _ in range(n)]
    for s in socks:
        s.bind(("127.0.0.1", 0))
    ports = [s.getsockname()[1] for s in socks]
    for s in socks:
        s.close()
    return ports


if __name__ == "__main__":
    print(" ".join(str(p) for p in free_ports(int(sys.argv[1]) if len(sys.argv) > 1 else 1)))
