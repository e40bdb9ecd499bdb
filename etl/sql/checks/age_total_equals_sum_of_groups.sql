-- Ages 16-74 equal the sum of the six 10-year groups wherever both are loaded.
WITH sums AS (
    SELECT year, region_code, sex, level_code, sum(persons) AS persons, count(*) AS n_parts
    FROM population_education
    WHERE age_group IN ('16-24', '25-34', '35-44', '45-54', '55-64', '65-74')
    GROUP BY ALL
    HAVING count(*) = 6
)
SELECT format('year {}, region {}, {}, level {}: ages 16-74 = {} but the 10-year groups sum to {}',
              t.year, t.region_code, t.sex, t.level_code, t.persons, s.persons) AS problem
FROM population_education AS t
JOIN sums AS s USING (year, region_code, sex, level_code)
WHERE t.age_group = '16-74'
  AND abs(t.persons - s.persons) > allowed_difference(t.year, s.n_parts, s.persons, $noise_from_year)
ORDER BY ALL;
