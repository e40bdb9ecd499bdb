-- Share of persons with post-secondary education per year, region, age group and sex.
-- Definition of Kolada KPI N01982: levels 5+6+7 over everyone in the age group, the unknown
-- level (US) kept in the denominator. "3plus" = at least 3 years (levels 6+7).
CREATE VIEW attainment AS
WITH by_sex AS (
    SELECT f.year, f.region_code, f.age_group, f.sex,
           sum(f.persons) AS persons,
           sum(f.persons) FILTER (WHERE l.level_group = 'post_secondary') AS post_secondary_persons,
           sum(f.persons) FILTER (WHERE f.level_code IN ('6', '7')) AS post_secondary_3plus_persons
    FROM population_education AS f
    JOIN education_level AS l USING (level_code)
    GROUP BY f.year, f.region_code, f.age_group, f.sex
),
with_total AS (
    SELECT * FROM by_sex
    UNION ALL
    SELECT year, region_code, age_group, 'total' AS sex,
           sum(persons), sum(post_secondary_persons), sum(post_secondary_3plus_persons)
    FROM by_sex
    GROUP BY year, region_code, age_group
)
SELECT t.year, t.region_code, r.region_name, r.region_level, r.county_code, t.age_group, t.sex,
       t.persons,
       t.post_secondary_persons,
       t.post_secondary_3plus_persons,
       -- a kommun that did not exist yet has 0 persons: its share is NULL, not 0 %
       100.0 * t.post_secondary_persons / nullif(t.persons, 0) AS post_secondary_share,
       100.0 * t.post_secondary_3plus_persons / nullif(t.persons, 0) AS post_secondary_3plus_share
FROM with_total AS t
JOIN region AS r USING (region_code);

COMMENT ON VIEW attainment IS 'Share with post-secondary education by year, region, age group and sex (women, men, total). Kolada N01982 = age_group 25-64, post_secondary_share.';
COMMENT ON COLUMN attainment.year IS 'Reference year.';
COMMENT ON COLUMN attainment.region_code IS 'Region code, see table region.';
COMMENT ON COLUMN attainment.region_name IS 'Region name.';
COMMENT ON COLUMN attainment.region_level IS 'country | county | municipality.';
COMMENT ON COLUMN attainment.county_code IS 'County of the region; NULL for the country.';
COMMENT ON COLUMN attainment.age_group IS 'Age group, e.g. 25-64.';
COMMENT ON COLUMN attainment.sex IS 'women | men | total (total = women + men).';
COMMENT ON COLUMN attainment.persons IS 'All persons in the group, unknown level included.';
COMMENT ON COLUMN attainment.post_secondary_persons IS 'Persons with post-secondary education (levels 5, 6, 7).';
COMMENT ON COLUMN attainment.post_secondary_3plus_persons IS 'Persons with at least 3 years of post-secondary education (levels 6, 7).';
COMMENT ON COLUMN attainment.post_secondary_share IS 'post_secondary_persons / persons in percent (0-100), full precision. NULL when persons = 0.';
COMMENT ON COLUMN attainment.post_secondary_3plus_share IS 'post_secondary_3plus_persons / persons in percent (0-100), full precision. NULL when persons = 0.';
