-- One database per service.
CREATE DATABASE ingest;
CREATE DATABASE ledger;
CREATE DATABASE policy;
CREATE DATABASE report;
