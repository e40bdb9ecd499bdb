-- Every source has every region (21 län, 290 kommuner, riket) for each year and age group it covers.
WITH covered AS (
    SELECT DISTINCT dataset_id, year, age_group FROM staging_facts
),
missing AS (
    SELECT c.dataset_id, c.year, c.age_group, r.region_level, r.region_code
    FROM covered AS c
    CROSS JOIN region AS r
    ANTI JOIN staging_facts AS f USING (dataset_id, year, age_group, region_code)
)
SELECT format('{}, year {}, ages {}: {} {} region(s) missing ({})',
              dataset_id, year, age_group, count(*), region_level,
              string_agg(region_code, ', ' ORDER BY region_code)) AS problem
FROM missing
GROUP BY dataset_id, year, age_group, region_level
ORDER BY dataset_id, year, age_group, region_level;
