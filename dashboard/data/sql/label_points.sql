-- A point inside every kommun (where its name is written on a map picture).
SELECT region_code, longitude, latitude FROM municipality_point ORDER BY region_code;
