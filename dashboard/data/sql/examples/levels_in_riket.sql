-- Persons 25-64 by education level in riket, with SCB's labels
SELECT f.year, l.label_sv, CAST(sum(f.persons) AS BIGINT) AS persons
FROM population_education AS f
JOIN education_level AS l USING (level_code)
WHERE f.region_code = '00' AND f.age_group = '25-64'
GROUP BY ALL
ORDER BY f.year, any_value(l.sort_order);
