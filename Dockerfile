# syntax=docker/dockerfile:1
# Gavel in one image:   docker build -t gavel .
#                       docker run -p 8080:8080 -v gavel-data:/data gavel
# src/test/java/com/gavel/ship/DockerfileIT keeps this file honest on machines without a Docker engine (see docs/operations.md).

# ---- build: the Maven wrapper on a JDK 17 ----------------------------------------------------
FROM eclipse-temurin:17-jdk AS build
WORKDIR /workspace
# The wrapper and the POM first: the dependency layer below is rebuilt only when they change.
COPY mvnw pom.xml ./
COPY .mvn/ .mvn/
RUN ./mvnw -B -ntp -q dependency:go-offline
COPY src/ src/
COPY frontend/ frontend/
# The tests run in CI (`./mvnw verify`), not in the image build.
RUN ./mvnw -B -ntp -q -DskipTests package \
    && cp target/gavel-*.jar app.jar \
    && java -Djarmode=tools -jar app.jar extract --layers --launcher --destination extracted

# ---- run: a current LTS JRE as a non-root user ------------------------------------------------
FROM eclipse-temurin:25-jre
RUN groupadd --system gavel \
    && useradd --system --gid gavel --home-dir /app --no-create-home --shell /usr/sbin/nologin gavel \
    && mkdir -p /data \
    && chown gavel:gavel /data
WORKDIR /app
# Spring Boot's layers, least changing first, so a code change rebuilds only the last layer.
COPY --from=build /workspace/extracted/dependencies/ ./
COPY --from=build /workspace/extracted/spring-boot-loader/ ./
COPY --from=build /workspace/extracted/snapshot-dependencies/ ./
COPY --from=build /workspace/extracted/application/ ./
COPY --chmod=755 docker/healthcheck.sh /usr/local/bin/gavel-healthcheck

# The H2 database lives on the /data volume; the server listens on 8080.
# The JVM sizes itself from the container's memory limit (75 % for the heap) and exits on
# OutOfMemoryError, so the container restarts instead of limping on.
ENV GAVEL_DATA_DIR=/data \
    SERVER_PORT=8080 \
    JDK_JAVA_OPTIONS="-XX:MaxRAMPercentage=75.0 -XX:+ExitOnOutOfMemoryError"
VOLUME /data
EXPOSE 8080
USER gavel

HEALTHCHECK --interval=15s --timeout=5s --start-period=90s --retries=3 CMD ["gavel-healthcheck"]
# Exec form: java is PID 1 and gets docker stop's SIGTERM, so shutdown is graceful (sockets get
# 1001, in-flight bids commit). Give it time: docker stop -t 30.
ENTRYPOINT ["java", "org.springframework.boot.loader.launch.JarLauncher"]
