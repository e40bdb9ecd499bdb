"""Decks of saved views: the model and its files (`model`), share links (`link`), pinned numbers
checked against the database (`pinning`), drawing a slide (`render`) and its generated
headline (`headlines`). No Streamlit here: the slide view, the PPTX export and the tests all
use these modules."""
