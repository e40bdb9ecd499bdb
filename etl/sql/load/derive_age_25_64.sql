-- 25-64, the age group of the standard measure (Kolada N01982), as the sum of the four 10-year
-- groups, wherever a source has all four and did not publish 25-64 itself.
INSERT INTO staging_facts
WITH ten_year_groups AS (
    SELECT year, region_code, sex, level_code, source_id, dataset_id, priority, derivation,
           sum(persons) AS persons,
           count(*) AS n_groups
    FROM staging_facts
    WHERE age_group IN ('25-34', '35-44', '45-54', '55-64')
    GROUP BY ALL
),
published_25_64 AS (
    SELECT DISTINCT source_id, year FROM staging_facts WHERE age_group = '25-64'
)
SELECT g.year, g.region_code, '25-64' AS age_group, g.sex, g.level_code, g.persons,
       g.source_id, g.dataset_id, g.priority,
       CASE g.derivation WHEN 'published' THEN 'sum_of_age_groups'
                         ELSE 'sum_of_age_groups_and_municipalities' END AS derivation
FROM ten_year_groups AS g
ANTI JOIN published_25_64 AS p USING (source_id, year)
WHERE g.n_groups = 4;
