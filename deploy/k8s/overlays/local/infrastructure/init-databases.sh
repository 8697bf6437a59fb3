#!/usr/bin/env bash
# Run once by the postgres image on an empty data directory (docker-entrypoint-initdb.d), for Compose and the local
# Kubernetes overlay alike: one database per service, owned by a login role of the same name, so a service can
# reach no other service's data. Each role's password is the file $DB_PASSWORDS_DIR/<service>-db-password.
set -euo pipefail
passwords=${DB_PASSWORDS_DIR:?set DB_PASSWORDS_DIR to the directory of the <service>-db-password files}
for service in ingest ledger policy report; do
  password=$(<"$passwords/$service-db-password")
  # psql's :"name" and :'value' quote an identifier and a literal, so a password is never read as SQL.
  psql -v ON_ERROR_STOP=1 --username "${POSTGRES_USER:-postgres}" --dbname postgres \
    -v role="$service" -v password="$password" <<'SQL'
CREATE ROLE :"role" LOGIN PASSWORD :'password';
CREATE DATABASE :"role" OWNER :"role";
REVOKE ALL ON DATABASE :"role" FROM PUBLIC;
SQL
done
