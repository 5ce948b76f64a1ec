# shellcheck shell=bash
# Sourced by .ci/run: starts a throwaway PostgreSQL on loopback for the
# store and warehouse tests, exports TOLLGATE_TEST_POSTGRES (its URL) and
# TOLLGATE_REQUIRE_POSTGRES=1 (so those tests fail rather than skip), and
# stops it and removes its files when the calling shell exits.
#
# Installs Debian's postgresql package when no server binaries are found
# (needs root and the network). Runs the server as the postgres user when
# root, since initdb refuses to run as root.

tollgate_pg_bindir() {
	local d
	if command -v initdb >/dev/null 2>&1 && command -v pg_ctl >/dev/null 2>&1; then
		d=$(dirname "$(readlink -f "$(command -v pg_ctl)")")
		[ -x "$d/postgres" ] && { echo "$d"; return 0; }
	fi
	# Debian keeps the server binaries out of PATH; take the newest.
	d=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
	[ -n "$d" ] && [ -x "$d/initdb" ] && [ -x "$d/pg_ctl" ] && { echo "$d"; return 0; }
	return 1
}

# tollgate_pg_as runs a command as the server's owner.
tollgate_pg_as() {
	if [ "$(id -u)" -eq 0 ]; then
		runuser -u postgres -- "$@"
	else
		"$@"
	fi
}

tollgate_pg_stop() {
	if [ -n "${TOLLGATE_PG_DIR:-}" ] && [ -d "$TOLLGATE_PG_DIR" ]; then
		tollgate_pg_as "$TOLLGATE_PG_BIN/pg_ctl" -D "$TOLLGATE_PG_DIR/data" -m immediate -w stop >/dev/null 2>&1 || true
		rm -rf "$TOLLGATE_PG_DIR"
	fi
	TOLLGATE_PG_DIR=
}

tollgate_pg_start() {
	local bin dir port try
	# First, so that the tests fail rather than skip if the start does.
	export TOLLGATE_REQUIRE_POSTGRES=1
	if ! bin=$(tollgate_pg_bindir); then
		if [ "$(id -u)" -ne 0 ]; then
			echo "postgres.sh: PostgreSQL is not installed and installing it needs root: apt-get install postgresql" >&2
			return 1
		fi
		echo "postgres.sh: installing PostgreSQL" >&2
		DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2
		DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends postgresql >&2
		bin=$(tollgate_pg_bindir) || { echo "postgres.sh: no initdb/pg_ctl after installing postgresql" >&2; return 1; }
	fi
	if [ "$(id -u)" -eq 0 ] && ! id postgres >/dev/null 2>&1; then
		useradd --system --home-dir /var/lib/postgresql --shell /usr/sbin/nologin postgres
	fi

	dir=$(mktemp -d "${TMPDIR:-/tmp}/tollgate-pg.XXXXXX")
	TOLLGATE_PG_DIR=$dir
	TOLLGATE_PG_BIN=$bin
	mkdir "$dir/sock"
	[ "$(id -u)" -eq 0 ] && chown -R postgres: "$dir"

	# Throwaway and reachable only from this machine: trust auth, no fsync,
	# C locale so that text sorts the same everywhere.
	tollgate_pg_as "$bin/initdb" -D "$dir/data" -U tollgate -A trust -E UTF8 --locale=C --no-sync >"$dir/initdb.log" 2>&1 || {
		cat "$dir/initdb.log" >&2
		tollgate_pg_stop
		return 1
	}

	# A port taken between choosing and binding fails the start: try again.
	for try in 1 2 3 4 5 6 7 8 9 10; do
		port=$((20000 + RANDOM % 30000))
		if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
			continue # in use
		fi
		if tollgate_pg_as "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
			-o "-c listen_addresses=127.0.0.1 -p $port -k $dir/sock -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" \
			start >/dev/null; then
			break
		fi
		port=
	done
	if [ -z "$port" ]; then
		echo "postgres.sh: PostgreSQL did not start; its log:" >&2
		cat "$dir/server.log" >&2 || true
		tollgate_pg_stop
		return 1
	fi

	"$bin/psql" -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$port" -U tollgate -d postgres \
		-c 'CREATE DATABASE tollgate' >/dev/null || {
		tollgate_pg_stop
		return 1
	}

	export TOLLGATE_TEST_POSTGRES="postgres://tollgate@127.0.0.1:$port/tollgate?sslmode=disable"
	echo "postgres.sh: PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port ($dir)" >&2
}

# Stop the server however the shell ends, keeping any EXIT trap the caller
# set; signals exit so the EXIT trap runs.
tollgate_pg_prev_trap=$(trap -p EXIT | sed -E "s/^trap -- '(.*)' EXIT\$/\\1/")
trap "tollgate_pg_stop${tollgate_pg_prev_trap:+; $tollgate_pg_prev_trap}" EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
tollgate_pg_start
