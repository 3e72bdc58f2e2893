"""From users, roles and demographics to the plan: students, teachers, contacts."""

import re
from collections.abc import Callable, Iterable
from typing import TypeVar

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db.models.functions import Lower

from accounts.models import Account
from exchange import columns as c
from exchange.context import Context
from exchange.plan import RELATIONSHIPS, ContactWant, StudentWant, TeacherWant
from exchange.planning import is_school
from exchange.reading import User
from records.models import Student

USERNAME = re.compile(r"[\w.@+-]{1,150}")
NOT_IN_USERNAME = re.compile(r"[^\w.@+-]+")
# Grade levels OneRoster allows besides 01 to 13: none is served by Homeroom.
OTHER_GRADES = {"IT", "PR", "PK", "TK", "KG", "PS", "UG", "Other"}
FIRST_GRADE, LAST_GRADE = 6, 12
BATCH = 5000


def plan_people(ctx: Context) -> None:
    for user in ctx.parsed.users.values():
        check_user_references(ctx, user)
    add_roles(ctx)

    numbers: dict[str, int] = {}
    usernames: dict[str, int] = {}
    for user in ctx.parsed.users.values():
        roles = user.roles
        if not roles:
            ctx.tally(
                c.ROLES if ctx.parsed.version == c.V12 else c.USERS,
                user.line,
                "role",
                "{rows} of users.csv had no role (the first is on this line): "
                "those users were skipped.",
            )
        elif "student" in roles:
            plan_student(ctx, user, numbers)
        else:
            plan_staff_or_family(ctx, user, usernames)

    check_numbers_on_file(ctx)
    check_usernames_on_file(ctx)


def add_roles(ctx: Context) -> None:
    """OneRoster 1.2 keeps roles in roles.csv: primary roles come first."""
    users = ctx.parsed.users
    ordered = sorted(ctx.parsed.roles, key=lambda role: not role.primary)
    for role in ordered:
        line = role.line
        known = ctx.resolves(c.ROLES, line, "userSourcedId", c.USERS, role.user)
        known &= ctx.resolves(c.ROLES, line, "orgSourcedId", c.ORGS, role.org)
        user = users.get(role.user)
        if not known or user is None or not role.role:
            continue
        if role.role not in user.roles:
            user.roles.append(role.role)
        if role.org not in user.orgs:
            user.orgs.append(role.org)

    for user in users.values():
        if not user.roles:
            user.roles = roles_on_file(ctx, user.sid)


def roles_on_file(ctx: Context, sid: str) -> list[str]:
    """A user a delta file changes without its roles keeps the role it has."""
    if ctx.on_file_as(sid, "students"):
        return ["student"]
    roles = ["teacher"] if ctx.on_file_as(sid, "teachers") else []
    if ctx.on_file_as(sid, "contacts"):
        roles.append("guardian")
    return roles


def check_user_references(ctx: Context, user: User) -> None:
    """Before roles.csv adds its orgs, so each reference is checked where it is."""
    for agent in user.agents:
        ctx.resolves(c.USERS, user.line, "agentSourcedIds", c.USERS, agent)
    for org in user.orgs:
        ctx.resolves(c.USERS, user.line, user.org_column, c.ORGS, org)


def plan_student(ctx: Context, user: User, numbers: dict[str, int]) -> None:
    number = student_number(ctx, user, numbers)
    grade = grade_of(ctx, user)
    school = next((org for org in user.orgs if is_school(ctx, org)), None)
    if school is None and user.orgs:
        ctx.problem(
            c.USERS,
            user.line,
            user.org_column,
            "None of this student's orgs is a school. Homeroom files every "
            "student under a school.",
        )
    elif school is None:
        ctx.problem(
            c.USERS,
            user.line,
            user.org_column,
            "This student has no school: name one here or in roles.csv.",
        )
    if number is None or grade is None or school is None:
        return

    ctx.plan.students[user.sid] = StudentWant(
        number, user.given, user.family, grade, school
    )


