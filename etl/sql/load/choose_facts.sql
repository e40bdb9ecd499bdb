-- One row per cell: where sources overlap, the one with the highest priority (the newest SCB
-- API response over offline files) wins. The checks have already compared the others.
INSERT INTO population_education
SELECT year, region_code, age_group, sex, level_code, persons, source_id, derivation
FROM staging_facts
QUALIFY row_number() OVER (
    PARTITION BY year, region_code, age_group, sex, level_code
    ORDER BY priority DESC, source_id
) = 1
ORDER BY year, region_code, age_group, sex, level_code;
