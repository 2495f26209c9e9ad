# syntax=docker/dockerfile:1
# The image of one module of the suite, chosen by the build argument SERVICE: tasks-service, training-service,
# reporting-service or gateway. docker-compose.yml builds all four; by hand:
#   docker build --build-arg SERVICE=tasks-service -t giaoban/tasks-service .
# The build stage is the same for all four, so it runs once and its result is reused from the build cache.

FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY . .
RUN --mount=type=cache,target=/root/.m2 \
    ./mvnw -B -q -DskipTests -Dspotless.check.skip=true \
        -pl tasks-service/tasks-app,training-service/training-app,reporting-service,gateway -am package \
 && mkdir /out \
 && cp tasks-service/tasks-app/target/tasks-app-*-exec.jar /out/tasks-service.jar \
 && cp training-service/training-app/target/training-app-*-exec.jar /out/training-service.jar \
 && cp reporting-service/target/reporting-service-*-exec.jar /out/reporting-service.jar \
 && cp gateway/target/gateway-*-exec.jar /out/gateway.jar

FROM eclipse-temurin:17-jre
ARG SERVICE
RUN case "$SERVICE" in \
      tasks-service|training-service|reporting-service|gateway) ;; \
      *) echo "SERVICE must be tasks-service, training-service, reporting-service or gateway, not '$SERVICE'" >&2; \
         exit 1 ;; \
    esac \
 && groupadd --system giaoban \
 && useradd --system --gid giaoban --home-dir /app --no-create-home giaoban \
 && mkdir -p /app/data \
 && chown giaoban:giaoban /app/data
COPY --from=build /out/${SERVICE}.jar /app/service.jar
COPY docker/health /app/health
# Nothing is kept here when the stores are configured; the embedded stand-ins would write here otherwise.
ENV GIAOBAN_DATA_DIR=/app/data
USER giaoban
WORKDIR /app
ENTRYPOINT ["java", "-jar", "/app/service.jar"]
