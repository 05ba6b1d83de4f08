# syntax=docker/dockerfile:1
#
# The meshprov container image: the runnable CLI jar (cli/target/meshprov.jar, built for Java 17) on a JRE 25 with
# the jar's AOT cache (JEP 483/514/515; docs/performance.md "Runtimes"), started as
# `meshprov serve` by a non-root user. Build and run:
#
#   docker build -t meshprov:0.1.0 .
#   docker run --rm -p 8093:8093 meshprov:0.1.0
#   docker run --rm -p 8093:8093 -v "$PWD/meshprov.yaml:/etc/meshprov/meshprov.yaml:ro" meshprov:0.1.0
#
# Without a mounted configuration the image uses deploy/docker/meshprov.yaml: the embedded default (MWAA on a local
# folder under /var/lib/meshprov/airflow). Kubernetes probes: GET /health/live and GET /health/ready on port 8093.

# ---------------------------------------------------------------- build stage
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY . .
# Only the CLI and what it depends on; the tests run in CI (.ci/run), not in the image build.
RUN --mount=type=cache,target=/root/.m2 \
    mvn -B -q -pl cli -am package -DskipTests

# ---------------------------------------------------------------- runtime stage
FROM eclipse-temurin:25-jre
LABEL org.opencontainers.image.title="meshprov" \
      org.opencontainers.image.description="Witboost tech adapter for Airbyte, CDE and Airflow on Amazon MWAA"

# A fixed numeric user, so that Kubernetes' runAsNonRoot can verify it.
RUN groupadd --system --gid 10001 meshprov \
 && useradd --system --uid 10001 --gid 10001 --home-dir /var/lib/meshprov --no-create-home \
      --shell /usr/sbin/nologin meshprov \
 && mkdir -p /app /etc/meshprov /var/lib/meshprov \
 && chown 10001:10001 /var/lib/meshprov

COPY --from=build /src/cli/target/meshprov.jar /app/meshprov.jar
COPY deploy/docker/meshprov.yaml /etc/meshprov/meshprov.yaml
# The AOT cache of this jar on this JRE: a training run serves the requests a coordinator sends on loopback, and the
# JVM stores every class it loaded and linked, with their profiles; `serve` then maps them instead of loading,
# verifying and linking them. On Java 25 this starts faster than Java 17 with its AppCDS archive (issue 13).
RUN java -XX:AOTCacheOutput=/app/meshprov.aot -Xlog:aot=off -Xlog:cds=off \
      -cp /app/meshprov.jar dev.meshprov.cli.ClassDataTraining

ENV MESHPROV_CONFIG=/etc/meshprov/meshprov.yaml
WORKDIR /var/lib/meshprov
USER 10001:10001
EXPOSE 8093

# Docker's own check; Kubernetes ignores it and uses the chart's probes on the same path.
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/8093 && printf 'GET /health/live HTTP/1.0\\r\\n\\r\\n' >&3 && head -n 1 <&3 | grep -q ' 200 '"]

# MaxRAMPercentage sizes the heap from the container's memory limit; a JVM out of memory exits so that the
# orchestrator restarts it instead of limping on; the AOT cache above speeds up the start. Add flags with
# JAVA_TOOL_OPTIONS.
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75.0", "-XX:+ExitOnOutOfMemoryError", "-XX:AOTCache=/app/meshprov.aot", "-Dfile.encoding=UTF-8", "-jar", "/app/meshprov.jar"]
CMD ["serve"]
