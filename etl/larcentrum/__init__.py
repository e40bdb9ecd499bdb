"""The lärcentrum registry: a sourced list of municipal learning centres, validated on import."""
