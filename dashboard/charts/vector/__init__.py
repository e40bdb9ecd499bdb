"""Charts for print, drawn as plain SVG by this package: the printable profile's bars,
dumbbells, trend lines and the län's map.

Why not Plotly: a Plotly figure becomes SVG only through kaleido and a headless Chromium,
0.25–0.3 s per chart, and a profile has five; 312 profiles must take minutes, not half an hour.
These charts take milliseconds, stay vector in the PDF and the HTML alike, and tell women, men
and riket apart by marker shape and dash as well as colour, so they survive a greyscale
printer. They read a view's result and nothing else (the map's outlines excepted, which are
geometry, not numbers).
"""
