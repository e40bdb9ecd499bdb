-- What the database was built from, one row per source file or response.
SELECT source_id, kind, scb_table_id, scb_table_name, title, scb_updated, fetched_at, loaded_at,
       licence, origin_repository, origin_commit, origin_path, file_path, sha256
FROM source
ORDER BY kind, source_id;
