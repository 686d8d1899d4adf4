#!/usr/bin/env python3
"""Summarises async-profiler's collapsed stacks (one stack per line, frames joined by ';', then its sample count).

Usage: profile_report.py STACKS [FRAME...]

Prints where the samples go by library, each sample charged to the deepest frame on its stack that belongs to a
library (the JDK, the kernel and native frames are charged to the library that called them), and then, for each FRAME
given (a substring of a frame's name), the share of all samples whose stack passes through it.
"""
import collections
import sys

LIBRARIES = [  # (prefix of a frame, library); frames name classes with '/' or '.'
    ("org/eclipse/jetty", "Jetty"), ("org/glassfish/jersey", "Jersey"), ("org/glassfish/hk2", "HK2"),
    ("org/jvnet/hk2", "HK2"), ("io/netty", "Netty"), ("ch/qos/logback", "Logback"),
    ("com/fasterxml", "Jackson"), ("org/redisson", "Redisson"), ("boxoffice/", "Box Office"),
    ("com/codahale", "Metrics"), ("io/prometheus", "Metrics"), ("io/dropwizard", "Dropwizard"),
    ("org/hibernate", "bean validation"),
]


def library(frame):
    name = frame.replace(".", "/")
    for prefix, lib in LIBRARIES:
        if name.startswith(prefix) or ("/" + prefix) in name:
            return lib
    return None


def jvm_thread(frames):
    """Where a sample with no library frame was: the JIT's compiler threads, the collector's, or elsewhere."""
    if any("CompileBroker" in frame for frame in frames):
        return "JVM: JIT compilers"
    if any("GC" in frame or "G1" in frame for frame in frames):
        return "JVM: garbage collector"
    return "JVM: other (native, the JDK alone)"


def read(path):
    for line in open(path):
        stack, _, count = line.rstrip("\n").rpartition(" ")
        if stack:
            yield stack.split(";"), int(count)


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    stacks = list(read(sys.argv[1]))
    wanted_frames = list(dict.fromkeys(sys.argv[2:]))  # in the order given, each once
    total = sum(count for _, count in stacks)
    by_library = collections.Counter()
    through = collections.Counter()
    kernel = 0
    for frames, count in stacks:
        charged = next((lib for lib in map(library, reversed(frames)) if lib), None) or jvm_thread(frames)
        by_library[charged] += count
        if frames[-1].endswith("_[k]"):
            kernel += count
        for wanted in wanted_frames:
            if any(wanted in frame for frame in frames):
                through[wanted] += count
    print(f"{total} samples; in the kernel at the leaf: {100 * kernel / total:.1f} %")
    print("by library (deepest library frame):")
    for lib, count in by_library.most_common():
        print(f"  {100 * count / total:5.1f} %  {lib}")
    if wanted_frames:
        print("through these frames:")
        for wanted in wanted_frames:
            print(f"  {100 * through[wanted] / total:5.1f} %  {wanted}")


if __name__ == "__main__":
    main()
