-- Each region's shares, gap and ranks in two years (the ranked table joined with itself), for
-- one age group, measure and definition; the regions of one level (optionally one län), and riket.
SELECT n.region_code, n.region_name, n.region_level, n.county_code, n.kommungrupp_code,
       f.women_share AS women_then, n.women_share AS women_now,
       f.men_share AS men_then, n.men_share AS men_now,
       f.total_share AS total_then, n.total_share AS total_now,
       f.gap_pp AS gap_then, n.gap_pp AS gap_now,
       f.rank_women AS rank_women_then, n.rank_women AS rank_women_now,
       f.rank_men AS rank_men_then, n.rank_men AS rank_men_now,
       f.rank_total AS rank_total_then, n.rank_total AS rank_total_now,
       f.rank_gap AS rank_gap_then, n.rank_gap AS rank_gap_now,
       f.county_rank_women AS county_rank_women_then, n.county_rank_women AS county_rank_women_now,
       f.county_rank_men AS county_rank_men_then, n.county_rank_men AS county_rank_men_now,
       f.county_rank_total AS county_rank_total_then, n.county_rank_total AS county_rank_total_now,
       f.county_rank_gap AS county_rank_gap_then, n.county_rank_gap AS county_rank_gap_now,
       f.kommungrupp_rank_women AS kommungrupp_rank_women_then,
       n.kommungrupp_rank_women AS kommungrupp_rank_women_now,
       f.kommungrupp_rank_men AS kommungrupp_rank_men_then,
       n.kommungrupp_rank_men AS kommungrupp_rank_men_now,
       f.kommungrupp_rank_total AS kommungrupp_rank_total_then,
       n.kommungrupp_rank_total AS kommungrupp_rank_total_now,
       f.kommungrupp_rank_gap AS kommungrupp_rank_gap_then,
       n.kommungrupp_rank_gap AS kommungrupp_rank_gap_now
FROM gender_gap_by_definition AS n
JOIN gender_gap_by_definition AS f
  ON f.region_code = n.region_code AND f.age_group = n.age_group
 AND f.measure = n.measure AND f.definition = n.definition AND f.year = $from_year
WHERE n.year = $to_year AND n.age_group = $age_group AND n.measure = $measure
  AND n.definition = $definition
  AND (n.region_code = '00'
       OR (n.region_level = $level AND ($county = '' OR n.county_code = $county)))
ORDER BY n.region_level = 'country' DESC, n.region_code;
