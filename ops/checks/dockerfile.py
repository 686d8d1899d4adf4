#!/usr/bin/env python3
"""Dockerfile: multi-stage build, runtime image, dependency layer, non-root user, ports, health check, entrypoint,
.dockerignore, and the config.yml the image copies."""
import re

from checklib import ROOT, check, finish, item, section


def dockerfile_structure():
    lines = []
    for raw in (ROOT / "Dockerfile").read_text().replace("\\\n", " ").splitlines():
        s = raw.strip()
        if s and not s.startswith("#"):
            lines.append(s)
    ins = [(l.split()[0].upper(), l) for l in lines]
    froms = [l for k, l in ins if k == "FROM"]
    checks = [
        ("multi-stage: maven:3.9-eclipse-temurin-17 build",
            any("maven:3.9-eclipse-temurin-17" in f and " AS " in f.upper() for f in froms)),
        ("runtime eclipse-temurin:17-jre", froms[-1].split()[1] == "eclipse-temurin:17-jre"),
        ("dependency layer: pom.xml copied and resolved before src", [k for k, l in ins].index("RUN")
            < [l for k, l in ins].index(next(l for k, l in ins if k == "COPY" and "src" in l))),
        ("non-root USER", any(k == "USER" and not re.search(r"\b(root|0)(:|$)", l.split(None, 1)[1]) for k, l in ins)),
        ("EXPOSE 8080 8081", any(k == "EXPOSE" and "8080" in l and "8081" in l for k, l in ins)),
        ("ENV ADMIN_BIND=0.0.0.0", any(k == "ENV" and "ADMIN_BIND=0.0.0.0" in l for k, l in ins)),
        ("HEALTHCHECK on readiness /health-check?type=ready",
            any(k == "HEALTHCHECK" and "/health-check?type=ready" in l for k, l in ins)),
        ("curl installed for the HEALTHCHECK", any(k == "RUN" and "install" in l and "curl" in l for k, l in ins)),
        ("exec-form ENTRYPOINT with container JVM flags", any(k == "ENTRYPOINT" and l.split(None, 1)[1].startswith("[")
            and "-XX:MaxRAMPercentage=75" in l and "-XX:+ExitOnOutOfMemoryError" in l for k, l in ins)),
        ("ENV WARMUP=true (ready only once warmed up)", any(k == "ENV" and "WARMUP=true" in l for k, l in ins)),
        ("CDS archive made in the runtime stage and mapped by the ENTRYPOINT",
            any(k == "RUN" and "-XX:ArchiveClassesAtExit=/app/app.jsa" in l for k, l in ins[[l for k, l in ins].index(froms[-1]):])
            and any(k == "ENTRYPOINT" and "-XX:SharedArchiveFile=/app/app.jsa" in l for k, l in ins)),
        ("copies box-office.jar and config.yml", any("box-office.jar" in l for k, l in ins if k == "COPY")
            and any("config.yml" in l for k, l in ins if k == "COPY")),
    ]
    ignore = (ROOT / ".dockerignore").read_text().split()
    checks.append((".dockerignore keeps target/ and .git out, config.yml in",
                   "target/" in ignore and ".git" in ignore and "config.yml" not in ignore))
    return all([item(ok, what) for what, ok in checks])


section("Dockerfile")
check("Dockerfile structure", dockerfile_structure)
check("config.yml present for the image (COPY config.yml)", lambda: (ROOT / "config.yml").is_file())
finish()
