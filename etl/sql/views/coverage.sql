-- What exists: for each age group and year, where its numbers come from and how many regions
-- have them. 25-64 exists only where the 10-year groups do; ask here before filtering.
CREATE VIEW coverage AS
SELECT f.age_group, f.year,
       string_agg(DISTINCT s.scb_table_id || ' ' || s.kind || ': ' || s.title, '; ' ORDER BY s.scb_table_id || ' ' || s.kind || ': ' || s.title) AS sources,
       string_agg(DISTINCT f.derivation, ', ' ORDER BY f.derivation) AS derivation,
       count(DISTINCT f.region_code) AS n_regions
FROM population_education AS f
JOIN source AS s USING (source_id)
GROUP BY f.age_group, f.year
ORDER BY f.age_group, f.year;

COMMENT ON VIEW coverage IS 'Which years each age group has, from which sources, derived how, for how many regions. E.g. SELECT * FROM coverage WHERE age_group = ''25-64''.';
COMMENT ON COLUMN coverage.age_group IS 'Age group, ASCII hyphen, e.g. 25-64.';
COMMENT ON COLUMN coverage.year IS 'Reference year.';
COMMENT ON COLUMN coverage.sources IS 'The sources of that age group and year: SCB table, kind (offline_file, api_response) and title, ;-separated.';
COMMENT ON COLUMN coverage.derivation IS 'How the rows came about: published, sum_of_age_groups, sum_of_municipalities, sum_of_age_groups_and_municipalities (comma-separated).';
COMMENT ON COLUMN coverage.n_regions IS 'How many regions (riket, län, kommuner) have rows for that age group and year.';
