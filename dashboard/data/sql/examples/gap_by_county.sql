-- Gender gap per county, latest year with ages 25-64
SELECT region_name, round(women_share, 1) AS women, round(men_share, 1) AS men,
       round(gap_pp, 1) AS gap_pp, rank_gap
FROM gender_gap
WHERE age_group = '25-64' AND region_level = 'county'
  AND year = (SELECT max(year) FROM gender_gap WHERE age_group = '25-64')
ORDER BY gap_pp DESC;
