# Sourced by .ci/run and bench/run.sh: `start_postgres off|on` starts a throw-away PostgreSQL
# cluster on a free loopback port and exports GAVEL_TEST_POSTGRES_URL, _USERNAME and _PASSWORD; it
# is stopped and removed when the calling script exits.
#
# Clients connect over TCP as the user 'gavel' with a random password (scram-sha-256), as Gavel
# does in production; that user may create databases, so each test class (or benchmark deployment)
# gets its own. Only the cluster's owner can use its Unix socket (trusted, for setting it up).
# UTF-8 whatever the machine's locale. The argument is fsync: off for the tests, since nothing in the
# cluster outlives the run; on for the benchmark, so commits cost what they cost in production.
# PostgreSQL refuses to run as root, so as root it runs as the 'postgres' user.

as_postgres() {
  if [ "$(id -u)" = "0" ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

stop_postgres() {
  if [ -n "${pg_dir:-}" ]; then
    as_postgres "$pg_bin/pg_ctl" -D "$pg_dir/data" -m fast -w stop >/dev/null 2>&1 || true
    rm -rf "$pg_dir"
  fi
}

start_postgres() {
  local fsync="${1:-off}"
  pg_bin="$(compgen -G '/usr/lib/postgresql/*/bin' | sort -V | tail -n 1)"
  if [ -z "$pg_bin" ]; then
    echo "PostgreSQL is not installed (Debian package postgresql)" >&2
    return 1
  fi
  pg_dir="$(mktemp -d /tmp/gavel-postgres.XXXXXX)"
  if [ "$(id -u)" = "0" ]; then chown postgres: "$pg_dir"; fi
  trap stop_postgres EXIT
  trap 'exit 1' INT TERM
  as_postgres "$pg_bin/initdb" -D "$pg_dir/data" -U postgres --auth-local=trust --auth-host=scram-sha-256 \
    --encoding=UTF8 --locale=C.UTF-8 >/dev/null
  local port pg_port=""
  for _ in 1 2 3 4 5; do
    port=$((20000 + RANDOM % 40000))
    if as_postgres "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/server.log" -w -o \
      "-p $port -k $pg_dir -c listen_addresses=127.0.0.1 -c unix_socket_permissions=0700 -c fsync=$fsync" \
      start >/dev/null; then
      pg_port="$port"
      break
    fi
  done
  if [ -z "$pg_port" ]; then
    echo "PostgreSQL did not start on a free port; its log:" >&2
    cat "$pg_dir/server.log" >&2
    return 1
  fi
  local pg_password
  pg_password="$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')"
  as_postgres "$pg_bin/psql" -q -h "$pg_dir" -p "$pg_port" -U postgres -d postgres -v ON_ERROR_STOP=1 \
    -c "create role gavel login createdb password '$pg_password'"
  export GAVEL_TEST_POSTGRES_URL="jdbc:postgresql://127.0.0.1:$pg_port/postgres"
  export GAVEL_TEST_POSTGRES_USERNAME=gavel
  export GAVEL_TEST_POSTGRES_PASSWORD="$pg_password"
}
