#!/usr/bin/env bash
# A throwaway PostgreSQL for the tests: Debian's packages, a cluster in /tmp, listening on
# 127.0.0.1 only, trust authentication on loopback. `start` prints the URL; `stop` removes it.
#   bash scripts/postgres-for-tests.sh start|stop
set -euo pipefail

PORT="${ARGUMAP_TEST_POSTGRES_PORT:-55432}"
DATA="${ARGUMAP_TEST_POSTGRES_DIR:-/tmp/argumap-postgres-$PORT}"
URL="postgres://postgres@127.0.0.1:$PORT/postgres"

find_bin() {
	# `|| true`: with none installed, ls fails and `set -e` would end the script before it installs one.
	ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true
}

# Runs a PostgreSQL tool as the postgres user: the server refuses to run as root.
as_postgres() {
	if [ "$(id -u)" = 0 ]; then
		runuser -u postgres -- "$@"
	else
		"$@"
	fi
}

# Ends the script with the reason and the server's own log, which says why it did not start.
start_failed() {
	echo "PostgreSQL did not start: $1. $DATA/server.log:" >&2
	cat "$DATA/server.log" >&2 || true
	exit 1
}

start() {
	local bin
	bin="$(find_bin)"
	if [ -z "$bin" ] || ! [ -x "$bin/postgres" ]; then
		echo "Installing Debian's PostgreSQL ..." >&2
		export DEBIAN_FRONTEND=noninteractive
		apt-get update -qq >&2
		apt-get install -y -qq postgresql >/dev/null
		bin="$(find_bin)"
	fi
	if as_postgres "$bin/pg_ctl" -D "$DATA" status >/dev/null 2>&1; then
		echo "$URL"
		return
	fi
	rm -rf "$DATA"
	mkdir -p "$DATA"
	if [ "$(id -u)" = 0 ]; then chown postgres: "$DATA"; fi
	# C collation: text sorts by code point, as on SQLite, so both databases order rows alike.
	as_postgres "$bin/initdb" -D "$DATA" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >/dev/null
	# Tests only: durability is not needed, speed is.
	if ! as_postgres "$bin/pg_ctl" -D "$DATA" -l "$DATA/server.log" -w -t 60 \
		-o "-c listen_addresses=127.0.0.1 -c port=$PORT -c unix_socket_directories=$DATA -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" \
		start >/dev/null; then
		start_failed "pg_ctl gave up"
	fi
	local deadline=$((SECONDS + 30))
	until as_postgres "$bin/pg_isready" -q -h 127.0.0.1 -p "$PORT"; do
		if ((SECONDS >= deadline)); then start_failed "not ready on port $PORT within 30 s"; fi
		sleep 0.2
	done
	echo "$URL"
}

stop() {
	local bin
	bin="$(find_bin)"
	if [ -n "$bin" ] && [ -d "$DATA" ]; then
		as_postgres "$bin/pg_ctl" -D "$DATA" -m fast -w stop >/dev/null 2>&1 || true
	fi
	rm -rf "$DATA"
}

case "${1:-}" in
start) start ;;
stop) stop ;;
*)
	echo "Usage: $0 start|stop" >&2
	exit 1
	;;
esac
