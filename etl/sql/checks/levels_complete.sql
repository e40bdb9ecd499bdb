-- Every cell has all 8 education levels (1-7 and US).
SELECT format('{}, year {}, region {}, ages {}, {}: {} of 8 education levels ({})',
              dataset_id, year, region_code, age_group, sex, count(DISTINCT level_code),
              string_agg(DISTINCT level_code, ',' ORDER BY level_code)) AS problem
FROM staging_facts
GROUP BY dataset_id, year, region_code, age_group, sex
HAVING count(DISTINCT level_code) <> (SELECT count(*) FROM education_level)
ORDER BY ALL;
