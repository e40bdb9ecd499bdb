"""A data request SCB refused, explained: drift in SCB's metadata named as such, else a retry hint.

Apart from the refresh loop because it asks SCB again (fresh metadata) and knows how to word
each dimension; the refresh only needs to know that a refusal gets explained.
"""

from __future__ import annotations

from typing import Any

from etl.scb.plan import TABLE_ID
from etl.scb.transport import RetryPolicy, ScbError, with_retries
from etl.sources import jsonstat2


def explain_refusal(
    api: Any, body: dict[str, Any], where: str, exc: ScbError, policy: RetryPolicy
) -> ScbError:
    """A refused data request, named as drift when SCB's metadata no longer has what we asked
    for (SCB answers "400 Bad Request" for a region or year it has withdrawn)."""
    try:
        fresh = with_retries(
            lambda: api.get_table_metadata(TABLE_ID), policy, f"{TABLE_ID} metadata"
        )
    except ScbError:
        return exc
    gone = []
    for selection in body.get("selection", []):
        dimension = selection["variableCode"]
        if dimension not in fresh.get("id", []) or selection.get("codelist"):
            continue  # codelist values (age groups) are checked against the codelist, not here
        published = set(jsonstat2.category_codes(fresh, dimension))
        missing = [c for c in selection["valueCodes"] if c not in published]
        if missing:
            gone.append(f"{_DIMENSION_WORDS.get(dimension, dimension)} {', '.join(missing[:10])}")
    if not gone:
        return ScbError(
            f"{where}: SCB refused the request ({exc.status}), although it matches the table's "
            "published metadata; try again later"
        )
    return ScbError(
        f"metadata drift: {TABLE_ID} no longer has {'; '.join(gone)} (SCB refused {where} with "
        f"{exc.status}); nothing was changed"
    )


_DIMENSION_WORDS = {"Region": "region", "Tid": "year", "UtbildningsNiva": "education level"}
