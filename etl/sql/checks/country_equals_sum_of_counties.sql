-- Riket equals the sum of the 21 län (tolerance from the first noisy year, as for län).
WITH sums AS (
    SELECT f.year, f.age_group, f.sex, f.level_code, sum(f.persons) AS persons, count(*) AS n_parts
    FROM population_education AS f
    JOIN region AS r USING (region_code)
    WHERE r.region_level = 'county'
    GROUP BY ALL
)
SELECT format('year {}, ages {}, {}, level {}: riket = {} but the län sum to {}',
              c.year, c.age_group, c.sex, c.level_code, c.persons, s.persons) AS problem
FROM population_education AS c
JOIN sums AS s USING (year, age_group, sex, level_code)
WHERE c.region_code = '00'
  AND abs(c.persons - s.persons) > allowed_difference(c.year, s.n_parts, s.persons, $noise_from_year)
ORDER BY ALL;
