-- Counts are non-negative whole numbers (the readers refuse anything that is not an integer).
SELECT format('{}, year {}, region {}, ages {}, {}, level {}: persons = {}',
              dataset_id, year, region_code, age_group, sex, level_code, persons) AS problem
FROM staging_facts
WHERE persons < 0
ORDER BY ALL;
