-- Region, level, sex and age-group codes are known (age groups: table age_group, "first-last").
SELECT format('{}, year {}: unknown {} {}', dataset_id, year, what, code) AS problem
FROM (
    SELECT DISTINCT dataset_id, year, 'region code' AS what, region_code AS code
    FROM staging_facts ANTI JOIN region USING (region_code)
    UNION ALL
    SELECT DISTINCT dataset_id, year, 'education level', level_code
    FROM staging_facts ANTI JOIN education_level USING (level_code)
    UNION ALL
    SELECT DISTINCT dataset_id, year, 'sex', sex
    FROM staging_facts WHERE sex NOT IN ('women', 'men')
    UNION ALL
    SELECT DISTINCT dataset_id, year, 'age group', age_group
    FROM staging_facts ANTI JOIN age_group USING (age_group)
)
ORDER BY ALL;
