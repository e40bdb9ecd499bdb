"""Production mode: several app processes behind nginx (`make serve`)."""
