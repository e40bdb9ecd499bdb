-- Schema v1's view, kept working: gender_gap_by_definition with the Kolada N01982 denominator
-- (unknown level included), one row per year, region, age group and measure.
CREATE VIEW gender_gap_by_measure AS
SELECT year, region_code, region_name, region_level, county_code, age_group, measure,
       women_share, men_share, total_share, gap_pp,
       country_gap_pp, country_women_share, country_men_share, country_total_share,
       rank_women, rank_men, rank_total, rank_gap, n_regions,
       county_name, county_rank_women, county_rank_men, county_rank_gap, n_in_county
FROM gender_gap_by_definition
WHERE definition = 'unknown_included';

COMMENT ON VIEW gender_gap_by_measure IS 'Women vs men per region with gap and ranks, for both measures (post_secondary = levels 5-7, post_secondary_3plus = levels 6-7), unknown level in the denominator (Kolada N01982). gender_gap is the post_secondary slice; gender_gap_by_definition also has the unknown-excluded definition.';
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
COMMENT ON COLUMN gender_gap_by_measure.rank_women IS 'Rank of women_share among regions of the same level (1 = highest); NULL for riket.';
COMMENT ON COLUMN gender_gap_by_measure.rank_men IS 'Rank of men_share among regions of the same level (1 = highest); NULL for riket.';
COMMENT ON COLUMN gender_gap_by_measure.rank_total IS 'Rank of total_share among regions of the same level (1 = highest); NULL for riket.';
COMMENT ON COLUMN gender_gap_by_measure.rank_gap IS 'Rank of gap_pp among regions of the same level (1 = largest gap); NULL for riket.';
COMMENT ON COLUMN gender_gap_by_measure.n_regions IS 'How many regions were ranked (regions with data); NULL for riket.';
COMMENT ON COLUMN gender_gap_by_measure.county_name IS 'Name of the county (län) of the region; NULL for the country.';
COMMENT ON COLUMN gender_gap_by_measure.county_rank_women IS 'For kommuner: rank of women_share within the county (1 = highest); NULL otherwise.';
COMMENT ON COLUMN gender_gap_by_measure.county_rank_men IS 'For kommuner: rank of men_share within the county (1 = highest); NULL otherwise.';
COMMENT ON COLUMN gender_gap_by_measure.county_rank_gap IS 'For kommuner: rank of gap_pp within the county (1 = largest gap); NULL otherwise.';
COMMENT ON COLUMN gender_gap_by_measure.n_in_county IS 'For kommuner: how many kommuner of the county were ranked; NULL otherwise.';
