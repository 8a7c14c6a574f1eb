"""Keeping the index in step with the archive.

The archive's services call these inside their own transaction, so a change and its index
entry are committed together or not at all: `interview_index` when a transcript is saved or
an interview created (with the plain text the service has in hand, never read back),
`interview_facets_refresh` when a journey event changes. `interviews_index` does many at once
(demo data, `journeys reindex`).
"""

import json
import time
from collections import defaultdict
from collections.abc import Sequence

from django.db import connection, transaction

from journeys.archive.models import ConsentUse, Interview, JourneyEvent, Segment
from journeys.audit.services import audit_record
from journeys.codebook.models import Kind
from journeys.keys.sealing import Sealer
from journeys.search import analysis
from journeys.search.backends import Document, backend, packed_of
from journeys.search.tokens import query_digest, terms_packed

# Codes that become facets under their own kind's name; stages, places and facility types
# come from the event's own fields.
CODE_FACETS = frozenset(
    {
        Kind.WAY_LEAVING,
        Kind.WORK_CHINA,
        Kind.VIOLATION,
        Kind.REASON_LEAVING,
        Kind.SITUATION_CHINA,
        Kind.TRANSIT_COUNTRY,
        Kind.AGENCY,
        Kind.DIFFICULTY_SK,
    }
)
CROSSING = "crossing"

Texts = Sequence[tuple[str, str]]  # (Korean, English) of each segment, in order


def team_key(team_id: int | None) -> int:
    """search_doc.team_key: the team, 0 for the main one (NULL in the archive)."""
    return team_id or 0


def interview_index(interview: Interview, texts: Texts) -> None:
    """Index one interview with these transcript texts (call inside the writer's transaction)."""
    interviews_index([interview], {interview.pk: texts})


def interview_facets_refresh(interview: Interview) -> None:
    """The coded journey or the consent changed: refresh what facets read. An interview the
    index does not hold yet (made before the index was, or consent given again) is indexed
    whole, from its sealed transcript; one whose consent to be recorded is withdrawn is taken
    out of the index."""
    if _withdrawn_among([interview.pk]):
        interviews_unindex([interview.pk])
        return
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM search_doc WHERE interview_id = %s", [interview.pk])
        held = cursor.fetchone() is not None
    if not held:
        interview = Interview.objects.select_related("interviewee__data_key").get(pk=interview.pk)
        interviews_index([interview], opened_texts([interview]))
        return
    facets, left_years = journey_facets([interview.pk])
    backend().replace_facets(
        interview.pk,
        left_years.get(interview.pk),
        [*_own_facets(interview), *facets[interview.pk]],
    )


def interview_document_refresh(interview: Interview) -> None:
    """Her readable fields or the interview's changed (year, language, province): write the
    interview's document again from the terms the index holds, without opening or analysing
    the transcript again."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT tokens, bounds, version FROM search_doc WHERE interview_id = %s",
            [interview.pk],
        )
        row = cursor.fetchone()
    if row is None:
        interview_facets_refresh(interview)  # not held yet: indexed whole
        return
    tokens, bounds, version = row
    facets, left_years = journey_facets([interview.pk])
    interviewee = interview.interviewee
    document = Document(
        interview_id=interview.pk,
        interviewee_id=interviewee.pk,
        team_key=team_key(interviewee.team_id),
        code=interviewee.code,
        year=interview.year,
        language=interview.language,
        left_year=left_years.get(interview.pk),
        version=version,
        packed=packed_of(tokens),
        bounds=json.loads(bounds),
        facets=[*_own_facets(interview), *facets[interview.pk]],
    )
    backend().replace([document])


def interviewee_documents_delete(interviewee_id: int) -> None:
    """Her record is erased: nothing of hers may remain findable."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT interview_id FROM search_doc WHERE interviewee_id = %s", [interviewee_id]
        )
        ids = [pk for (pk,) in cursor.fetchall()]
        if ids:
            backend().delete(cursor, ids)


