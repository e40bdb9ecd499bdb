"""Files made from the database for people who read them away from the dashboard:
`python -m dashboard.publish profiles …` writes printable profiles (see `profiles`)."""
