-- Every cell has both sexes (SCB publishes no total; total = women + men).
SELECT format('{}, year {}, region {}, ages {}, level {}: only {}',
              dataset_id, year, region_code, age_group, level_code,
              string_agg(DISTINCT sex, ',')) AS problem
FROM staging_facts
GROUP BY dataset_id, year, region_code, age_group, level_code
HAVING count(DISTINCT sex) <> 2
ORDER BY ALL;
