-- Chosen regions side by side for one year, age group and measure, in the order chosen.
SELECT region_code, region_name, region_level, women_share, men_share, total_share, gap_pp,
       rank_women, rank_men, rank_total, rank_gap, n_regions, source_table, scb_updated
FROM gender_gap_by_definition
WHERE year = $year AND age_group = $age_group AND measure = $measure AND definition = $definition
  AND list_contains($regions, region_code)
ORDER BY list_position($regions, region_code);
