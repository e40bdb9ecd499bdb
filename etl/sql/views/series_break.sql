-- Years where SCB says the series breaks, read from SCB's own notes ("Tidsseriebrott 2000",
-- "Tidsseriebrott också 1990"), so charts can mark them without a hand-kept list.
CREATE VIEW series_break AS
SELECT DISTINCT
       CAST(regexp_extract(note_text, 'Tidsseriebrott(?: också)? (\d{4})', 1) AS INTEGER) AS year,
       note_text,
       source_id
FROM scb_note
WHERE regexp_matches(note_text, 'Tidsseriebrott(?: också)? \d{4}');

COMMENT ON VIEW series_break IS 'Years where SCB notes a break in the series (compare across them with care), with SCB''s note.';
COMMENT ON COLUMN series_break.year IS 'First year of the new series.';
COMMENT ON COLUMN series_break.note_text IS 'SCB''s note about the break.';
COMMENT ON COLUMN series_break.source_id IS 'The source whose metadata carried the note.';
