"""Readers of raw SCB inputs. Each returns plain data (polars frames, records); none writes."""
