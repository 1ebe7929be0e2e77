# Make sure a PostgreSQL server answers on 127.0.0.1:5432 and export PG_TEST_URL for the tests.
# Project machines run it with trust auth; on a machine where we start it ourselves we set a password.
pg_ok() { PGCONNECT_TIMEOUT=3 psql "$1" -Atqc 'select 1' >/dev/null 2>&1; }

PG_TEST_URL="${PG_TEST_URL:-postgres://postgres@127.0.0.1:5432/test}"
if ! pg_ok "$PG_TEST_URL"; then
  if ! pg_isready -q -h 127.0.0.1 -p 5432; then
    cluster_version=$(ls /etc/postgresql | sort -n | tail -1)
    pg_ctlcluster --skip-systemctl-redirect "$cluster_version" main start
    for _ in $(seq 1 30); do pg_isready -q -h 127.0.0.1 -p 5432 && break; sleep 1; done
  fi
  if ! pg_ok "$PG_TEST_URL"; then
    su postgres -c "psql -qc \"ALTER USER postgres PASSWORD 'postgres'\""
    su postgres -c "psql -Atqc \"SELECT 1 FROM pg_database WHERE datname='test'\"" | grep -q 1 ||
      su postgres -c "createdb test"
    PG_TEST_URL="postgres://postgres:postgres@127.0.0.1:5432/test"
  fi
fi
pg_ok "$PG_TEST_URL" || { echo "PostgreSQL is not reachable at $PG_TEST_URL" >&2; exit 1; }
export PG_TEST_URL
