"""The curation API: corrections of the record with their audit trail (store/curation.py).

Listing and reading corrections is a read; making, undoing and importing them needs the
write token. A correction that cannot be made (unknown id, bad date, unknown thread) is a 422
with the reason.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import PlainTextResponse
from pydantic import BaseModel, ConfigDict, Field

from ..store.curation import KINDS, CorrectionError
from .routes import MAX_LIMIT, IdPath, StoreDep
from .security import require_read, require_write

router = APIRouter(prefix="/api/corrections", dependencies=[Depends(require_read)], tags=["curation"])
Kind = Literal["merge_people", "split_person", "merge_orgs", "split_org", "merge_events", "split_event",
               "reject_event", "set_date", "correct_statement", "reject_statement", "reject_thread", "add_thread"]
Id = Annotated[str, Field(min_length=1, max_length=300)]
assert set(KINDS) == set(Kind.__args__)  # type: ignore[attr-defined]


class CorrectionIn(BaseModel):
    """One correction: its kind, why, who, and the current ids it is about (the fields its kind needs)."""

    model_config = ConfigDict(extra="forbid")
    kind: Kind
    why: str = Field(min_length=1, max_length=2000, description="Why the record is wrong")
    who: str | None = Field(None, min_length=1, max_length=200, description="Who corrects it (default: api)")
    people: list[Id] | None = Field(None, max_length=50, description="merge_people: the person kept first")
    person: Id | None = Field(None, description="split_person: the person split")
    orgs: list[Id] | None = Field(None, max_length=50, description="merge_orgs: the organization kept first")
    org: Id | None = Field(None, description="split_org: the organization split")
    events: list[Id] | None = Field(None, max_length=50, description="merge_events: the event kept first")
    event: Id | None = Field(None, description="split_event, reject_event, set_date: the event")
    articles: list[Id] | None = Field(None, max_length=200, description="split_event: the reports that move; split_org: only in these articles")
    article: Id | None = Field(None, description="set_date: the article whose publication date is set")
    statement: Id | None = Field(None, description="set_date, correct_statement, reject_*, add_thread")
    names: list[Annotated[str, Field(min_length=1, max_length=300)]] | None = Field(
        None, max_length=50, description="split_person, split_org: the names that are someone else")
    name: str | None = Field(None, min_length=1, max_length=300, description="A name for the merged or new record")
    date: str | None = Field(None, max_length=10, description="set_date: YYYY, YYYY-MM or YYYY-MM-DD; null clears")
    actor: str | None = Field(None, min_length=1, max_length=300, description="correct_statement: the actor")
    act: Literal["request", "propose", "commit", "agree", "welcome", "inform"] | None = None
    side: Literal["VN", "US", "OTHER"] | None = None
    thread: str | None = Field(None, pattern=r"^[A-Za-z0-9_]{1,64}$", description="reject_thread, add_thread")


class UndoIn(BaseModel):
    """Why a correction is undone, and by whom."""

    model_config = ConfigDict(extra="forbid")
    why: str = Field("undo", min_length=1, max_length=2000)
    who: str | None = Field(None, min_length=1, max_length=200)


@router.get("", summary="Corrections, newest first: who, when, why, what, and whether each still applies")
def list_corrections(store: StoreDep,
                     status: Literal["applied", "orphaned", "undone", "undo"] | None = None,
                     kind: Kind | None = None,
                     ref: Annotated[str | None, Query(min_length=1, max_length=300,
                                                      description="Only those touching this record")] = None,
                     limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = 50,
                     offset: Annotated[int, Query(ge=0, le=1_000_000_000)] = 0) -> dict[str, Any]:
    """List corrections."""
    data = store.corrections(status=status, kind=kind, ref=ref, limit=limit, offset=offset)
    return {**data, "limit": limit, "offset": offset}


@router.get("/export", summary="Every correction and undo as JSON Lines", response_class=PlainTextResponse)
def export_corrections(store: StoreDep) -> PlainTextResponse:
    """Export the corrections."""
    body = "".join(line + "\n" for line in store.export_corrections())
    return PlainTextResponse(body, media_type="application/x-ndjson")


@router.get("/{correction_id}", summary="One correction")
def get_correction(store: StoreDep, correction_id: IdPath) -> dict[str, Any]:
    """One correction, or 404."""
    row = store.correction(correction_id)
    if row is None:
        raise HTTPException(404, f"no correction {correction_id!r}")
    return row


@router.post("", status_code=201, dependencies=[Depends(require_write)],
             summary="Make a correction and apply it (bearer token required)",
             responses={401: {"description": "Missing or wrong token"},
                        422: {"description": "Invalid body, or the correction cannot be made"}})
def post_correction(store: StoreDep, body: CorrectionIn) -> dict[str, Any]:
    """Record and apply one correction."""
    params = body.model_dump(exclude={"kind", "why", "who"}, exclude_none=True)
    if body.kind == "set_date" and "date" not in body.model_fields_set:
        raise HTTPException(422, "set_date needs a date (null clears it)")
    try:
        return store.correct(body.kind, params, why=body.why, who=body.who or "api")
    except CorrectionError as exc:
        raise HTTPException(422, str(exc)) from exc


@router.post("/{correction_id}/undo", status_code=201, dependencies=[Depends(require_write)],
             summary="Undo a correction (the undo is a row too; bearer token required)")
def undo_correction(store: StoreDep, correction_id: IdPath, body: UndoIn | None = None) -> dict[str, Any]:
    """Undo one correction."""
    body = body or UndoIn()
    try:
        return store.undo_correction(correction_id, why=body.why, who=body.who or "api")
    except CorrectionError as exc:
        code = 404 if store.correction(correction_id) is None else 422
        raise HTTPException(code, str(exc)) from exc


@router.post("/import", dependencies=[Depends(require_write)],
             summary="Import a JSON Lines export of corrections (rows already stored are skipped)")
async def import_corrections(request: Request) -> dict[str, Any]:
    """Import corrections from the request body (JSON Lines)."""
    raw = (await request.body()).decode("utf-8", errors="replace")
    store = request.app.state.store
    return store.import_corrections(raw.splitlines())
