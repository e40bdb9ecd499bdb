-- What the figures of one year and age group come from: SCB table, SCB's updated date, load time.
SELECT DISTINCT s.scb_table_id, s.scb_table_name, s.scb_updated, s.loaded_at, s.kind
FROM population_education AS f
JOIN source AS s USING (source_id)
WHERE f.year = $year AND f.age_group = $age_group
ORDER BY s.scb_table_id;
