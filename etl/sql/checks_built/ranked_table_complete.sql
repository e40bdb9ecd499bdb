-- The materialised gender_gap_by_definition has one row per year, region, age group, measure and definition of attainment; every grouped kommun is ranked in its kommungrupp; kommungrupp_gender_gap has every group.
WITH expected AS (
    SELECT DISTINCT year, region_code, age_group FROM attainment
),
found AS (
    SELECT year, region_code, age_group, count(*) AS n,
           count(DISTINCT (measure, definition)) AS combinations
    FROM gender_gap_by_definition
    GROUP BY ALL
),
group_sizes AS (
    -- kommuner of each group with data, against the n_in_kommungrupp the table claims
    SELECT year, age_group, measure, definition, kommungrupp_code,
           count(gap_pp) AS with_data, min(n_in_kommungrupp) AS low, max(n_in_kommungrupp) AS high,
           count(*) FILTER (WHERE gap_pp IS NOT NULL AND kommungrupp_rank_gap IS NULL) AS unranked
    FROM gender_gap_by_definition
    WHERE kommungrupp_code IS NOT NULL
    GROUP BY ALL
),
group_rows AS (
    SELECT DISTINCT year, age_group, kommungrupp_code
    FROM attainment JOIN region USING (region_code)
    WHERE kommungrupp_code IS NOT NULL AND persons > 0
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
UNION ALL
SELECT format('gender_gap_by_definition: year {}, ages {}, {} {}, kommungrupp {}: {} kommuner with data, n_in_kommungrupp {}-{}, {} unranked',
              year, age_group, measure, definition, kommungrupp_code, with_data, low, high, unranked)
FROM group_sizes
WHERE low <> with_data OR high <> with_data OR unranked > 0
UNION ALL
SELECT format('kommungrupp_gender_gap: year {}, ages {}, kommungrupp {} has {} row(s), expected 4',
              g.year, g.age_group, g.kommungrupp_code, count(k.year))
FROM group_rows AS g
LEFT JOIN kommungrupp_gender_gap AS k USING (year, age_group, kommungrupp_code)
GROUP BY g.year, g.age_group, g.kommungrupp_code
HAVING count(k.year) <> 4
ORDER BY ALL;
