-- Shares over time for chosen regions (riket always included) for an age group, measure and definition.
SELECT year, region_code, region_name, women_share, men_share, total_share, gap_pp,
       source_table, scb_updated
FROM gender_gap_by_definition
WHERE age_group = $age_group AND measure = $measure AND definition = $definition
  AND (region_code = '00' OR list_contains($regions, region_code))
ORDER BY region_code = '00' DESC, region_name, year;
