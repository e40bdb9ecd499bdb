-- One region and year under every definition, measure and age group the data has (the totals
-- 25-64 and 16-74 first, then the 10-year groups by age): what Kolada, SCB-style charts and the
-- 16-74 series would each publish, and what each age group shows; and the unknown level's share.
SELECT g.age_group, g.measure, g.definition,
       g.women_share, g.men_share, g.total_share, g.gap_pp,
       100.0 - 100.0 * w.known_level_persons / nullif(w.persons, 0) AS women_unknown_share,
       100.0 - 100.0 * m.known_level_persons / nullif(m.persons, 0) AS men_unknown_share,
       g.source_table, g.scb_updated
FROM gender_gap_by_definition AS g
JOIN attainment AS w
  ON w.year = g.year AND w.region_code = g.region_code AND w.age_group = g.age_group AND w.sex = 'women'
JOIN attainment AS m
  ON m.year = g.year AND m.region_code = g.region_code AND m.age_group = g.age_group AND m.sex = 'men'
WHERE g.region_code = $region AND g.year = $year
ORDER BY g.age_group = '25-64' DESC, g.age_group = '16-74' DESC, g.age_order, g.measure,
         g.definition DESC;
