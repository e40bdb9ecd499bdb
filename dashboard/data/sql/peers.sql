-- Regions of one level (optionally within one län) for a year, age group and measure, plus riket.
SELECT region_code, region_name, region_level, county_code,
       women_share, men_share, total_share, gap_pp,
       rank_women, rank_men, rank_total, rank_gap, n_regions,
       county_name, county_rank_women, county_rank_men, county_rank_total, county_rank_gap, n_in_county,
       kommungrupp_code, kommungrupp_name, kommungrupp_rank_women, kommungrupp_rank_men,
       kommungrupp_rank_total, kommungrupp_rank_gap, n_in_kommungrupp, source_table, scb_updated
FROM gender_gap_by_definition
WHERE year = $year AND age_group = $age_group AND measure = $measure AND definition = $definition
  AND (region_code = '00'
       OR (region_level = $level AND ($county = '' OR county_code = $county)))
ORDER BY region_level = 'country' DESC, women_share DESC;