def student_number(ctx: Context, user: User, numbers: dict[str, int]) -> str | None:
    number = user.number
    column = "identifier"
    if not number:
        ctx.problem(
            c.USERS,
            user.line,
            column,
            "A student needs a student number. Homeroom reads it from identifier, "
            "or else from the first of userIds, and both are blank.",
        )
        return None
    if len(number) > 40:
        ctx.problem(
            c.USERS,
            user.line,
            column,
            "This student number is longer than the 40 characters Homeroom keeps.",
        )
        return None
    if number in numbers:
        ctx.problem(
            c.USERS,
            user.line,
            column,
            f"Student number {number} is already used on line {numbers[number]}.",
        )
        return None
    numbers[number] = user.line
    return number


def grade_of(ctx: Context, user: User) -> int | None:
    """The student's grade, 6 to 12; any other grade is skipped with a warning."""
    value = user.grades[0] if user.grades else ""
    if value.isdigit() and FIRST_GRADE <= int(value) <= LAST_GRADE:
        return int(value)

    if value.isdigit() or value in OTHER_GRADES or not value:
        ctx.tally(
            c.USERS,
            user.line,
            "grades",
            "{rows} named students in grades Homeroom does not serve, or in no "
            "grade (the first is on this line). Homeroom serves grades 6 to 12, so "
            "those students were skipped.",
        )
    else:
        ctx.problem(
            c.USERS,
            user.line,
            "grades",
            f"{value!r} is not a grade level: use 01 to 13, or KG, PK and the like.",
        )
    return None


def plan_staff_or_family(ctx: Context, user: User, usernames: dict[str, int]) -> None:
    roles = user.roles
    family = [role for role in roles if role in c.PARENT_ROLES]
    if "teacher" in roles:
        plan_teacher(ctx, user, usernames)
    if family:
        ctx.plan.contacts[user.sid] = ContactWant(
            user.given, user.family, email_or_blank(ctx, user), user.phone[:40]
        )
        ctx.plan.links.update(
            {(agent, user.sid): RELATIONSHIPS[family[0]] for agent in user.agents}
        )
    if "teacher" not in roles and not family:
        ctx.tally(
            c.USERS,
            user.line,
            "role",
            "{rows} named users who are neither students, teachers nor parents "
            "(the first is on this line). Homeroom has no place for them, so they "
            "were skipped.",
        )


def plan_teacher(ctx: Context, user: User, usernames: dict[str, int]) -> None:
    username = sign_in_name(ctx, user)
    key = username.lower()
    if key in usernames:
        ctx.problem(
            c.USERS,
            user.line,
            "username",
            f"The username {username} is already used on line {usernames[key]}.",
        )
        return
    usernames[key] = user.line
    ctx.plan.teachers[user.sid] = TeacherWant(
        username, user.given, user.family, email_or_blank(ctx, user), user.enabled
    )


def sign_in_name(ctx: Context, user: User) -> str:
    """The district's username, or one Homeroom can keep, with a warning."""
    if USERNAME.fullmatch(user.username):
        return user.username

    email = email_or_blank(ctx, user)
    username = email if USERNAME.fullmatch(email) else user.username
    if not USERNAME.fullmatch(username):
        username = NOT_IN_USERNAME.sub(".", username).strip(".")[:150] or user.sid
    ctx.warn(
        c.USERS,
        user.line,
        "username",
        f"{user.username!r} cannot be a Homeroom username (letters, digits and "
        f". @ + - _ only), so this teacher signs in as {username!r}.",
    )
    return username


def email_or_blank(ctx: Context, user: User) -> str:
    if not user.email:
        return ""
    try:
        validate_email(user.email)
    except ValidationError:
        ctx.tally(
            c.USERS,
            user.line,
            "email",
            "{rows} had email addresses that are not valid (the first is on this "
            "line). They were left blank.",
        )
        return ""
    return user.email


