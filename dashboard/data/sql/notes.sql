-- SCB's notes, mandatory first, each text once.
SELECT scope, variable, value_code, bool_or(mandatory) AS mandatory, note_text
FROM scb_note
GROUP BY scope, variable, value_code, note_text
ORDER BY mandatory DESC, scope, value_code NULLS FIRST, note_text;
