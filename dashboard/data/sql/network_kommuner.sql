-- Kommuner with only kommun-level lärcentrum evidence (a network, a län-wide claim), at their
-- representative point, with the newest claim's source: drawn apart from named centres.
SELECT a.region_code, a.region_name AS kommun_name, a.county_code, p.latitude, p.longitude,
       a.evidence_source_url AS source_url, a.evidence_year,
       (SELECT string_agg(DISTINCT coalesce(e.network, e.evidence_type), '; ')
        FROM larcentrum_kommun_evidence AS e WHERE e.kommun_code = a.region_code) AS networks
FROM municipality_access AS a
JOIN municipality_point AS p USING (region_code)
WHERE a.evidence = 'network'
ORDER BY a.region_name;
