-- The tables and views of the database (for features that need a newer schema).
SELECT table_name AS name FROM duckdb_tables() WHERE database_name = 'data'
UNION ALL
SELECT view_name FROM duckdb_views() WHERE database_name = 'data' AND NOT internal;
