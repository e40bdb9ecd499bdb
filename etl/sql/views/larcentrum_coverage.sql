-- Per län: how many kommuner have a named centre, only kommun-level evidence, or nothing
-- recorded. Shown next to every count of "kommuner without a centre".
CREATE VIEW larcentrum_coverage AS
SELECT r.region_code AS county_code, r.region_name AS county_name,
       count(*) AS kommuner,
       count(*) FILTER (WHERE a.evidence = 'named_centre') AS named_centre,
       count(*) FILTER (WHERE a.evidence = 'network') AS network,
       count(*) FILTER (WHERE a.evidence = 'none_known') AS none_known
FROM municipality_access AS a
JOIN region AS r ON r.region_code = a.county_code
GROUP BY r.region_code, r.region_name
ORDER BY r.region_code;

COMMENT ON VIEW larcentrum_coverage IS 'What the lärcentrum registry knows, per län: kommuner with a named centre, with only kommun-level evidence, with nothing recorded (none_known is not "none").';
COMMENT ON COLUMN larcentrum_coverage.county_code IS 'County (län) code.';
COMMENT ON COLUMN larcentrum_coverage.county_name IS 'County name.';
COMMENT ON COLUMN larcentrum_coverage.kommuner IS 'Kommuner in the county.';
COMMENT ON COLUMN larcentrum_coverage.named_centre IS 'Kommuner where a named centre is known.';
COMMENT ON COLUMN larcentrum_coverage.network IS 'Kommuner with only kommun-level evidence (network, study location, län-wide claim).';
COMMENT ON COLUMN larcentrum_coverage.none_known IS 'Kommuner with nothing recorded: not known, not "none".';
