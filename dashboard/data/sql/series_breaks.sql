-- Years where SCB notes a break in the series.
SELECT DISTINCT year FROM series_break ORDER BY year;
