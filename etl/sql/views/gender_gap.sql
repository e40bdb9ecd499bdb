-- The headline view: post-secondary share of women vs men, gap in points, ranks.
CREATE VIEW gender_gap AS
SELECT year, region_code, region_name, region_level, county_code, age_group,
       women_share, men_share, gap_pp, country_gap_pp,
       rank_women, rank_men, rank_gap, n_regions,
       county_name, county_rank_women, county_rank_men, county_rank_gap, n_in_county
FROM gender_gap_by_measure
WHERE measure = 'post_secondary';

COMMENT ON VIEW gender_gap IS 'Post-secondary share (levels 5-7, Kolada N01982 definition) of women vs men per region: gap in percentage points (women - men), riket''s gap, ranks among regions of the same level.';
COMMENT ON COLUMN gender_gap.year IS 'Reference year.';
COMMENT ON COLUMN gender_gap.region_code IS 'Region code.';
COMMENT ON COLUMN gender_gap.region_name IS 'Region name.';
COMMENT ON COLUMN gender_gap.region_level IS 'country | county | municipality.';
COMMENT ON COLUMN gender_gap.county_code IS 'County of the region; NULL for the country.';
COMMENT ON COLUMN gender_gap.age_group IS 'Age group, ASCII hyphen, e.g. 25-64; see the coverage view for its years.';
COMMENT ON COLUMN gender_gap.women_share IS 'Share of women with post-secondary education, percent.';
COMMENT ON COLUMN gender_gap.men_share IS 'Share of men with post-secondary education, percent.';
COMMENT ON COLUMN gender_gap.gap_pp IS 'women_share - men_share, in percentage points.';
COMMENT ON COLUMN gender_gap.country_gap_pp IS 'The gap in riket for the same year and age group.';
COMMENT ON COLUMN gender_gap.rank_women IS 'Rank of women_share among regions of the same level (1 = highest); NULL for riket.';
COMMENT ON COLUMN gender_gap.rank_men IS 'Rank of men_share among regions of the same level (1 = highest); NULL for riket.';
COMMENT ON COLUMN gender_gap.rank_gap IS 'Rank of gap_pp among regions of the same level (1 = largest gap); NULL for riket.';
COMMENT ON COLUMN gender_gap.n_regions IS 'How many regions were ranked; NULL for riket.';
COMMENT ON COLUMN gender_gap.county_name IS 'Name of the county (län) of the region; NULL for the country.';
COMMENT ON COLUMN gender_gap.county_rank_women IS 'For kommuner: rank of women_share within the county (1 = highest), e.g. Strängnäs 1 of 9 in Södermanland; NULL otherwise.';
COMMENT ON COLUMN gender_gap.county_rank_men IS 'For kommuner: rank of men_share within the county (1 = highest); NULL otherwise.';
COMMENT ON COLUMN gender_gap.county_rank_gap IS 'For kommuner: rank of gap_pp within the county (1 = largest gap); NULL otherwise.';
COMMENT ON COLUMN gender_gap.n_in_county IS 'For kommuner: how many kommuner of the county were ranked; NULL otherwise.';
