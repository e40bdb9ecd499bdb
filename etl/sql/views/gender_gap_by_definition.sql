-- Women's and men's shares side by side, the gap, and ranks among peers — for every measure
-- (levels 5-7, levels 6-7) under every definition of the denominator (unknown level included,
-- as Kolada N01982; or excluded, as SCB's charts). Kommuner are also ranked within their län
-- and within their kommungrupp (SKR 2023). Every rank is competition ranking (SQL RANK():
-- equal values share a rank and the next rank is skipped, 1, 2, 2, 4).
-- Materialised at build time (a table, sorted by the dashboard's filters): ranking ~1.6 million
-- fact rows on every query cost 100-400 ms at national scale; reading the table costs a few ms.
CREATE TABLE gender_gap_by_definition AS
WITH long_form AS (
    SELECT year, region_code, region_name, region_level, county_code, county_name, age_group, sex,
           age_order, source_table, scb_updated,
           m.measure, m.definition,
           CASE
               WHEN m.measure = 'post_secondary' AND m.definition = 'unknown_included' THEN post_secondary_share
               WHEN m.measure = 'post_secondary' THEN post_secondary_share_excl_unknown
               WHEN m.definition = 'unknown_included' THEN post_secondary_3plus_share
               ELSE post_secondary_3plus_share_excl_unknown
           END AS share
    FROM attainment
    CROSS JOIN (VALUES ('post_secondary', 'unknown_included'), ('post_secondary', 'unknown_excluded'),
                       ('post_secondary_3plus', 'unknown_included'), ('post_secondary_3plus', 'unknown_excluded'))
               AS m(measure, definition)
),
by_region AS (
    SELECT year, region_code, region_name, region_level, county_code, county_name, age_group,
           measure, definition,
           any_value(share) FILTER (WHERE sex = 'women') AS women_share,
           any_value(share) FILTER (WHERE sex = 'men') AS men_share,
           any_value(share) FILTER (WHERE sex = 'total') AS total_share,
           any_value(age_order) AS age_order,
           any_value(source_table) FILTER (WHERE sex = 'total') AS source_table,
           any_value(scb_updated) FILTER (WHERE sex = 'total') AS scb_updated
    FROM long_form
    GROUP BY year, region_code, region_name, region_level, county_code, county_name, age_group,
             measure, definition
),
with_gap AS (
    SELECT b.*, b.women_share - b.men_share AS gap_pp,
           b.region_level <> 'country' AS ranked,
           r.kommungrupp_code, r.kommungrupp_name
    FROM by_region AS b
    JOIN region AS r USING (region_code)
),
country AS (
    SELECT year, age_group, measure, definition,
           gap_pp AS country_gap_pp,
           women_share AS country_women_share,
           men_share AS country_men_share,
           total_share AS country_total_share
    FROM with_gap
    WHERE region_code = '00'
)
SELECT g.year, g.region_code, g.region_name, g.region_level, g.county_code, g.age_group,
       g.measure, g.definition,
       g.women_share, g.men_share, g.total_share, g.gap_pp,
       c.country_gap_pp, c.country_women_share, c.country_men_share, c.country_total_share,
       -- ranks among regions of the same level, same year, age group, measure and definition;
       -- 1 = highest; riket is not ranked (it is the reference, not "1 of 1")
       CASE WHEN g.ranked AND g.women_share IS NOT NULL THEN rank() OVER (peers ORDER BY g.women_share DESC NULLS LAST) END AS rank_women,
       CASE WHEN g.ranked AND g.men_share IS NOT NULL THEN rank() OVER (peers ORDER BY g.men_share DESC NULLS LAST) END AS rank_men,
       CASE WHEN g.ranked AND g.total_share IS NOT NULL THEN rank() OVER (peers ORDER BY g.total_share DESC NULLS LAST) END AS rank_total,
       CASE WHEN g.ranked AND g.gap_pp IS NOT NULL THEN rank() OVER (peers ORDER BY g.gap_pp DESC NULLS LAST) END AS rank_gap,
       CASE WHEN g.ranked THEN count(g.gap_pp) OVER peers END AS n_regions,
       g.county_name,
       CASE WHEN g.region_level = 'municipality' AND g.women_share IS NOT NULL THEN rank() OVER (county_peers ORDER BY g.women_share DESC NULLS LAST) END AS county_rank_women,
       CASE WHEN g.region_level = 'municipality' AND g.men_share IS NOT NULL THEN rank() OVER (county_peers ORDER BY g.men_share DESC NULLS LAST) END AS county_rank_men,
       CASE WHEN g.region_level = 'municipality' AND g.gap_pp IS NOT NULL THEN rank() OVER (county_peers ORDER BY g.gap_pp DESC NULLS LAST) END AS county_rank_gap,
       CASE WHEN g.region_level = 'municipality' THEN count(g.gap_pp) OVER county_peers END AS n_in_county,
       -- schema v4: appended. Ranks among the kommuner of the same SKR kommungrupp 2023.
       g.kommungrupp_code, g.kommungrupp_name,
       CASE WHEN g.kommungrupp_code IS NOT NULL AND g.women_share IS NOT NULL THEN rank() OVER (group_peers ORDER BY g.women_share DESC NULLS LAST) END AS kommungrupp_rank_women,
       CASE WHEN g.kommungrupp_code IS NOT NULL AND g.men_share IS NOT NULL THEN rank() OVER (group_peers ORDER BY g.men_share DESC NULLS LAST) END AS kommungrupp_rank_men,
       CASE WHEN g.kommungrupp_code IS NOT NULL AND g.total_share IS NOT NULL THEN rank() OVER (group_peers ORDER BY g.total_share DESC NULLS LAST) END AS kommungrupp_rank_total,
       CASE WHEN g.kommungrupp_code IS NOT NULL AND g.gap_pp IS NOT NULL THEN rank() OVER (group_peers ORDER BY g.gap_pp DESC NULLS LAST) END AS kommungrupp_rank_gap,
       CASE WHEN g.kommungrupp_code IS NOT NULL THEN count(g.gap_pp) OVER group_peers END AS n_in_kommungrupp,
       CASE WHEN g.region_level = 'municipality' AND g.total_share IS NOT NULL THEN rank() OVER (county_peers ORDER BY g.total_share DESC NULLS LAST) END AS county_rank_total,
       g.age_order, g.source_table, g.scb_updated
FROM with_gap AS g
LEFT JOIN country AS c USING (year, age_group, measure, definition)
WINDOW peers AS (PARTITION BY g.year, g.age_group, g.measure, g.definition, g.region_level),
       county_peers AS (PARTITION BY g.year, g.age_group, g.measure, g.definition, g.region_level, g.county_code),
       group_peers AS (PARTITION BY g.year, g.age_group, g.measure, g.definition, g.region_level, g.kommungrupp_code)
ORDER BY g.definition, g.measure, g.age_group, g.region_code, g.year;

COMMENT ON TABLE gender_gap_by_definition IS 'Women vs men per region with gap and ranks, for every measure (post_secondary = levels 5-7, post_secondary_3plus = levels 6-7) and definition (unknown_included = Kolada N01982, unknown_excluded = SCB-style charts). Kommuner are also ranked within their county and their SKR kommungrupp 2023. Every rank is competition ranking (RANK(): ties share a rank and the next is skipped, 1, 2, 2, 4). Sorted by definition, measure, age group, region and year.';
COMMENT ON COLUMN gender_gap_by_definition.year IS 'Reference year.';
COMMENT ON COLUMN gender_gap_by_definition.region_code IS 'Region code.';
COMMENT ON COLUMN gender_gap_by_definition.region_name IS 'Region name.';
COMMENT ON COLUMN gender_gap_by_definition.region_level IS 'country | county | municipality; ranks compare regions of the same level.';
COMMENT ON COLUMN gender_gap_by_definition.county_code IS 'County of the region; NULL for the country.';
COMMENT ON COLUMN gender_gap_by_definition.age_group IS 'Age group, ASCII hyphen, e.g. 25-64.';
COMMENT ON COLUMN gender_gap_by_definition.measure IS 'post_secondary (levels 5-7) | post_secondary_3plus (levels 6-7).';
COMMENT ON COLUMN gender_gap_by_definition.definition IS 'unknown_included: everyone in the denominator, unknown level too (Kolada N01982) | unknown_excluded: the seven known levels only (SCB''s and many regions'' charts).';
COMMENT ON COLUMN gender_gap_by_definition.women_share IS 'Share of women with the measure''s education under the definition, percent.';
COMMENT ON COLUMN gender_gap_by_definition.men_share IS 'Share of men with the measure''s education under the definition, percent.';
COMMENT ON COLUMN gender_gap_by_definition.total_share IS 'Share of everyone (women + men), percent.';
COMMENT ON COLUMN gender_gap_by_definition.gap_pp IS 'women_share - men_share, in percentage points.';
COMMENT ON COLUMN gender_gap_by_definition.country_gap_pp IS 'The gap in riket for the same year, age group, measure and definition.';
COMMENT ON COLUMN gender_gap_by_definition.country_women_share IS 'Riket''s women share for the same year, age group, measure and definition.';
COMMENT ON COLUMN gender_gap_by_definition.country_men_share IS 'Riket''s men share for the same year, age group, measure and definition.';
COMMENT ON COLUMN gender_gap_by_definition.country_total_share IS 'Riket''s total share for the same year, age group, measure and definition.';
COMMENT ON COLUMN gender_gap_by_definition.rank_women IS 'Rank of women_share among regions of the same level (1 = highest); NULL for riket. Ties share a rank (competition ranking, 1, 2, 2, 4).';
COMMENT ON COLUMN gender_gap_by_definition.rank_men IS 'Rank of men_share among regions of the same level (1 = highest); NULL for riket. Ties share a rank (competition ranking, 1, 2, 2, 4).';
COMMENT ON COLUMN gender_gap_by_definition.rank_total IS 'Rank of total_share among regions of the same level (1 = highest); NULL for riket. Ties share a rank (competition ranking, 1, 2, 2, 4).';
COMMENT ON COLUMN gender_gap_by_definition.rank_gap IS 'Rank of gap_pp among regions of the same level (1 = largest gap); NULL for riket. Ties share a rank (competition ranking, 1, 2, 2, 4).';
COMMENT ON COLUMN gender_gap_by_definition.n_regions IS 'How many regions of the level were ranked (regions with data); NULL for riket.';
COMMENT ON COLUMN gender_gap_by_definition.county_name IS 'Name of the county (län) of the region; NULL for the country.';
COMMENT ON COLUMN gender_gap_by_definition.county_rank_women IS 'For kommuner: rank of women_share among the kommuner of the same county (1 = highest); NULL otherwise. Ties share a rank (competition ranking, 1, 2, 2, 4).';
COMMENT ON COLUMN gender_gap_by_definition.county_rank_men IS 'For kommuner: rank of men_share among the kommuner of the same county (1 = highest); NULL otherwise. Ties share a rank (competition ranking, 1, 2, 2, 4).';
COMMENT ON COLUMN gender_gap_by_definition.county_rank_gap IS 'For kommuner: rank of gap_pp among the kommuner of the same county (1 = largest gap); NULL otherwise. Ties share a rank (competition ranking, 1, 2, 2, 4).';
COMMENT ON COLUMN gender_gap_by_definition.n_in_county IS 'For kommuner: how many kommuner of the county were ranked; NULL otherwise.';
COMMENT ON COLUMN gender_gap_by_definition.kommungrupp_code IS 'For kommuner: SKR''s kommungrupp 2023 (A1 … C9, see region.kommungrupp_code); NULL for riket and län.';
COMMENT ON COLUMN gender_gap_by_definition.kommungrupp_name IS 'For kommuner: SKR''s name of that group; NULL for riket and län.';
COMMENT ON COLUMN gender_gap_by_definition.kommungrupp_rank_women IS 'For kommuner: rank of women_share among the kommuner of the same kommungrupp (1 = highest); NULL otherwise. Ties share a rank (competition ranking, 1, 2, 2, 4).';
COMMENT ON COLUMN gender_gap_by_definition.kommungrupp_rank_men IS 'For kommuner: rank of men_share among the kommuner of the same kommungrupp (1 = highest); NULL otherwise. Ties share a rank (competition ranking, 1, 2, 2, 4).';
COMMENT ON COLUMN gender_gap_by_definition.kommungrupp_rank_total IS 'For kommuner: rank of total_share among the kommuner of the same kommungrupp (1 = highest), e.g. "x av N" with N = n_in_kommungrupp; NULL otherwise. Ties share a rank (competition ranking, 1, 2, 2, 4).';
COMMENT ON COLUMN gender_gap_by_definition.kommungrupp_rank_gap IS 'For kommuner: rank of gap_pp among the kommuner of the same kommungrupp (1 = largest gap); NULL otherwise. Ties share a rank (competition ranking, 1, 2, 2, 4).';
COMMENT ON COLUMN gender_gap_by_definition.n_in_kommungrupp IS 'For kommuner: how many kommuner of the kommungrupp were ranked (those with data); NULL otherwise.';
COMMENT ON COLUMN gender_gap_by_definition.county_rank_total IS 'For kommuner: rank of total_share among the kommuner of the same county (1 = highest); NULL otherwise. Ties share a rank (competition ranking, 1, 2, 2, 4).';
COMMENT ON COLUMN gender_gap_by_definition.age_order IS 'age_group.sort_order: ORDER BY age_order lists the 10-year groups by age, then the totals 16-74 and 25-64.';
COMMENT ON COLUMN gender_gap_by_definition.source_table IS 'The SCB table the row''s counts come from (attainment.source_table of its total): TAB3981, or UtbBefRegionR for the 2019 10-year groups and 25-64 of the offline files.';
COMMENT ON COLUMN gender_gap_by_definition.scb_updated IS 'SCB''s updated stamp of that table as recorded (TIMESTAMP, UTC); NULL when the source carried none.';
