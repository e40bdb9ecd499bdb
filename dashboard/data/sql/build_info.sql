-- The build this database comes from.
SELECT build_id, built_at, schema_version, data_fingerprint, noise_from_year FROM build_info;
