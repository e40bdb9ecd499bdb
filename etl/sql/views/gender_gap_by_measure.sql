-- Women's and men's shares side by side, the gap, and ranks among peers, for both measures.
CREATE VIEW gender_gap_by_measure AS
WITH long_form AS (
    SELECT year, region_code, region_name, region_level, county_code, age_group, sex,
           'post_secondary' AS measure, post_secondary_share AS share
    FROM attainment
    UNION ALL
    SELECT year, region_code, region_name, region_level, county_code, age_group, sex,
           'post_secondary_3plus' AS measure, post_secondary_3plus_share AS share
    FROM attainment
),
by_region AS (
    SELECT year, region_code, region_name, region_level, county_code, age_group, measure,
           any_value(share) FILTER (WHERE sex = 'women') AS women_share,
           any_value(share) FILTER (WHERE sex = 'men') AS men_share,
           any_value(share) FILTER (WHERE sex = 'total') AS total_share
    FROM long_form
    GROUP BY year, region_code, region_name, region_level, county_code, age_group, measure
),
with_gap AS (
    SELECT *, women_share - men_share AS gap_pp FROM by_region
),
country AS (
    SELECT year, age_group, measure,
           gap_pp AS country_gap_pp,
           women_share AS country_women_share,
           men_share AS country_men_share,
           total_share AS country_total_share
    FROM with_gap
    WHERE region_code = '00'
)
SELECT g.year, g.region_code, g.region_name, g.region_level, g.county_code, g.age_group, g.measure,
       g.women_share, g.men_share, g.total_share, g.gap_pp,
       c.country_gap_pp, c.country_women_share, c.country_men_share, c.country_total_share,
       -- ranks among regions of the same level, same year, age group and measure; 1 = highest
       CASE WHEN g.women_share IS NOT NULL THEN rank() OVER (peers ORDER BY g.women_share DESC NULLS LAST) END AS rank_women,
       CASE WHEN g.men_share IS NOT NULL THEN rank() OVER (peers ORDER BY g.men_share DESC NULLS LAST) END AS rank_men,
       CASE WHEN g.total_share IS NOT NULL THEN rank() OVER (peers ORDER BY g.total_share DESC NULLS LAST) END AS rank_total,
       CASE WHEN g.gap_pp IS NOT NULL THEN rank() OVER (peers ORDER BY g.gap_pp DESC NULLS LAST) END AS rank_gap,
       count(g.gap_pp) OVER peers AS n_regions
FROM with_gap AS g
LEFT JOIN country AS c USING (year, age_group, measure)
WINDOW peers AS (PARTITION BY g.year, g.age_group, g.measure, g.region_level);

COMMENT ON VIEW gender_gap_by_measure IS 'Women vs men per region with gap and ranks, for both measures (post_secondary = levels 5-7, post_secondary_3plus = levels 6-7). gender_gap is the post_secondary slice.';
COMMENT ON COLUMN gender_gap_by_measure.year IS 'Reference year.';
COMMENT ON COLUMN gender_gap_by_measure.region_code IS 'Region code.';
COMMENT ON COLUMN gender_gap_by_measure.region_name IS 'Region name.';
COMMENT ON COLUMN gender_gap_by_measure.region_level IS 'country | county | municipality; ranks compare regions of the same level.';
COMMENT ON COLUMN gender_gap_by_measure.county_code IS 'County of the region; NULL for the country.';
COMMENT ON COLUMN gender_gap_by_measure.age_group IS 'Age group, e.g. 25-64.';
COMMENT ON COLUMN gender_gap_by_measure.measure IS 'post_secondary (levels 5-7) | post_secondary_3plus (levels 6-7).';
COMMENT ON COLUMN gender_gap_by_measure.women_share IS 'Share of women with the measure''s education, percent.';
COMMENT ON COLUMN gender_gap_by_measure.men_share IS 'Share of men with the measure''s education, percent.';
COMMENT ON COLUMN gender_gap_by_measure.total_share IS 'Share of everyone (women + men), percent.';
COMMENT ON COLUMN gender_gap_by_measure.gap_pp IS 'women_share - men_share, in percentage points.';
COMMENT ON COLUMN gender_gap_by_measure.country_gap_pp IS 'The gap in riket for the same year, age group and measure.';
COMMENT ON COLUMN gender_gap_by_measure.country_women_share IS 'Riket''s women share for the same year, age group and measure.';
COMMENT ON COLUMN gender_gap_by_measure.country_men_share IS 'Riket''s men share for the same year, age group and measure.';
COMMENT ON COLUMN gender_gap_by_measure.country_total_share IS 'Riket''s total share for the same year, age group and measure.';
COMMENT ON COLUMN gender_gap_by_measure.rank_women IS 'Rank of women_share among regions of the same level (1 = highest).';
COMMENT ON COLUMN gender_gap_by_measure.rank_men IS 'Rank of men_share among regions of the same level (1 = highest).';
COMMENT ON COLUMN gender_gap_by_measure.rank_total IS 'Rank of total_share among regions of the same level (1 = highest).';
COMMENT ON COLUMN gender_gap_by_measure.rank_gap IS 'Rank of gap_pp among regions of the same level (1 = largest gap).';
COMMENT ON COLUMN gender_gap_by_measure.n_regions IS 'How many regions were ranked (regions with data).';