def interviews_index(
    interviews: Sequence[Interview], texts: dict[int, Texts], *, new: bool = False
) -> int:
    """Analyse and index many interviews (with their interviewee loaded); returns the number
    of Korean and English characters analysed. `new`: just created, nothing to replace.
    Interviews whose consent to be recorded is withdrawn are left out (and taken out)."""
    interviews, withdrawn = _indexable(interviews)
    docs, chars = documents_of(interviews, texts)
    backend().replace(docs, new=new)
    if withdrawn and not new:
        interviews_unindex(withdrawn)
    return chars


def interviews_unindex(ids: Sequence[int]) -> None:
    """Take these interviews out of the index (call inside the writer's transaction): nothing
    of them is found, counted in a facet or suggested any more."""
    if ids:
        with connection.cursor() as cursor:
            backend().delete(cursor, list(ids))


def _withdrawn_among(ids: Sequence[int]) -> set[int]:
    """Which of these interviews search must not hold: the one definition of consent, in
    journeys.archive.models.consent_in_force."""
    return set(Interview.objects.filter(pk__in=list(ids)).withdrawn().values_list("pk", flat=True))


def _indexable(interviews: Sequence[Interview]) -> tuple[list[Interview], list[int]]:
    withdrawn = _withdrawn_among([interview.pk for interview in interviews])
    kept = [interview for interview in interviews if interview.pk not in withdrawn]
    return kept, sorted(withdrawn)


def documents_of(interviews: Sequence[Interview], texts: dict[int, Texts]):
    ids = [interview.pk for interview in interviews]
    facets, left_years = journey_facets(ids)
    korean = [ko for interview in interviews for ko, _ in texts.get(interview.pk, ())]
    analysed_korean = iter(analysis.analyse_korean_many([k for k in korean if k]))
    docs, chars = [], 0
    for interview in interviews:
        terms: list[str] = []
        bounds: list[int] = []
        for ko, en in texts.get(interview.pk, ()):
            for found in (next(analysed_korean) if ko else [], analysis.analyse_english(en)):
                terms += [term.text for term in found]
                bounds.append(len(found))
            chars += len(ko) + len(en)
        docs.append(
            Document(
                interview_id=interview.pk,
                interviewee_id=interview.interviewee_id,
                team_key=team_key(interview.interviewee.team_id),
                code=interview.interviewee.code,
                year=interview.year,
                language=interview.language,
                left_year=left_years.get(interview.pk),
                version=analysis.VERSION,
                packed=terms_packed(terms),
                bounds=bounds,
                facets=[*_own_facets(interview), *facets[interview.pk]],
            )
        )
    return docs, chars


def _own_facets(interview: Interview) -> list[tuple[str, int]]:
    return [("province", interview.interviewee.home_province_id)]


def journey_facets(ids: Sequence[int]) -> tuple[dict[int, list], dict[int, int]]:
    """The facet values of each interview's coded journey, and the year she first left."""
    facets: dict[int, set] = defaultdict(set)
    left: dict[int, int] = {}
    events = JourneyEvent.objects.filter(interview_id__in=ids).values_list(
        "interview_id",
        "stage_id",
        "place_id",
        "facility_id",
        "facility__kind",
        "facility__parent_id",
        "event_type__code",
        "start_year",
    )
    for pk, stage, place, facility, kind, parent, event_type, year in events:
        facets[pk].add(("stage", stage))
        if place:
            facets[pk].add(("place", place))
        if facility:
            facets[pk].add(("facility_type", facility if kind == Kind.FACILITY_TYPE else parent))
        if event_type == CROSSING and year:
            left[pk] = min(year, left.get(pk, year))
    codes = JourneyEvent.codes.through.objects.filter(journeyevent__interview_id__in=ids)
    for pk, term, kind in codes.values_list("journeyevent__interview_id", "term_id", "term__kind"):
        if kind in CODE_FACETS:
            facets[pk].add((kind, term))
    return {pk: sorted(facets[pk]) for pk in ids}, left


def opened_texts(interviews: Sequence[Interview]) -> dict[int, list[tuple[str, str]]]:
    """The transcripts of these interviews (interviewee and data key loaded), opened."""
    sealers = {i.pk: Sealer(i.interviewee.data_key) for i in interviews}
    texts: dict[int, list[tuple[str, str]]] = defaultdict(list)
    segments = Segment.objects.filter(interview_id__in=list(sealers)).order_by(
        "interview_id", "position"
    )
    for segment in segments:
        sealer = sealers[segment.interview_id]
        texts[segment.interview_id].append(
            (sealer.open(segment, "text_ko"), sealer.open(segment, "text_en"))
        )
    return texts


