-- Women's, men's and total share per län for one year, age group and measure, with riket.
SELECT region_code, region_name, region_level,
       women_share, men_share, total_share, gap_pp,
       rank_women, rank_men, rank_total, rank_gap, n_regions
FROM gender_gap_by_measure
WHERE year = $year AND age_group = $age_group AND measure = $measure
  AND region_level IN ('county', 'country')
ORDER BY region_level = 'country' DESC, women_share DESC;
