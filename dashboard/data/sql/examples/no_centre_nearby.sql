-- Kommuner below riket with no known lärcentrum within 30 km (evidence: what is known at all)
SELECT region_name, county_code, round(post_secondary_share, 1) AS share,
       round(country_share, 1) AS riket, nearest_larcentrum, round(distance_km_to_nearest) AS km,
       evidence
FROM access_vs_attainment
WHERE below_country AND distance_km_to_nearest > 30
ORDER BY share;
