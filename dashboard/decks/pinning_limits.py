"""How large a deck file may be: shared by the page, the CLI and the parse worker."""

#: Pinned files hold a few KB per slide; this leaves room for 40 slides of 290 kommuner.
MAX_FILE_BYTES = 5 * 1024**2
