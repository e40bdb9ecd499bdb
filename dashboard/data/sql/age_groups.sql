-- One region, its län (for a kommun) and riket under every age group of one year, measure and
-- definition: totals and 10-year groups, ordered by the age_group table's own order.
SELECT region_code, region_name, region_level, county_code, age_group, age_order,
       women_share, men_share, total_share, gap_pp,
       rank_gap, n_regions, county_rank_gap, n_in_county, source_table, scb_updated
FROM gender_gap_by_definition
WHERE year = $year AND measure = $measure AND definition = $definition
  AND (region_code = '00' OR region_code = $region OR region_code = $county)
ORDER BY region_code = $region DESC, region_level = 'country', age_order;