# -- the whole index --------------------------------------------------------------------------

STATE = "reindex"


def state_read() -> dict | None:
    with connection.cursor() as cursor:
        cursor.execute("SELECT value FROM search_state WHERE name = %s", [STATE])
        row = cursor.fetchone()
    return json.loads(row[0]) if row else None


def state_write(state: dict) -> None:
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM search_state WHERE name = %s", [STATE])
        cursor.execute(
            "INSERT INTO search_state (name, value) VALUES (%s, %s)", [STATE, json.dumps(state)]
        )


def reindex_begin(*, restart: bool = False) -> dict:
    """The run to continue: the unfinished one of this analysis version, or a new one. A new
    run replaces each interview's document in its turn, so that until then the archive is
    still found by the document it had (after an upgrade of the analysis, 50 minutes at
    100,000 testimonies); only `restart` empties the index first."""
    state = state_read()
    if restart or not state or state.get("version") != analysis.VERSION or state.get("done"):
        with transaction.atomic():
            if restart:
                backend().clear()
            state = {"version": analysis.VERSION, "last_id": 0, "done": False}
            state_write(state)
    return state


def reindex_batch(state: dict, size: int) -> tuple[int, int]:
    """Index the next `size` interviews after state["last_id"], in one transaction, and
    record the progress with them. Returns (interviews, characters) done; (0, 0) at the end."""
    interviews = list(
        Interview.objects.filter(pk__gt=state["last_id"])
        .select_related("interviewee__data_key")
        .order_by("pk")[:size]
    )
    if not interviews:
        state["done"] = True
        state_write(state)
        return 0, 0
    started = time.perf_counter()
    kept, withdrawn = _indexable(interviews)
    texts = opened_texts(kept)
    docs, chars = documents_of(kept, texts)  # analysed outside the write lock
    with transaction.atomic():
        backend().replace(docs)
        interviews_unindex(withdrawn)
        state["last_id"] = interviews[-1].pk
        state["chars"] = state.get("chars", 0) + chars
        state["seconds"] = round(state.get("seconds", 0) + time.perf_counter() - started, 3)
        state_write(state)
    return len(interviews), chars


def index_complete() -> bool:
    """Whether every interview search may hold is in the index (a restored archive's is not,
    until `journeys reindex` ran); withdrawn ones never are."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM search_doc")
        held = cursor.fetchone()[0]
    return held >= Interview.objects.consented_to(ConsentUse.RECORD).count()


def index_outdated() -> bool:
    """Whether some interview was indexed by an earlier analysis (analysis.VERSION), which
    its queries, analysed by this one, may not match until `journeys reindex` ran."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM search_doc WHERE version < %s LIMIT 1", [analysis.VERSION])
        return cursor.fetchone() is not None


# -- the audit of searches --------------------------------------------------------------------


def search_record(*, acting_user, text: str, results, request=None) -> None:
    """Audit one search. The words themselves are sensitive (a name, a village), so the trail
    keeps only a keyed digest of them and how many there were, with the filters (codebook
    ids) and the number of hits and of snippets opened."""
    detail = {
        "words": results.query.words if results.query else 0,
        "filters": [f"{facet}:{term}" for facet, term in results.filters.terms],
        "hits": results.total,
        "snippets": sum(1 for hit in results.hits if hit.snippet_ko or hit.snippet_en),
    }
    if text.strip():
        detail["query"] = query_digest(text.strip())
    if results.words_ignored:
        detail["words_ignored"] = True
    audit_record(actor=acting_user, action="search.searched", detail=detail, request=request)


def search_code_opened(*, acting_user, text: str, interviewee, request=None) -> None:
    """Audit a search that was a code of the user's team, which opens that record (the record
    page audits its own read)."""
    detail = {"words": 0, "filters": [], "hits": 1, "snippets": 0, "code": True}
    detail["query"] = query_digest(text.strip())
    audit_record(
        actor=acting_user,
        action="search.searched",
        target=interviewee,
        detail=detail,
        request=request,
    )
