"""ETL for Utbildningsläget: SCB education statistics → validated DuckDB database."""
