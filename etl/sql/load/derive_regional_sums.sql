-- Län and riket as sums of their kommuner, for datasets that hold kommuner only (the offline
-- files). Datasets that publish län and riket themselves (the API) keep SCB's figures.
INSERT INTO staging_facts
WITH municipality_only AS (
    SELECT dataset_id, year, age_group
    FROM staging_facts AS f
    JOIN region AS r USING (region_code)
    GROUP BY ALL
    HAVING bool_and(r.region_level = 'municipality')
),
kommun_rows AS (
    SELECT f.*, r.county_code
    FROM staging_facts AS f
    JOIN region AS r USING (region_code)
    SEMI JOIN municipality_only AS m USING (dataset_id, year, age_group)
),
summed AS (
    SELECT year, county_code AS region_code, age_group, sex, level_code, persons, source_id, dataset_id, priority, derivation
    FROM kommun_rows
    UNION ALL
    SELECT year, '00' AS region_code, age_group, sex, level_code, persons, source_id, dataset_id, priority, derivation
    FROM kommun_rows
)
SELECT year, region_code, age_group, sex, level_code, sum(persons) AS persons,
       min(source_id) AS source_id, dataset_id, max(priority) AS priority,
       CASE any_value(derivation) WHEN 'published' THEN 'sum_of_municipalities'
                                  ELSE 'sum_of_age_groups_and_municipalities' END AS derivation
FROM summed
GROUP BY year, region_code, age_group, sex, level_code, dataset_id;
