-- Where the numbers come from
SELECT source_id, scb_table_id, scb_table_name, scb_updated, fetched_at, loaded_at, licence, sha256
FROM source
ORDER BY source_id;
