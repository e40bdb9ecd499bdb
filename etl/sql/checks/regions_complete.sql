-- Every source has every region (21 län, 290 kommuner, riket) for each year and age group it covers.
WITH covered AS (
    SELECT DISTINCT source_id, year, age_group FROM staging_facts
),
missing AS (
    SELECT c.source_id, c.year, c.age_group, r.region_level, r.region_code
    FROM covered AS c
    CROSS JOIN region AS r
    ANTI JOIN staging_facts AS f USING (source_id, year, age_group, region_code)
)
SELECT format('{}, year {}, ages {}: {} {} region(s) missing ({})',
              source_id, year, age_group, count(*), region_level,
              string_agg(region_code, ', ' ORDER BY region_code)) AS problem
FROM missing
GROUP BY source_id, year, age_group, region_level
ORDER BY source_id, year, age_group, region_level;
