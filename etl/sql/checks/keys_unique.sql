-- No source gives the same cell twice.
SELECT format('{}: year {}, region {}, ages {}, {}, level {} appears {} times',
              dataset_id, year, region_code, age_group, sex, level_code, count(*)) AS problem
FROM staging_facts
GROUP BY dataset_id, year, region_code, age_group, sex, level_code
HAVING count(*) > 1
ORDER BY ALL;
