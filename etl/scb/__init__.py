"""Live data from SCB's PxWeb API v2: transport, query planning, raw store and refresh."""
