-- Lärcentrum with their kommun and county, for map markers and tables.
SELECT l.name, l.kommun_code, r.region_name AS kommun_name, r.county_code, l.locality,
       l.latitude, l.longitude, l.location_precision, l.website, l.source
FROM larcentrum AS l
JOIN region AS r ON r.region_code = l.kommun_code
ORDER BY l.name;
