-- Which years each age group has data for, newest first. Read from the materialised ranked
-- table (one row per year, region, age group, measure and definition), not the 1.6 million
-- facts: the same years, a fraction of the rows.
SELECT age_group, year
FROM (SELECT DISTINCT age_group, year FROM gender_gap_by_definition)
ORDER BY age_group, year DESC;
