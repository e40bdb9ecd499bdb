-- Access to a lärcentrum next to the post-secondary share (25-64, both sexes) of the latest
-- year that has 25-64, and riket's share: "below riket and no centre within N km".
CREATE VIEW access_vs_attainment AS
WITH latest AS (
    SELECT max(year) AS year FROM attainment WHERE age_group = '25-64'
),
shares AS (
    SELECT a.region_code, a.year, a.post_secondary_share
    FROM attainment AS a
    JOIN latest USING (year)
    WHERE a.age_group = '25-64' AND a.sex = 'total'
),
country AS (
    SELECT post_secondary_share AS country_share FROM shares WHERE region_code = '00'
)
SELECT m.region_code, m.region_name, m.county_code, s.year,
       s.post_secondary_share, c.country_share,
       s.post_secondary_share - c.country_share AS diff_to_country_pp,
       s.post_secondary_share < c.country_share AS below_country,
       m.has_larcentrum, m.larcentrum_count, m.nearest_larcentrum, m.distance_km_to_nearest,
       m.evidence, m.evidence_source_url, m.evidence_year,
       m.has_known_larcentrum
FROM municipality_access AS m
JOIN shares AS s USING (region_code)
CROSS JOIN country AS c;

COMMENT ON VIEW access_vs_attainment IS 'Kommuner with their post-secondary share (25-64, total, latest year with 25-64) against riket and their access to a *known* lärcentrum, with the evidence grade. Example: WHERE county_code = ''04'' AND below_country AND NOT has_known_larcentrum AND distance_km_to_nearest > 30 — a kommun with only kommun-level evidence (network) has a known centre without a named one.';
COMMENT ON COLUMN access_vs_attainment.region_code IS 'Kommun code.';
COMMENT ON COLUMN access_vs_attainment.region_name IS 'Kommun name.';
COMMENT ON COLUMN access_vs_attainment.county_code IS 'County (län) code.';
COMMENT ON COLUMN access_vs_attainment.year IS 'The year of the shares (the latest with ages 25-64).';
COMMENT ON COLUMN access_vs_attainment.post_secondary_share IS 'Share of 25-64-year-olds with post-secondary education, percent.';
COMMENT ON COLUMN access_vs_attainment.country_share IS 'The same share for riket, percent.';
COMMENT ON COLUMN access_vs_attainment.diff_to_country_pp IS 'post_secondary_share - country_share, percentage points.';
COMMENT ON COLUMN access_vs_attainment.below_country IS 'post_secondary_share is below riket''s.';
COMMENT ON COLUMN access_vs_attainment.has_larcentrum IS 'At least one named lärcentrum is known in the kommun (see has_known_larcentrum).';
COMMENT ON COLUMN access_vs_attainment.larcentrum_count IS 'Number of known, named lärcentrum in the kommun.';
COMMENT ON COLUMN access_vs_attainment.nearest_larcentrum IS 'The kommun''s own or the nearest known lärcentrum.';
COMMENT ON COLUMN access_vs_attainment.distance_km_to_nearest IS 'Great-circle km to the nearest *known* lärcentrum; 0 when the kommun has one.';
COMMENT ON COLUMN access_vs_attainment.evidence IS 'named_centre | network | none_known: see municipality_access.evidence.';
COMMENT ON COLUMN access_vs_attainment.evidence_source_url IS 'The page the grade rests on.';
COMMENT ON COLUMN access_vs_attainment.evidence_year IS 'Year of that source.';
COMMENT ON COLUMN access_vs_attainment.has_known_larcentrum IS 'A lärcentrum is known in the kommun: a named centre OR kommun-level evidence (see municipality_access.has_known_larcentrum). NOT has_known_larcentrum = no centre known at all.';
