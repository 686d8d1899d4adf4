"""The Python side of ops/checks/lib.sh: the same output format and the same $CHECK_RESULTS lines.

    section(name)            prints "== name"
    passed/failed/skipped(w) records one result: "PASS  w", "FAIL  w", "SKIP  w"
    run(what, argv)          runs a command, shows its output indented, PASS, or FAIL with the exit code
    check(what, fn, *args)   calls fn, which prints its findings with item()/detail() and returns True when all is
                             well; an exception is a FAIL with its message
    item(ok, what)           one finding of a check: "ok    what" or "WRONG what"; returns ok
    finish()                 ends the check: exit status 1 when any of its results failed
"""
import os
import subprocess
import sys
from pathlib import Path

CHECKS = Path(__file__).resolve().parent
OPS = CHECKS.parent
ROOT = OPS.parent
os.chdir(ROOT)

_failed = 0


def section(name):
    print("== " + name, flush=True)


def _record(status, what):
    print("%s  %s" % (status, what), flush=True)
    results = os.environ.get("CHECK_RESULTS")
    if results:
        with open(results, "a") as f:
            f.write("%s\t%s\n" % (status, what))


def passed(what):
    _record("PASS", what)


def skipped(what):
    _record("SKIP", what)


def failed(what):
    global _failed
    _failed += 1
    _record("FAIL", what)


def detail(text):
    for line in str(text).rstrip("\n").splitlines():
        print("      " + line, flush=True)


def item(ok, what):
    detail(("ok    " if ok else "WRONG ") + what)
    return bool(ok)


def command(argv, show_stdout=True):
    """Runs argv, shows its output (stderr always, stdout unless show_stdout is false) indented; returns the exit code."""
    try:
        p = subprocess.run([str(a) for a in argv], text=True, stdin=subprocess.DEVNULL,
                           stdout=subprocess.PIPE if show_stdout else subprocess.DEVNULL,
                           stderr=subprocess.STDOUT if show_stdout else subprocess.PIPE)
    except OSError as e:
        detail("%s: %s" % (argv[0], e))
        return 127
    detail(p.stdout if show_stdout else p.stderr)
    return p.returncode


def run(what, argv, show_stdout=True):
    rc = command(argv, show_stdout)
    if rc == 0:
        passed(what)
    else:
        failed("%s (exit %d)" % (what, rc))


def check(what, fn, *args):
    try:
        ok = fn(*args)
    except Exception as e:  # a broken or unexpected file is a failed check, not a crashed script
        detail("%s: %s" % (type(e).__name__, e))
        ok = False
    if ok is True:
        passed(what)
    else:
        failed(what)


def finish():
    sys.exit(1 if _failed else 0)
