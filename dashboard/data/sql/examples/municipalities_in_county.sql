-- Kommuner in Södermanland, women and men, ages 16-74, every year
SELECT year, region_name, round(women_share, 1) AS women, round(men_share, 1) AS men
FROM gender_gap
WHERE county_code = '04' AND region_level = 'municipality' AND age_group = '16-74'
ORDER BY region_name, year;
