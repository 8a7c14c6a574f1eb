import pytest

from journeys.archive import services as archive
from journeys.archive.selectors import interview_for_edit
from journeys.protection.review import review_state
from journeys.protection.services import segments_mark_reviewed

# Fictional details: a broker's name, a town, a date, a phone number.
TESTIMONY = [
    archive.SegmentInput(
        text_ko="1998년 3월 15일에 브로커 김철수가 혜산에서 나를 데려갔어요.",
        text_en="On 15 March 1998 the broker Kim Chol-su took me from Hyesan.",
    ),
    archive.SegmentInput(
        text_ko="김철수는 전화번호 +86 138 1234 5678을 주었어요.",
        text_en="Kim Chol-su gave me the number +86 138 1234 5678.",
    ),
]


@pytest.fixture
def told(users, interview):
    """The interview of conftest's `interview` with a transcript full of details."""
    archive.transcript_save(
        acting_user=users["interviewer"], interview=interview, segments=TESTIMONY
    )
    return interview


def opened(interview, user):
    return interview_for_edit(interview.pk, user)


def approve(*, acting_user, interview, positions=None) -> int:
    """Mark segments reviewed as a reviewer does: with the digests her page showed."""
    state = review_state(interview)
    seen = {
        s.position: s.digest for s in state.segments if positions is None or s.position in positions
    }
    return segments_mark_reviewed(acting_user=acting_user, interview=interview, seen=seen)
