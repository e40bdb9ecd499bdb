-- What the registry knows per län: named centre, kommun-level evidence only, none known.
SELECT county_code, county_name, kommuner, named_centre, network, none_known
FROM larcentrum_coverage
ORDER BY county_code;
