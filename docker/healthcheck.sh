#!/usr/bin/env bash
# The image's HEALTHCHECK: healthy while Gavel's readiness probe says UP. Uses bash's /dev/tcp, so
# the runtime image needs neither curl nor wget. Exit 0 = healthy, 1 = unhealthy.
set -uo pipefail
port="${SERVER_PORT:-8080}"
exec 3<>"/dev/tcp/127.0.0.1/${port}" || exit 1
printf 'GET /actuator/health/readiness HTTP/1.0\r\nHost: localhost\r\nConnection: close\r\n\r\n' >&3
response="$(timeout 4 cat <&3)" || true
exec 3<&-
case "${response}" in
  "HTTP/1."[01]" 200"*'"status":"UP"'*) exit 0 ;;
  *) exit 1 ;;
esac
