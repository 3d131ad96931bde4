#!/usr/bin/env bash
# Writes a new migration for BOTH providers from the change to prisma/models.prisma since the last commit,
# so SQLite and PostgreSQL stay in step.
# Usage: bash scripts/new-migration.sh <name>      (needs PostgreSQL: scripts/test-postgres.sh start)
set -euo pipefail
cd "$(dirname "$0")/.."
name=${1:?usage: scripts/new-migration.sh <name>}
stamp=$(date -u +%Y%m%d%H%M%S)
node scripts/sync-schemas.mjs
prisma() { node node_modules/prisma/build/index.js "$@"; }

# Diff the schemas as last committed against the working tree: no shadow database needed.
tmp=$(mktemp -d)
for folder in sqlite postgres; do
  git show "HEAD:prisma/$folder/schema.prisma" > "$tmp/$folder-before.prisma"
done
sql=$(DATABASE_URL="file:$tmp/scratch.db" prisma migrate diff --from-schema-datamodel "$tmp/sqlite-before.prisma" \
  --to-schema-datamodel prisma/sqlite/schema.prisma --script --config prisma/sqlite.config.ts)
admin=$(bash scripts/test-postgres.sh start)
pgsql=$(DATABASE_URL="$admin" prisma migrate diff --from-schema-datamodel "$tmp/postgres-before.prisma" \
  --to-schema-datamodel prisma/postgres/schema.prisma --script --config prisma/postgres.config.ts)

if [ -z "$(echo "$sql" | grep -v '^--' | tr -d '[:space:]')" ]; then echo "No model changes: nothing to migrate."; exit 0; fi
mkdir -p "prisma/sqlite/migrations/${stamp}_$name" "prisma/postgres/migrations/${stamp}_$name"
echo "$sql" > "prisma/sqlite/migrations/${stamp}_$name/migration.sql"
echo "$pgsql" > "prisma/postgres/migrations/${stamp}_$name/migration.sql"
node scripts/generate-clients.mjs 2>/dev/null
echo "Wrote prisma/{sqlite,postgres}/migrations/${stamp}_$name"
