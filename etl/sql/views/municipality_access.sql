-- How close each kommun is to a lärcentrum: 0 km when it has one, else the great-circle
-- distance from its representative point to the nearest centre.
CREATE VIEW municipality_access AS
WITH kommuner AS (
    SELECT r.region_code, r.region_name, r.county_code, p.latitude, p.longitude
    FROM region AS r
    JOIN municipality_point AS p USING (region_code)
    WHERE r.region_level = 'municipality'
),
own AS (
    SELECT kommun_code AS region_code, count(*) AS larcentrum_count, min(name) AS first_name
    FROM larcentrum
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
       CASE WHEN o.larcentrum_count > 0 THEN 0.0 ELSE n.km END AS distance_km_to_nearest
FROM kommuner AS k
LEFT JOIN own AS o USING (region_code)
LEFT JOIN nearest AS n USING (region_code);

COMMENT ON VIEW municipality_access IS 'Per kommun: does it have a lärcentrum, how many, and the distance to the nearest (0 when it has one).';
COMMENT ON COLUMN municipality_access.region_code IS 'Kommun code.';
COMMENT ON COLUMN municipality_access.region_name IS 'Kommun name.';
COMMENT ON COLUMN municipality_access.county_code IS 'County (län) code.';
COMMENT ON COLUMN municipality_access.has_larcentrum IS 'At least one lärcentrum in the kommun.';
COMMENT ON COLUMN municipality_access.larcentrum_count IS 'Number of lärcentrum in the kommun.';
COMMENT ON COLUMN municipality_access.nearest_larcentrum IS 'The kommun''s own centre, else the nearest one (NULL when the list is empty).';
COMMENT ON COLUMN municipality_access.distance_km_to_nearest IS 'Great-circle km from the kommun''s representative point to the nearest centre; 0 when the kommun has one.';
