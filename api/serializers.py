"""The shapes of the API's answers, read from the same objects the pages show.

The student number never appears: children and sections are named by their
public identifiers, as in the pages' addresses.
"""

from typing import Any

from rest_framework import serializers

from accounts.models import Account


def percent_field(**options: Any) -> serializers.DecimalField:
    return serializers.DecimalField(
        max_digits=6, decimal_places=2, coerce_to_string=False, **options
    )


def points_field(**options: Any) -> serializers.DecimalField:
    return serializers.DecimalField(
        max_digits=9, decimal_places=2, coerce_to_string=False, **options
    )


class ErrorSerializer(serializers.Serializer[Any]):
    detail = serializers.CharField()


class ChildSerializer(serializers.Serializer[Any]):
    id = serializers.UUIDField(source="public_id")
    first_name = serializers.CharField()
    last_name = serializers.CharField()
    grade = serializers.IntegerField()
    school = serializers.CharField(source="school.name")


class MarkingPeriodSerializer(serializers.Serializer[Any]):
    id = serializers.IntegerField(source="pk")
    name = serializers.CharField()
    start = serializers.DateField()
    end = serializers.DateField()


class TeacherSerializer(serializers.Serializer[Account]):
    name = serializers.CharField(source="get_full_name")
    email = serializers.EmailField(allow_blank=True)


class SectionFields(serializers.Serializer[Any]):
    """What names a section: its identifier, course, period, room and teacher."""

    section_id = serializers.UUIDField(source="section.public_id")
    course = serializers.CharField(source="section.course.title")
    period = serializers.IntegerField(source="section.period")
    room = serializers.CharField(source="section.room")
    teacher = TeacherSerializer(source="section.teacher", allow_null=True)


class CourseSerializer(SectionFields):
    """One course with its running average, from the course snapshot."""

    average = percent_field(source="average.percent", allow_null=True)
    letter = serializers.CharField()
    missing_count = serializers.SerializerMethodField()
    last_updated = serializers.DateTimeField(allow_null=True)

    def get_missing_count(self, course: Any) -> int:
        return len(course.missing_lines)


class CoursesSerializer(serializers.Serializer[Any]):
    marking_period = MarkingPeriodSerializer(allow_null=True)
    courses = CourseSerializer(many=True)


class AssignmentSerializer(serializers.Serializer[Any]):
    """One visible assignment with the child's score, as the course page shows it."""

    title = serializers.CharField(source="assignment.title")
    category = serializers.CharField()
    assigned_on = serializers.DateField(source="assignment.assigned_on")
    due_on = serializers.DateField(source="assignment.due_on")
    points_possible = points_field(source="assignment.points_possible")
    # An assignment not scored yet has no score: its defaults stand in.
    points = points_field(
        source="score.points", allow_null=True, default=None, read_only=True
    )
    missing = serializers.BooleanField(
        help_text="Missing and not excused: it counts as zero in the average."
    )
    late = serializers.BooleanField(source="score.late", default=False, read_only=True)
    excused = serializers.BooleanField(
        source="score.excused", default=False, read_only=True
    )
    incomplete = serializers.BooleanField(
        source="score.incomplete", default=False, read_only=True
    )
    comment = serializers.CharField(source="score.comment", default="", read_only=True)


class AssignmentsSerializer(SectionFields):
    marking_period = MarkingPeriodSerializer()
    average = percent_field(source="course.average.percent", allow_null=True)
    letter = serializers.CharField(source="course.letter")
    assignments = AssignmentSerializer(source="course.lines", many=True)


class SchoolYearSerializer(serializers.Serializer[Any]):
    name = serializers.CharField()
    start = serializers.DateField()
    end = serializers.DateField()


class AttendanceMarkSerializer(serializers.Serializer[Any]):
    date = serializers.DateField()
    period = serializers.IntegerField(
        allow_null=True, help_text="The class period; null for the whole day."
    )
    course = serializers.CharField(help_text="Empty for a whole-day mark.")
    code = serializers.CharField()
    meaning = serializers.CharField()
    kind = serializers.ChoiceField(choices=["absent", "tardy", "dismissed"])
    excused = serializers.BooleanField()
    counts_as_absence = serializers.BooleanField()
    comment = serializers.CharField()


class AttendanceSerializer(serializers.Serializer[Any]):
    school_year = SchoolYearSerializer(allow_null=True)
    marks = AttendanceMarkSerializer(many=True)


class ScheduleSectionSerializer(serializers.Serializer[Any]):
    section_id = serializers.UUIDField(source="public_id")
    course = serializers.CharField(source="course.title")
    period = serializers.IntegerField()
    room = serializers.CharField()
    teacher = TeacherSerializer(allow_null=True)
    meeting_days = serializers.SerializerMethodField(
        help_text="ISO weekdays the section meets on: 1 is Monday."
    )

    def get_meeting_days(self, section: Any) -> list[int]:
        return sorted({int(day) for day in section.meeting_days if day.isdigit()})


class ScheduleSerializer(serializers.Serializer[Any]):
    marking_period = MarkingPeriodSerializer(allow_null=True)
    sections = ScheduleSectionSerializer(many=True)


class ReportCardGradeSerializer(serializers.Serializer[Any]):
    section_id = serializers.UUIDField(source="section.public_id")
    course = serializers.CharField(source="section.course.title")
    teacher = TeacherSerializer(source="section.teacher", allow_null=True)
    mark = serializers.CharField()
    percent = percent_field(allow_null=True)
    comment = serializers.CharField()
    posted_on = serializers.DateField()


class ReportCardSerializer(serializers.Serializer[Any]):
    marking_period = MarkingPeriodSerializer()
    posted_on = serializers.DateField()
    grades = ReportCardGradeSerializer(many=True)
