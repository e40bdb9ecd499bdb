-- The materialised gender_gap_by_definition has one row per year, region, age group, measure and definition of attainment.
WITH expected AS (
    SELECT DISTINCT year, region_code, age_group FROM attainment
),
found AS (
    SELECT year, region_code, age_group, count(*) AS n,
           count(DISTINCT (measure, definition)) AS combinations
    FROM gender_gap_by_definition
    GROUP BY ALL
)
SELECT format('gender_gap_by_definition: year {}, region {}, ages {} has {} row(s) for {} measure/definition pair(s), expected 4',
              e.year, e.region_code, e.age_group, coalesce(f.n, 0), coalesce(f.combinations, 0)) AS problem
FROM expected AS e
LEFT JOIN found AS f USING (year, region_code, age_group)
WHERE coalesce(f.n, 0) <> 4 OR coalesce(f.combinations, 0) <> 4
UNION ALL
SELECT format('gender_gap_by_definition: year {}, region {}, ages {} is not in attainment', year, region_code, age_group)
FROM found
ANTI JOIN expected USING (year, region_code, age_group)
ORDER BY ALL;
