-- Kommuner's access to a lärcentrum next to their latest 25-64 share.
SELECT region_code, region_name, county_code, year, post_secondary_share, country_share,
       below_country, has_larcentrum, nearest_larcentrum, distance_km_to_nearest
FROM access_vs_attainment
ORDER BY region_name;
