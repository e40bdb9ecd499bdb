-- Each län equals the sum of its kommuner. From the first noisy year SCB's published totals may
-- differ slightly from the sum of the published parts, so a small tolerance applies there.
WITH sums AS (
    SELECT f.year, r.county_code, f.age_group, f.sex, f.level_code,
           sum(f.persons) AS persons, count(*) AS n_parts
    FROM population_education AS f
    JOIN region AS r USING (region_code)
    WHERE r.region_level = 'municipality'
    GROUP BY ALL
)
SELECT format('year {}, län {}, ages {}, {}, level {}: län = {} but its kommuner sum to {}',
              c.year, c.region_code, c.age_group, c.sex, c.level_code, c.persons, s.persons) AS problem
FROM population_education AS c
JOIN sums AS s
  ON s.year = c.year AND s.county_code = c.region_code AND s.age_group = c.age_group
 AND s.sex = c.sex AND s.level_code = c.level_code
WHERE abs(c.persons - s.persons) > allowed_difference(c.year, s.n_parts, s.persons, $noise_from_year)
ORDER BY ALL;
