-- Which years each age group has data for, newest first.
SELECT age_group, year
FROM (SELECT DISTINCT age_group, year FROM population_education)
ORDER BY age_group, year DESC;
