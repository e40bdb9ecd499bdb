-- Share of persons with post-secondary education per year, region, age group and sex, under
-- both published definitions of the denominator:
--   *_share                   Kolada KPI N01982: everyone in the age group, the unknown level
--                             (US, "uppgift saknas") kept in the denominator;
--   *_share_excl_unknown      SCB's and many regions' charts: the seven known levels only.
-- "3plus" = at least 3 years (levels 6+7). Counts are BIGINT (a sum would otherwise be HUGEINT,
-- which arrives as Decimal(38,0) in polars and float64 in pandas). Each row names the SCB table
-- its counts come from and that table's updated stamp (v4): the 2019 25-64 kommun figures of the
-- offline build are UtbBefRegionR's, not TAB3981's.
CREATE VIEW attainment AS
WITH by_sex AS (
    SELECT f.year, f.region_code, f.age_group, f.sex,
           CAST(sum(f.persons) AS BIGINT) AS persons,
           CAST(coalesce(sum(f.persons) FILTER (WHERE l.level_group <> 'unknown'), 0) AS BIGINT) AS known_level_persons,
           CAST(coalesce(sum(f.persons) FILTER (WHERE l.level_group = 'post_secondary'), 0) AS BIGINT) AS post_secondary_persons,
           CAST(coalesce(sum(f.persons) FILTER (WHERE f.level_code IN ('6', '7')), 0) AS BIGINT) AS post_secondary_3plus_persons,
           min(s.scb_table_id) AS first_table, max(s.scb_table_id) AS last_table,
           max(s.scb_updated) AS scb_updated
    FROM population_education AS f
    JOIN education_level AS l USING (level_code)
    JOIN source AS s USING (source_id)
    GROUP BY f.year, f.region_code, f.age_group, f.sex
),
with_total AS (
    SELECT * FROM by_sex
    UNION ALL
    SELECT year, region_code, age_group, 'total' AS sex,
           CAST(sum(persons) AS BIGINT), CAST(sum(known_level_persons) AS BIGINT),
           CAST(sum(post_secondary_persons) AS BIGINT), CAST(sum(post_secondary_3plus_persons) AS BIGINT),
           min(first_table), max(last_table), max(scb_updated)
    FROM by_sex
    GROUP BY year, region_code, age_group
)
SELECT t.year, t.region_code, r.region_name, r.region_level, r.county_code, t.age_group, t.sex,
       t.persons,
       t.post_secondary_persons,
       t.post_secondary_3plus_persons,
       -- a kommun that did not exist yet has 0 persons: its share is NULL, not 0 %
       100.0 * t.post_secondary_persons / nullif(t.persons, 0) AS post_secondary_share,
       100.0 * t.post_secondary_3plus_persons / nullif(t.persons, 0) AS post_secondary_3plus_share,
       r.county_name,
       t.known_level_persons,
       100.0 * t.post_secondary_persons / nullif(t.known_level_persons, 0) AS post_secondary_share_excl_unknown,
       100.0 * t.post_secondary_3plus_persons / nullif(t.known_level_persons, 0) AS post_secondary_3plus_share_excl_unknown,
       -- schema v4: appended
       a.sort_order AS age_order,
       CASE WHEN t.first_table = t.last_table THEN t.first_table
            ELSE t.first_table || ', ' || t.last_table END AS source_table,
       t.scb_updated
FROM with_total AS t
JOIN region AS r USING (region_code)
JOIN age_group AS a USING (age_group);

COMMENT ON VIEW attainment IS 'Share with post-secondary education by year, region, age group and sex (women, men, total), with the unknown level kept in (Kolada N01982) or left out of the denominator. Kolada N01982 = age_group 25-64, post_secondary_share.';
COMMENT ON COLUMN attainment.year IS 'Reference year.';
COMMENT ON COLUMN attainment.region_code IS 'Region code, see table region.';
COMMENT ON COLUMN attainment.region_name IS 'Region name.';
COMMENT ON COLUMN attainment.region_level IS 'country | county | municipality.';
COMMENT ON COLUMN attainment.county_code IS 'County of the region; NULL for the country.';
COMMENT ON COLUMN attainment.age_group IS 'Age group as first-last with an ASCII hyphen, e.g. 25-64; the coverage view lists which years each has.';
COMMENT ON COLUMN attainment.sex IS 'women | men | total (total = women + men).';
COMMENT ON COLUMN attainment.persons IS 'All persons in the group, unknown level included (BIGINT).';
COMMENT ON COLUMN attainment.post_secondary_persons IS 'Persons with post-secondary education (levels 5, 6, 7) (BIGINT).';
COMMENT ON COLUMN attainment.post_secondary_3plus_persons IS 'Persons with at least 3 years of post-secondary education (levels 6, 7) (BIGINT).';
COMMENT ON COLUMN attainment.post_secondary_share IS 'post_secondary_persons / persons in percent (0-100), full precision; the unknown level counts in the denominator (Kolada N01982). NULL when persons = 0.';
COMMENT ON COLUMN attainment.post_secondary_3plus_share IS 'post_secondary_3plus_persons / persons in percent (0-100), full precision, unknown level in the denominator. NULL when persons = 0.';
COMMENT ON COLUMN attainment.county_name IS 'Name of the county (län) of the region; NULL for the country.';
COMMENT ON COLUMN attainment.known_level_persons IS 'Persons whose level is known (levels 1-7, without US "uppgift saknas") (BIGINT).';
COMMENT ON COLUMN attainment.post_secondary_share_excl_unknown IS 'post_secondary_persons / known_level_persons in percent, full precision: the unknown level left out of the denominator, as in SCB''s and many regions'' charts. NULL when no level is known.';
COMMENT ON COLUMN attainment.post_secondary_3plus_share_excl_unknown IS 'post_secondary_3plus_persons / known_level_persons in percent, full precision (levels 6-7 over the seven known levels). NULL when no level is known.';
COMMENT ON COLUMN attainment.age_order IS 'age_group.sort_order of the row''s age group: ORDER BY age_order lists the 10-year groups by age, then the totals 16-74 and 25-64.';
COMMENT ON COLUMN attainment.source_table IS 'The SCB table the counts come from (source.scb_table_id of the rows summed): TAB3981, or UtbBefRegionR for the 2019 10-year groups and 25-64 of the offline files; two ids, comma-separated, in the unlikely case the row mixes sources. Join population_education to source on source_id for the files themselves.';
COMMENT ON COLUMN attainment.scb_updated IS 'SCB''s updated stamp of that table as recorded with the source (TIMESTAMP, UTC); NULL when the source did not carry one (the UtbBefRegionR export).';
