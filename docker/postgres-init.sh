#!/usr/bin/env bash
# The databases of the suite, made by the postgres image on its first start (an empty volume), as the superuser:
#   giaoban_tasks     owned by the role giaoban_tasks, tasks-service's account (Flyway makes its tables)
#   giaoban_training  owned by the role giaoban_training, training-service's account
#   giaoban_reporting a role that may connect to both and read every table in their public schema, those made later
#                     included (default privileges of the owners); its transactions are read-only
# Passwords from GIAOBAN_TASKS_DB_PASSWORD, GIAOBAN_TRAINING_DB_PASSWORD, GIAOBAN_REPORTING_DB_PASSWORD.
set -euo pipefail
: "${GIAOBAN_TASKS_DB_PASSWORD:?}" "${GIAOBAN_TRAINING_DB_PASSWORD:?}" "${GIAOBAN_REPORTING_DB_PASSWORD:?}"

psql -v ON_ERROR_STOP=1 --username "${POSTGRES_USER:-postgres}" --dbname "${POSTGRES_DB:-postgres}" \
  -v tasks_password="$GIAOBAN_TASKS_DB_PASSWORD" \
  -v training_password="$GIAOBAN_TRAINING_DB_PASSWORD" \
  -v reporting_password="$GIAOBAN_REPORTING_DB_PASSWORD" <<'SQL'
CREATE ROLE giaoban_tasks LOGIN PASSWORD :'tasks_password';
CREATE ROLE giaoban_training LOGIN PASSWORD :'training_password';
CREATE ROLE giaoban_reporting LOGIN PASSWORD :'reporting_password';
ALTER ROLE giaoban_reporting SET default_transaction_read_only = on;

CREATE DATABASE giaoban_tasks OWNER giaoban_tasks;
CREATE DATABASE giaoban_training OWNER giaoban_training;
REVOKE ALL ON DATABASE giaoban_tasks, giaoban_training FROM PUBLIC;
GRANT CONNECT ON DATABASE giaoban_tasks, giaoban_training TO giaoban_reporting;

\connect giaoban_tasks
GRANT USAGE ON SCHEMA public TO giaoban_reporting;
ALTER DEFAULT PRIVILEGES FOR ROLE giaoban_tasks IN SCHEMA public GRANT SELECT ON TABLES TO giaoban_reporting;

\connect giaoban_training
GRANT USAGE ON SCHEMA public TO giaoban_reporting;
ALTER DEFAULT PRIVILEGES FOR ROLE giaoban_training IN SCHEMA public GRANT SELECT ON TABLES TO giaoban_reporting;
SQL
