"""Writing scores from the results file, read again a batch at a time.

A term's gradebook can hold a million results, so they are never all in
memory: each batch is matched to what is on file, then created or updated
with one statement per kind.
"""

from typing import Any

from exchange import columns as c
from exchange.plan import SCORES
from exchange.problems import Findings
from exchange.reading import Result, results
from exchange.run import Run
from exchange.source import Source
from exchange.table import Table
from exchange.writing import BATCH, batches, differences, update
from gradebook.changes import SCORE_FIELDS
from gradebook.models import Assignment, Score

Item = tuple[Result, int, int]  # the result, its assignment, its student


class ScoreWriter:
    def __init__(self, run: Run) -> None:
        self.run = run
        self.books = dict(
            Assignment.objects.filter(sourced_id__isnull=False).values_list(
                "pk", "gradebook_id"
            )
        )
        self.any_imported = Score.objects.filter(sourced_id__isnull=False).exists()
        # Scores a teacher entered by hand on an imported assignment, before the
        # district's file had them: the file's score takes their place.
        self.any_local = Score.objects.filter(
            sourced_id__isnull=True, assignment__sourced_id__isnull=False
        ).exists()

    def write(self, source: Source, mode: str, version: str) -> None:
        table = Table(source, c.RESULTS, mode, version, Findings())
        batch: list[Item] = []
        for _row, result in results(table):
            self.run.meter.advance()
            if result is None:
                continue
            assignment = self.run.assignments.get(result.line_item)
            student = self.run.students.get(result.student)
            if assignment is None or student is None:
                continue
            batch.append((result, assignment, student))
            if len(batch) >= BATCH:
                self.write_batch(batch)
                batch = []
        self.write_batch(batch)

    def write_batch(self, batch: list[Item]) -> None:
        if not batch:
            return
        existing = self.on_file(batch)
        new: list[Score] = []
        changed: list[Score] = []
        fields: set[str] = set()
        for result, assignment, student in batch:
            score = existing.get(result.sid) or existing.get(f"{assignment}:{student}")
            values = score_values(result, assignment, student)
            if score is None:
                new.append(
                    Score(sourced_id=result.sid, updated_at=self.run.now, **values)
                )
                self.run.touched.add(self.books[assignment])
            elif self.changes(score, result.sid, values, fields):
                changed.append(score)

        Score.objects.bulk_create(new, batch_size=BATCH)
        update(Score, changed, fields | {"updated_at"})
        self.run.summary[SCORES].created += len(new)
        self.run.summary[SCORES].updated += len(changed)

    def on_file(self, batch: list[Item]) -> dict[str, Score]:
        """Scores on file for this batch: by sourcedId, and hand-entered by pair."""
        found: dict[str, Score] = {}
        if self.any_imported:
            sids = [result.sid for result, _, _ in batch]
            for score in Score.objects.filter(sourced_id__in=sids):
                found[score.sourced_id or ""] = score
        if self.any_local:
            local = Score.objects.filter(
                sourced_id__isnull=True,
                assignment_id__in={assignment for _, assignment, _ in batch},
                student_id__in={student for _, _, student in batch},
            )
            for score in local:
                found[f"{score.assignment_id}:{score.student_id}"] = score
        return found

    def changes(
        self, score: Score, sid: str, values: dict[str, Any], fields: set[str]
    ) -> bool:
        before = differences(score, values)
        if score.sourced_id != sid:
            before["sourced_id"] = score.sourced_id
            values["sourced_id"] = sid
        if not before:
            return False

        self.run.touched.add(self.books[score.assignment_id])
        for name in before:
            setattr(score, name, values[name])
        score.updated_at = self.run.now
        self.run.touched.add(self.books[score.assignment_id])
        self.run.log.changed("score", score, before, score.student_id)
        fields.update(before)
        return True

    def remove(self, kept: set[str]) -> None:
        """Scores the district no longer lists, or marks tobedeleted."""
        plan = self.run.plan
        gone = set(plan.deletions(SCORES))
        if SCORES in plan.complete and self.any_imported:
            imported = Score.objects.filter(sourced_id__isnull=False)
            for sid in imported.values_list("sourced_id", flat=True).iterator(20000):
                if sid and sid not in kept:
                    gone.add(sid)

        for part in batches(sorted(gone)):
            leaving = list(Score.objects.filter(sourced_id__in=part))
            for score in leaving:
                self.run.log.removed("score", score, SCORE_FIELDS, score.student_id)
                self.run.touched.add(self.books.get(score.assignment_id, 0))
            Score.objects.filter(pk__in=[score.pk for score in leaving]).delete()
            self.run.summary[SCORES].removed += len(leaving)
        self.run.touched.discard(0)


def score_values(result: Result, assignment: int, student: int) -> dict[str, Any]:
    return {
        "assignment_id": assignment,
        "student_id": student,
        "points": result.points,
        "missing": result.missing,
        "late": result.late,
        "excused": result.excused,
        "incomplete": result.incomplete,
        "comment": result.comment,
    }
