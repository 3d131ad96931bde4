#!/usr/bin/env bash
# Starts a throwaway PostgreSQL 15 server on a loopback port for the test suite and prints its URL.
# Usage: scripts/test-postgres.sh start|stop   (PGPORT defaults to 55432, data in /tmp/localism-pg;
# PGSTOPMODE=immediate stops it as a crash would)
set -euo pipefail
PGBIN=${PGBIN:-/usr/lib/postgresql/15/bin}
PGPORT=${PGPORT:-55432}
PGDATA=${PGDATA:-/tmp/localism-pg}
as_postgres() { if [ "$(id -u)" = 0 ]; then su postgres -s /bin/bash -c "$*"; else bash -c "$*"; fi; }

case "${1:-start}" in
  start)
    if [ ! -x "$PGBIN/initdb" ]; then
      apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
    fi
    if [ ! -f "$PGDATA/PG_VERSION" ]; then
      mkdir -p "$PGDATA" && { [ "$(id -u)" != 0 ] || chown postgres:postgres "$PGDATA"; }
      as_postgres "$PGBIN/initdb -D $PGDATA -A trust -U postgres" >/dev/null
    fi
    if ! as_postgres "$PGBIN/pg_ctl -D $PGDATA status" >/dev/null 2>&1; then
      as_postgres "$PGBIN/pg_ctl -D $PGDATA -l $PGDATA/server.log -w -o \"-p $PGPORT -k /tmp -c listen_addresses=127.0.0.1\" start" >/dev/null
    fi
    echo "postgresql://postgres@127.0.0.1:$PGPORT/postgres"
    ;;
  stop)
    as_postgres "$PGBIN/pg_ctl -D $PGDATA -m ${PGSTOPMODE:-fast} stop" >/dev/null 2>&1 || true
    ;;
esac
