#!/usr/bin/env bash
# Regenerates the idempotent migration scripts an operator runs against SQL Server and PostgreSQL
# (safe to run again on a database at any earlier migration). With --check, fails instead when a
# committed script is not what the migrations produce.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet tool restore >/dev/null

check=false
[ "${1:-}" = "--check" ] && check=true
status=0
for pair in "SqlServer:deploy/sqlserver/migrate.sql" "PostgreSql:deploy/postgresql/migrate.sql"; do
  provider=${pair%%:*}; target=${pair#*:}
  project="src/SurveyService.Migrations.$provider"
  dotnet restore "$project" >/dev/null
  out=$(mktemp)
  dotnet ef migrations script --idempotent --no-color --project "$project" --startup-project "$project" --output "$out" >/dev/null
  if $check; then
    if ! diff -q <(tr -d '\r' < "$out") <(tr -d '\r' < "$target") >/dev/null 2>&1; then
      echo "$target is not what the $provider migrations produce; run deploy/generate-scripts.sh and commit it." >&2
      status=1
    fi
    rm -f "$out"
  else
    mv "$out" "$target"
    echo "wrote $target"
  fi
done
exit $status
