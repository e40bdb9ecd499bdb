-- Simplified outlines of one level's regions, for maps drawn without downloads.
SELECT region_code, geojson FROM region_shape WHERE region_level = $level ORDER BY region_code;
