-- Every region for pickers: riket first, then län, then kommuner, each alphabetically.
SELECT region_code, region_name, region_level, county_code, kommungrupp_code, kommungrupp_name
FROM region
ORDER BY CASE region_level WHEN 'country' THEN 0 WHEN 'county' THEN 1 ELSE 2 END, region_name;
