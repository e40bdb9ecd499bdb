-- Every dataset has every region its publication had (riket, 21 län, 290 kommuner) for each year and age group.
WITH covered AS (
    SELECT DISTINCT dataset_id, year, age_group FROM staging_facts
),
expected AS (
    SELECT c.dataset_id, c.year, c.age_group, r.region_level, r.region_code
    FROM covered AS c
    CROSS JOIN region AS r
    WHERE r.region_code IN (SELECT region_code FROM expected_region AS e WHERE e.dataset_id = c.dataset_id)
       OR c.dataset_id NOT IN (SELECT dataset_id FROM expected_region)
),
missing AS (
    SELECT * FROM expected
    ANTI JOIN staging_facts AS f USING (dataset_id, year, age_group, region_code)
)
SELECT format('{}, year {}, ages {}: {} {} region(s) missing ({})',
              dataset_id, year, age_group, count(*), region_level,
              string_agg(region_code, ', ' ORDER BY region_code)) AS problem
FROM missing
GROUP BY dataset_id, year, age_group, region_level
ORDER BY dataset_id, year, age_group, region_level;
