-- The share of women and men, and the gap, in each SKR kommungrupp 2023 as a whole: persons of
-- the group's kommuner summed, then divided (a group's share, as SCB's own group sums give it),
-- never an average of the kommuner's shares. Riket's values beside, as the reference.
-- Materialised at build time like gender_gap_by_definition (a few thousand rows).
CREATE TABLE kommungrupp_gender_gap AS
WITH sums AS (
    SELECT a.year, a.age_group, a.age_order, r.kommungrupp_code, r.kommungrupp_name, a.sex,
           count(*) FILTER (WHERE a.persons > 0) AS n_kommuner,
           sum(a.persons) AS persons,
           sum(a.known_level_persons) AS known_level_persons,
           sum(a.post_secondary_persons) AS post_secondary_persons,
           sum(a.post_secondary_3plus_persons) AS post_secondary_3plus_persons
    FROM attainment AS a
    JOIN region AS r USING (region_code)
    WHERE r.region_level = 'municipality' AND r.kommungrupp_code IS NOT NULL
    GROUP BY ALL
),
long_form AS (
    SELECT s.*, m.measure, m.definition,
           100.0 * CASE WHEN m.measure = 'post_secondary' THEN s.post_secondary_persons ELSE s.post_secondary_3plus_persons END
                 / nullif(CASE WHEN m.definition = 'unknown_included' THEN s.persons ELSE s.known_level_persons END, 0) AS share
    FROM sums AS s
    CROSS JOIN (VALUES ('post_secondary', 'unknown_included'), ('post_secondary', 'unknown_excluded'),
                       ('post_secondary_3plus', 'unknown_included'), ('post_secondary_3plus', 'unknown_excluded'))
               AS m(measure, definition)
),
by_group AS (
    SELECT year, age_group, age_order, measure, definition, kommungrupp_code, kommungrupp_name,
           CAST(any_value(n_kommuner) FILTER (WHERE sex = 'total') AS BIGINT) AS n_kommuner,
           any_value(share) FILTER (WHERE sex = 'women') AS women_share,
           any_value(share) FILTER (WHERE sex = 'men') AS men_share,
           any_value(share) FILTER (WHERE sex = 'total') AS total_share
    FROM long_form
    GROUP BY ALL
)
SELECT g.year, g.age_group, g.measure, g.definition, g.kommungrupp_code, g.kommungrupp_name,
       g.n_kommuner, g.women_share, g.men_share, g.total_share,
       g.women_share - g.men_share AS gap_pp,
       c.country_women_share, c.country_men_share, c.country_total_share, c.country_gap_pp,
       g.age_order
FROM by_group AS g
LEFT JOIN (
    SELECT DISTINCT year, age_group, measure, definition,
           country_women_share, country_men_share, country_total_share, country_gap_pp
    FROM gender_gap_by_definition
    WHERE region_code = '00'
) AS c USING (year, age_group, measure, definition)
ORDER BY g.definition, g.measure, g.age_group, g.kommungrupp_code, g.year;

COMMENT ON TABLE kommungrupp_gender_gap IS 'Women, men and the gap per SKR kommungrupp 2023 (A1 … C9), one row per year, age group, measure, definition and group: shares of the group''s kommuner together (persons summed, then divided; not an average of kommun shares), with riket''s values for reference. E.g. WHERE year = 2019 AND age_group = ''25-64'' AND measure = ''post_secondary'' AND definition = ''unknown_included'' ORDER BY kommungrupp_code.';
COMMENT ON COLUMN kommungrupp_gender_gap.year IS 'Reference year.';
COMMENT ON COLUMN kommungrupp_gender_gap.age_group IS 'Age group, ASCII hyphen, e.g. 25-64 (see table age_group).';
COMMENT ON COLUMN kommungrupp_gender_gap.measure IS 'post_secondary (levels 5-7) | post_secondary_3plus (levels 6-7).';
COMMENT ON COLUMN kommungrupp_gender_gap.definition IS 'unknown_included (everyone in the denominator, Kolada N01982) | unknown_excluded (the seven known levels only).';
COMMENT ON COLUMN kommungrupp_gender_gap.kommungrupp_code IS 'SKR''s group code, A1 … C9 (see region.kommungrupp_code).';
COMMENT ON COLUMN kommungrupp_gender_gap.kommungrupp_name IS 'SKR''s name of the group.';
COMMENT ON COLUMN kommungrupp_gender_gap.n_kommuner IS 'Kommuner of the group with persons in that year and age group (BIGINT); all of the group''s kommuner, except ones that did not exist yet.';
COMMENT ON COLUMN kommungrupp_gender_gap.women_share IS 'Women of the group''s kommuner with the measure''s education over all women of those kommuner (under the definition), percent.';
COMMENT ON COLUMN kommungrupp_gender_gap.men_share IS 'The same for men, percent.';
COMMENT ON COLUMN kommungrupp_gender_gap.total_share IS 'The same for everyone (women + men), percent.';
COMMENT ON COLUMN kommungrupp_gender_gap.gap_pp IS 'women_share - men_share, in percentage points.';
COMMENT ON COLUMN kommungrupp_gender_gap.country_women_share IS 'Riket''s women share for the same year, age group, measure and definition.';
COMMENT ON COLUMN kommungrupp_gender_gap.country_men_share IS 'Riket''s men share for the same year, age group, measure and definition.';
COMMENT ON COLUMN kommungrupp_gender_gap.country_total_share IS 'Riket''s total share for the same year, age group, measure and definition.';
COMMENT ON COLUMN kommungrupp_gender_gap.country_gap_pp IS 'Riket''s gap for the same year, age group, measure and definition, percentage points.';
COMMENT ON COLUMN kommungrupp_gender_gap.age_order IS 'age_group.sort_order: ORDER BY age_order orders by age, totals last.';