def check_numbers_on_file(ctx: Context) -> None:
    """A student number on file under another student stops the import."""
    wanted = {want.number: sid for sid, want in ctx.plan.students.items()}
    held = dict(
        in_batches(
            list(wanted),
            lambda part: Student.objects.filter(number__in=part).values_list(
                "number", "sourced_id"
            ),
        )
    )

    for number, holder in held.items():
        sid = wanted[number]
        adoptable = sid not in ctx.onfile.students and (
            holder is None or replaced(ctx, holder)
        )
        if holder != sid and not adoptable:
            line = ctx.parsed.users[sid].line
            ctx.problem(
                c.USERS,
                line,
                "identifier",
                f"Student number {number} is on file in Homeroom for another student.",
            )
            del ctx.plan.students[sid]


def replaced(ctx: Context, holder: str) -> bool:
    """A student on file whom a bulk users file no longer lists: the district gave
    the same student number a new sourcedId, so the record moves to it."""
    return not ctx.may_use_database(c.USERS) and holder not in ctx.parsed.users


def check_usernames_on_file(ctx: Context) -> None:
    """A username on file for another account stops the import."""
    wanted = {want.username.lower(): sid for sid, want in ctx.plan.teachers.items()}
    held = in_batches(
        list(wanted),
        lambda part: (
            Account.objects.annotate(key=Lower("username"))
            .filter(key__in=part)
            .values_list("key", "sourced_id", "kind")
        ),
    )

    for key, holder, kind in held:
        sid = wanted[key]
        adoptable = (
            holder is None
            and kind == Account.Kind.TEACHER
            and sid not in ctx.onfile.teachers
        )
        if holder != sid and not adoptable:
            ctx.problem(
                c.USERS,
                ctx.parsed.users[sid].line,
                "username",
                f"The username {ctx.plan.teachers[sid].username} is taken by "
                "another Homeroom account.",
            )
            del ctx.plan.teachers[sid]

    others = in_batches(
        list(ctx.plan.teachers),
        lambda part: (
            Account.objects.exclude(kind=Account.Kind.TEACHER)
            .filter(sourced_id__in=part)
            .values_list("sourced_id", flat=True)
        ),
    )
    for sid in filter(None, others):
        ctx.problem(
            c.USERS,
            ctx.parsed.users[sid].line,
            "sourcedId",
            "This sourcedId belongs to a Homeroom account that is not a teacher's.",
        )
        del ctx.plan.teachers[sid]


T = TypeVar("T")


def in_batches(values: list[str], query: Callable[[list[str]], Iterable[T]]) -> list[T]:
    """One query per batch of values, so no query has too many parameters."""
    found: list[T] = []
    for start in range(0, len(values), BATCH):
        found += query(values[start : start + BATCH])
    return found


def plan_links(ctx: Context) -> None:
    """Parents and students, linked by agentSourcedIds read from either side."""
    plan = ctx.plan
    users_complete = not ctx.may_use_database(c.USERS)
    students = set(plan.students)
    contacts = set(plan.contacts)
    if not users_complete:
        students |= ctx.onfile.students
        contacts |= ctx.onfile.contacts

    links = {}
    for (agent, contact), relationship in plan.links.items():
        if agent in students and contact in contacts:
            links[agent, contact] = relationship
    for user in ctx.parsed.users.values():
        if user.sid not in students:
            continue
        for agent in user.agents:
            if agent in contacts and (user.sid, agent) not in links:
                links[user.sid, agent] = relationship_of(ctx, agent)
    plan.links = links


def relationship_of(ctx: Context, contact: str) -> str:
    user = ctx.parsed.users.get(contact)
    roles = [role for role in (user.roles if user else []) if role in c.PARENT_ROLES]
    return RELATIONSHIPS[roles[0] if roles else "guardian"]


def plan_birth_dates(ctx: Context) -> None:
    students = set(ctx.plan.students) | ctx.onfile.students
    for sid, (line, birth_date) in ctx.parsed.demographics.items():
        known = ctx.resolves(c.DEMOGRAPHICS, line, "sourcedId", c.USERS, sid)
        if known and sid in students:
            ctx.plan.birth_dates[sid] = birth_date
