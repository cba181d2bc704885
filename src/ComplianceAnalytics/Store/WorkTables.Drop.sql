DROP TABLE IF EXISTS temp.ingest_known;
DROP TABLE IF EXISTS {rejected};
DROP TABLE IF EXISTS {duplicates};
