# syntax=docker/dockerfile:1
#
# Box Office: build the fat jar with Maven, run it on a JRE as a non-root user.
#   docker build -t box-office:local .
#   docker run --rm -p 8080:8080 -p 8081:8081 box-office:local
# Extra JVM flags: set JDK_JAVA_OPTIONS (read by the java launcher itself), e.g. -e JDK_JAVA_OPTIONS=-Xlog:gc

############################ build ############################
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /build

# Dependency layer: only invalidated when pom.xml changes.
COPY pom.xml ./
RUN mvn -B -q -ntp dependency:go-offline

COPY src ./src
# Tests need a redis-server and run in CI (mvn verify), not in the image build.
RUN mvn -B -q -ntp -DskipTests package \
 && test -f target/box-office.jar

############################ runtime ############################
FROM eclipse-temurin:17-jre

# curl for the HEALTHCHECK (installed explicitly: the base image does not promise it).
RUN apt-get update \
 && apt-get install -y --no-install-recommends curl \
 && rm -rf /var/lib/apt/lists/* \
 && groupadd --system --gid 10001 boxoffice \
 && useradd --system --uid 10001 --gid boxoffice --home-dir /app --no-create-home --shell /usr/sbin/nologin boxoffice

WORKDIR /app
COPY --from=build --chown=root:root /build/target/box-office.jar /app/box-office.jar
COPY --chown=root:root config.yml /app/config.yml

# Class-data sharing: one short run of the service on this very JRE (memory store, its warm-up on for a few seconds so
# that Jetty, Jersey, Jackson and the hot paths are loaded), stopped with SIGTERM; the JVM writes the classes it loaded
# to /app/app.jsa as it exits, and every start maps them instead of loading and verifying them again. It must be made
# here, not in the build stage: an archive only maps into the same JVM build, with the jar at the same path. If it
# cannot be mapped (another JVM, a changed jar) the JVM says so once and starts without it.
RUN STORE=memory WARMUP=true WARMUP_MIN_DURATION="3 seconds" WARMUP_MAX_DURATION="10 seconds" \
      PORT=18080 ADMIN_PORT=18081 LOG_LEVEL=WARN \
      java -XX:ArchiveClassesAtExit=/app/app.jsa -XX:+UseG1GC -jar /app/box-office.jar server /app/config.yml \
      >/tmp/cds.log 2>&1 & pid=$!; \
    for i in $(seq 1 120); do \
      curl -fsS -o /dev/null "http://127.0.0.1:18080/health-check?type=ready" && break; sleep 1; \
    done; \
    kill -TERM "$pid"; wait "$pid" || true; \
    test -s /app/app.jsa || { cat /tmp/cds.log; exit 1; }; \
    rm -f /tmp/cds.log; chmod 0444 /app/app.jsa

# Ports and bind address (the admin port binds to loopback unless told otherwise;
# in a container it must listen on all interfaces for probes and Prometheus).
# WARMUP: the instance reports ready only once it has run its hot paths through its own HTTP stack (config.yml).
ENV PORT=8080 \
    ADMIN_PORT=8081 \
    ADMIN_BIND=0.0.0.0 \
    LOG_FORMAT=json \
    WARMUP=true
EXPOSE 8080 8081

# Numeric uid so Kubernetes' runAsNonRoot can verify it.
USER 10001:10001

# Healthy = ready to serve (Dropwizard's health module, config.yml's health: section): what Compose waits for
# before starting nginx. A Redis outage leaves the container healthy; /healthcheck on the admin port reports it.
# start-period: start-up, plus the warm-up (WARMUP_MAX_DURATION, 45 s at most).
HEALTHCHECK --interval=10s --timeout=3s --start-period=90s --retries=3 \
  CMD curl -fsS --max-time 2 -o /dev/null "http://127.0.0.1:${PORT}/health-check?type=ready" || exit 1

# Exec form: java is PID 1 and receives SIGTERM directly, so Dropwizard drains and stops cleanly.
# -XX:CICompilerCount=3: two optimizing (C2) compiler threads instead of the one the JDK gives 2 CPUs (the pods'
# limit), so the warm-up leaves more compiled before ready (bench/results/*-cold-start*.md). From 8 CPUs the JDK's
# own default is larger: drop the flag there.
STOPSIGNAL SIGTERM
ENTRYPOINT ["java", "-XX:CICompilerCount=3", "-XX:SharedArchiveFile=/app/app.jsa", "-XX:MaxRAMPercentage=75", "-XX:+ExitOnOutOfMemoryError", "-XX:+UseG1GC", "-Djava.security.egd=file:/dev/urandom", "-jar", "/app/box-office.jar"]
CMD ["server", "/app/config.yml"]
