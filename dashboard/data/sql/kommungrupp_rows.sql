-- One kommungrupp's women/men/total shares and gap, from the summed persons of its kommuner.
SELECT kommungrupp_code AS region_code,
       kommungrupp_code || ' ' || kommungrupp_name AS region_name,
       'kommungrupp' AS region_level,
       n_kommuner, women_share, men_share, total_share, gap_pp
FROM kommungrupp_gender_gap
WHERE kommungrupp_code = $group AND year = $year AND age_group = $age_group
  AND measure = $measure AND definition = $definition;
