#!/bin/sh
# The claim queries on a synthetic queue of N due runs (default 20,000, one next_at, 100 concurrency
# keys), with the schema taken from Sources/InngestEngine/Store/StoreSchema.swift: the query plan
# and the time of one claim, then the same with an index on (status, next_at, run_id).
#
#   scripts/claim-query-plan.sh [N]        (needs python3 and the sqlite3 command)
set -eu
n=${1:-20000}
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
python3 - "$(dirname "$0")/../Sources/InngestEngine/Store/StoreSchema.swift" > "$dir/schema.sql" <<'PY'
import re, sys
print("\n".join(re.findall(r'"""\n(.*?)"""', open(sys.argv[1]).read(), re.S)))
PY
plain="SELECT run_id FROM runs WHERE status = 'queued' AND next_at <= 2000 ORDER BY next_at, run_id LIMIT 32"
gated="SELECT rowid, run_id, function_id, event_id, attempt, started_at, start_deadline, finish_timeout, next_at, concurrency_key1, concurrency_key2, throttle_key, wait_reason FROM runs WHERE status = 'queued' AND next_at <= 2000 ORDER BY next_at, run_id LIMIT 64"
sqlite3 "$dir/q.db" <<SQL
.read $dir/schema.sql
WITH RECURSIVE c(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM c WHERE i < $n - 1)
INSERT INTO runs (run_id, function_id, event_id, status, next_at, created_at, concurrency_key1)
SELECT printf('01J%023d', i), 'orders-keyed', 'e' || i, 'queued', 1000, 1000, 'f:orders-keyed:c-' || (i % 100) FROM c;
ANALYZE;
.print == $n due runs: plain claim (subquery of the UPDATE), then the gated claim's page
EXPLAIN QUERY PLAN $plain;
.timer on
SELECT count(*) FROM ($plain);
SELECT count(*) FROM ($gated);
.timer off
.print == with CREATE INDEX runs_due_ordered ON runs (status, next_at, run_id)
CREATE INDEX runs_due_ordered ON runs (status, next_at, run_id);
ANALYZE;
EXPLAIN QUERY PLAN $gated;
.timer on
SELECT count(*) FROM ($plain);
SELECT count(*) FROM ($gated);
SQL
