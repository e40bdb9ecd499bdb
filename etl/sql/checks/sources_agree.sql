-- Where two sources give the same cell (e.g. 2019, ages 16-74 in TAB3981 and in the sum of
-- UtbBefRegionR's age groups, or an API response and an offline file), they agree exactly.
WITH ages_16_74_from_groups AS (
    SELECT year, region_code, '16-74' AS age_group, sex, level_code,
           sum(persons) AS persons, dataset_id || ' (sum of 10-year groups)' AS dataset_id
    FROM staging_facts
    WHERE age_group IN ('16-24', '25-34', '35-44', '45-54', '55-64', '65-74')
      AND derivation = 'published'
      -- from the first noisy year a published total is not the exact sum of its parts;
      -- age_total_equals_sum_of_groups checks those years with a tolerance
      AND year < $noise_from_year
    GROUP BY year, region_code, sex, level_code, dataset_id
    HAVING count(*) = 6
),
all_cells AS (
    SELECT year, region_code, age_group, sex, level_code, persons, dataset_id
    FROM staging_facts WHERE derivation = 'published'
    UNION ALL
    SELECT * FROM ages_16_74_from_groups
)
SELECT format('year {}, region {}, ages {}, {}, level {}: {} = {} but {} = {}',
              a.year, a.region_code, a.age_group, a.sex, a.level_code,
              a.dataset_id, a.persons, b.dataset_id, b.persons) AS problem
FROM all_cells AS a
JOIN all_cells AS b
  ON a.year = b.year AND a.region_code = b.region_code AND a.age_group = b.age_group
 AND a.sex = b.sex AND a.level_code = b.level_code AND a.dataset_id < b.dataset_id
WHERE a.persons <> b.persons
ORDER BY ALL;
