-- Every fact row of every source before precedence is applied; the database keeps one row per
-- cell (see choose_facts.sql), but the cross-source checks need to see all of them.
CREATE TEMP TABLE staging_facts (
    year        INTEGER NOT NULL,
    region_code VARCHAR NOT NULL,
    age_group   VARCHAR NOT NULL,
    sex         VARCHAR NOT NULL,
    level_code  VARCHAR NOT NULL,
    persons     BIGINT  NOT NULL,
    source_id   VARCHAR NOT NULL,
    dataset_id  VARCHAR NOT NULL,
    priority    INTEGER NOT NULL,
    derivation  VARCHAR NOT NULL
);

-- The regions each dataset's publication had (the offline code list, the API's metadata);
-- a dataset not listed here is expected to have every region of the database.
CREATE TEMP TABLE expected_region (
    dataset_id  VARCHAR NOT NULL,
    region_code VARCHAR NOT NULL
);

-- How far a published total may differ from the sum of its published parts. Exact before SCB's
-- noise (from reference year 2025: "totals are not always equal to the sum of their parts");
-- after it, a few persons per part or 0.5 % of the total, whichever is larger.
CREATE TEMP MACRO allowed_difference(year, n_parts, total, noise_from_year) AS
    CASE WHEN year >= noise_from_year THEN greatest(3 * n_parts, 0.005 * total) ELSE 0 END;
