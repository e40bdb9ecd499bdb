-- Known lärcentrum with their kommun, county and evidence, for map markers and tables.
SELECT l.name, l.kommun_code, r.region_name AS kommun_name, r.county_code, l.locality,
       l.latitude, l.longitude, l.location_precision, l.website, l.source,
       l.address, l.kind, l.evidence_year, coalesce(l.confidence, 'listed') AS confidence,
       l.source_url, l.origin
FROM larcentrum AS l
JOIN region AS r ON r.region_code = l.kommun_code
ORDER BY l.name;
