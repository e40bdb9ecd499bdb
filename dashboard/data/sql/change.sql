-- Each region's value and rank among the regions compared in two years (the ranked table's rows
-- of both years read once, then joined with themselves on region), for one age group, measure,
-- definition and value shown ($show: women | men | total | gap; $ranks: rank | county_rank |
-- kommungrupp_rank); the regions of one level (optionally one län), and riket; largest change first.
WITH two_years AS (
    SELECT region_code, region_name, region_level, county_code, kommungrupp_code, year,
           CASE $show WHEN 'women' THEN women_share WHEN 'men' THEN men_share
                      WHEN 'total' THEN total_share ELSE gap_pp END AS value,
           CASE $ranks
             WHEN 'county_rank' THEN CASE $show WHEN 'women' THEN county_rank_women
                 WHEN 'men' THEN county_rank_men WHEN 'total' THEN county_rank_total
                 ELSE county_rank_gap END
             WHEN 'kommungrupp_rank' THEN CASE $show WHEN 'women' THEN kommungrupp_rank_women
                 WHEN 'men' THEN kommungrupp_rank_men WHEN 'total' THEN kommungrupp_rank_total
                 ELSE kommungrupp_rank_gap END
             ELSE CASE $show WHEN 'women' THEN rank_women WHEN 'men' THEN rank_men
                 WHEN 'total' THEN rank_total ELSE rank_gap END
           END AS rank,
           source_table, scb_updated
    FROM gender_gap_by_definition
    WHERE year IN ($from_year, $to_year) AND age_group = $age_group AND measure = $measure
      AND definition = $definition
      AND (region_code = '00'
           OR (region_level = $level AND ($county = '' OR county_code = $county)))
)
SELECT n.region_code, n.region_name, n.region_level, n.county_code, n.kommungrupp_code,
       f.value AS value_then, n.value AS value_now, n.value - f.value AS change,
       f.rank AS rank_then, n.rank AS rank_now,
       n.source_table, n.scb_updated, f.source_table AS source_table_then,
       f.scb_updated AS scb_updated_then
FROM two_years AS n
JOIN two_years AS f ON f.region_code = n.region_code AND f.year = $from_year
WHERE n.year = $to_year
ORDER BY n.region_level = 'country' DESC, change DESC NULLS LAST, n.region_code;
