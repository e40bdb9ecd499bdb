"""Every view outside the live app, over plain HTTP in the app's own process: export files
(`/export/<page>.<format>`), embeds for other sites (`/inbaddning/<page>`), and the routes'
guards (validation, pinning, caching headers, a bounded renderer). No Streamlit session, no
websocket: a request names a view by its URL, as a page link does, and gets it rendered.
"""
