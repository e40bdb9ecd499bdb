-- Every figure of one region (any year, age group, measure, definition) within ±1 of a typed
-- value: the gap in points, each share, and women's share relative to men's (in per cent).
-- A quoted figure is usually a gender gap, so gaps come first, then relative differences,
-- then shares; nearest first within each.
WITH figures AS (
    SELECT year, age_group, age_order, measure, definition, women_share, men_share, gap_pp,
           source_table,
           unnest(['gap', 'women', 'men', 'total', 'relative']) AS kind,
           unnest([gap_pp, women_share, men_share, total_share,
                   100.0 * (women_share / nullif(men_share, 0) - 1)]) AS value
    FROM gender_gap_by_definition
    WHERE region_code = $region
)
SELECT kind, value, abs(value - $value) AS distance, year, age_group, age_order, measure,
       definition, women_share, men_share, gap_pp, source_table
FROM figures
WHERE abs(value - $value) <= 1
ORDER BY kind <> 'gap', kind <> 'relative', distance, year DESC, age_order, measure, definition DESC, kind;
