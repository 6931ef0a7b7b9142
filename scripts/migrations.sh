#!/usr/bin/env bash
# Recreates the initial migration of both providers from the current model.
# Usage: scripts/migrations.sh            (squash: only while no site runs on an earlier schema)
#        scripts/migrations.sh AddSomething  (a new migration on top of the existing ones)
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet tool restore >/dev/null
name="${1:-}"
if [ -z "$name" ]; then
  rm -rf src/LiaisonSite/Migrations
  name=InitialCreate
fi
dotnet build src/LiaisonSite -v q -nologo >/dev/null
for provider in Sqlite Postgres; do
  dotnet ef migrations add "$name" --no-build --project src/LiaisonSite --startup-project src/LiaisonSite \
    --context "${provider}LiaisonDbContext" --output-dir "Migrations/$provider"
done
