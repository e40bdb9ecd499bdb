-- How close each kommun is to a *known* lärcentrum, and what we know at all: a named centre,
-- only kommun-level evidence (a network, a län-wide claim), or nothing recorded. Absence of
-- evidence is "none known", never "none": 161 kommuner had a lärcentrum in 2002.
CREATE VIEW municipality_access AS
WITH kommuner AS (
    SELECT r.region_code, r.region_name, r.county_code, p.latitude, p.longitude
    FROM region AS r
    JOIN municipality_point AS p USING (region_code)
    WHERE r.region_level = 'municipality'
),
own AS (
    SELECT kommun_code AS region_code, count(*) AS larcentrum_count, min(name) AS first_name,
           -- the best-sourced centre: highest confidence, then the newest evidence
           arg_min(source_url, CASE confidence WHEN 'high' THEN 0 WHEN 'medium' THEN 1 WHEN 'low' THEN 2 ELSE 3 END * 10000 - coalesce(try_cast(left(evidence_year, 4) AS INTEGER), 0)) AS source_url,
           arg_min(evidence_year, CASE confidence WHEN 'high' THEN 0 WHEN 'medium' THEN 1 WHEN 'low' THEN 2 ELSE 3 END * 10000 - coalesce(try_cast(left(evidence_year, 4) AS INTEGER), 0)) AS evidence_year
    FROM larcentrum
    GROUP BY kommun_code
),
network AS (
    SELECT kommun_code AS region_code,
           arg_max(source_url, coalesce(try_cast(left(year, 4) AS INTEGER), 0)) AS source_url,
           arg_max(year, coalesce(try_cast(left(year, 4) AS INTEGER), 0)) AS evidence_year
    FROM larcentrum_kommun_evidence
    GROUP BY kommun_code
),
nearest AS (
    SELECT k.region_code,
           arg_min(l.name, great_circle_km(k.latitude, k.longitude, l.latitude, l.longitude)) AS name,
           min(great_circle_km(k.latitude, k.longitude, l.latitude, l.longitude)) AS km
    FROM kommuner AS k
    CROSS JOIN larcentrum AS l
    GROUP BY k.region_code
)
SELECT k.region_code, k.region_name, k.county_code,
       coalesce(o.larcentrum_count, 0) > 0 AS has_larcentrum,
       coalesce(o.larcentrum_count, 0) AS larcentrum_count,
       coalesce(o.first_name, n.name) AS nearest_larcentrum,
       CASE WHEN o.larcentrum_count > 0 THEN 0.0 ELSE n.km END AS distance_km_to_nearest,
       CASE WHEN o.larcentrum_count > 0 THEN 'named_centre'
            WHEN w.region_code IS NOT NULL THEN 'network'
            ELSE 'none_known' END AS evidence,
       coalesce(o.source_url, w.source_url) AS evidence_source_url,
       coalesce(o.evidence_year, w.evidence_year) AS evidence_year,
       -- schema v4: appended
       coalesce(o.larcentrum_count, 0) > 0 OR w.region_code IS NOT NULL AS has_known_larcentrum
FROM kommuner AS k
LEFT JOIN own AS o USING (region_code)
LEFT JOIN network AS w USING (region_code)
LEFT JOIN nearest AS n USING (region_code);

COMMENT ON VIEW municipality_access IS 'Per kommun: what is known about a lärcentrum there (evidence), how many named centres, and the distance to the nearest known centre. A kommun with evidence = none_known may well have one: no national register exists.';
COMMENT ON COLUMN municipality_access.region_code IS 'Kommun code.';
COMMENT ON COLUMN municipality_access.region_name IS 'Kommun name.';
COMMENT ON COLUMN municipality_access.county_code IS 'County (län) code.';
COMMENT ON COLUMN municipality_access.has_larcentrum IS 'At least one named lärcentrum is known in the kommun (false means no named one is known, not none exists; see has_known_larcentrum for kommun-level evidence too).';
COMMENT ON COLUMN municipality_access.larcentrum_count IS 'Number of known, named lärcentrum in the kommun.';
COMMENT ON COLUMN municipality_access.nearest_larcentrum IS 'The kommun''s own known centre, else the nearest known one (NULL when the registry is empty).';
COMMENT ON COLUMN municipality_access.distance_km_to_nearest IS 'Great-circle km from the kommun''s representative point to the nearest *known* centre; 0 when the kommun has one. An unrecorded centre nearer by is not counted.';
COMMENT ON COLUMN municipality_access.evidence IS 'named_centre (a named centre is known) | network (only kommun-level evidence: network membership, a study location, the Jämtland län-wide claim) | none_known (nothing recorded: not known, not "none").';
COMMENT ON COLUMN municipality_access.evidence_source_url IS 'The page the grade rests on: the best-sourced centre''s, else the newest kommun-level claim''s; NULL for none_known.';
COMMENT ON COLUMN municipality_access.evidence_year IS 'Year of that source (as the evidence states it, e.g. 2024, 2019+, undated).';
COMMENT ON COLUMN municipality_access.has_known_larcentrum IS 'A lärcentrum is known in the kommun by any evidence: a named centre (has_larcentrum) OR kommun-level evidence (evidence = network). Use it, not has_larcentrum, to count kommuner with no known centre; false still means not known, not none.';
