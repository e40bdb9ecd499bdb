-- One region's women/men/total shares, gap and ranks for every year of an age group, measure and definition.
SELECT year, region_code, region_name, region_level, county_code,
       women_share, men_share, total_share, gap_pp,
       country_women_share, country_men_share, country_total_share, country_gap_pp,
       rank_women, rank_men, rank_total, rank_gap, n_regions,
       county_name, county_rank_women, county_rank_men, county_rank_total, county_rank_gap, n_in_county,
       kommungrupp_code, kommungrupp_name, kommungrupp_rank_women, kommungrupp_rank_men,
       kommungrupp_rank_total, kommungrupp_rank_gap, n_in_kommungrupp, source_table, scb_updated
FROM gender_gap_by_definition
WHERE region_code = $region AND age_group = $age_group AND measure = $measure AND definition = $definition
ORDER BY year;
