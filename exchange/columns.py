"""The OneRoster CSV files Homeroom reads: their columns and vocabularies.

A column name ending in "*" is required: it must be in the header and, except
on a row a delta file marks `tobedeleted`, hold a value.
"""

from dataclasses import dataclass

V11 = "1.1"
V12 = "1.2"
VERSIONS = (V11, V12)

ORGS = "orgs.csv"
SESSIONS = "academicSessions.csv"
COURSES = "courses.csv"
CLASSES = "classes.csv"
USERS = "users.csv"
ROLES = "roles.csv"
ENROLLMENTS = "enrollments.csv"
DEMOGRAPHICS = "demographics.csv"
CATEGORIES = "categories.csv"
LINE_ITEMS = "lineItems.csv"
RESULTS = "results.csv"

# In the order they are read: each file refers only to files read before it,
# except users (to each other) and results, read last, one row at a time.
READ_ORDER = (
    ORGS,
    SESSIONS,
    COURSES,
    CLASSES,
    USERS,
    ROLES,
    ENROLLMENTS,
    DEMOGRAPHICS,
    CATEGORIES,
    LINE_ITEMS,
    RESULTS,
)

HEAD = "sourcedId*,status,dateLastModified,"


@dataclass(frozen=True)
class Layout:
    file: str
    version: str
    columns: tuple[str, ...]
    required: frozenset[str]

    @property
    def name(self) -> str:
        return f"OneRoster {self.version} {self.file}"


def layout(file: str, version: str, columns: str) -> Layout:
    names = [name.strip() for name in columns.split(",")]
    return Layout(
        file=file,
        version=version,
        columns=tuple(name.rstrip("*") for name in names),
        required=frozenset(name.rstrip("*") for name in names if name.endswith("*")),
    )


ORGS_COLUMNS = HEAD + "name*,type*,identifier,parentSourcedId"
SESSIONS_COLUMNS = HEAD + "title*,type*,startDate*,endDate*,parentSourcedId,schoolYear*"
COURSES_COLUMNS = (
    HEAD + "schoolYearSourcedId,title*,courseCode,grades,orgSourcedId*,"
    "subjects,subjectCodes"
)
CLASSES_COLUMNS = (
    HEAD + "title*,grades,courseSourcedId*,classCode,classType*,location,"
    "schoolSourcedId*,termSourcedIds*,subjects,subjectCodes,periods"
)
USERS_11_COLUMNS = (
    HEAD + "enabledUser*,orgSourcedIds*,role*,username*,userIds,givenName*,"
    "familyName*,middleName,identifier,email,sms,phone,agentSourcedIds,grades,"
    "password"
)
USERS_12_START = (
    HEAD + "enabledUser*,username*,userIds,givenName*,familyName*,middleName,"
    "identifier,email,sms,phone,agentSourcedIds,grades,password,"
    "userMasterIdentifier,"
)
USERS_12_END = (
    "preferredGivenName,preferredMiddleName,preferredFamilyName,"
    "primaryOrgSourcedId,pronouns"
)
ROLES_COLUMNS = (
    HEAD + "userSourcedId*,roleType*,role*,beginDate,endDate,orgSourcedId*,"
    "userProfileSourcedId"
)
ENROLLMENTS_COLUMNS = (
    HEAD + "classSourcedId*,schoolSourcedId*,userSourcedId*,role*,primary,"
    "beginDate,endDate"
)
DEMOGRAPHICS_COLUMNS = (
    HEAD + "birthDate,sex,americanIndianOrAlaskaNative,asian,"
    "blackOrAfricanAmerican,nativeHawaiianOrOtherPacificIslander,white,"
    "demographicRaceTwoOrMoreRaces,hispanicOrLatinoEthnicity,countryOfBirthCode,"
    "stateOfBirthAbbreviation,cityOfBirth,publicSchoolResidenceStatus"
)
LINE_ITEMS_11_COLUMNS = (
    HEAD + "title*,description,assignDate*,dueDate*,classSourcedId*,"
    "categorySourcedId*,gradingPeriodSourcedId*,resultValueMin*,resultValueMax*"
)
LINE_ITEMS_12_COLUMNS = (
    HEAD + "title*,description,assignDate*,dueDate*,classSourcedId*,"
    "categorySourcedId*,academicSessionSourcedId*,resultValueMin,resultValueMax,"
    "schoolSourcedId*"
)
RESULTS_11_COLUMNS = (
    HEAD + "lineItemSourcedId*,studentSourcedId*,scoreStatus*,score*,scoreDate*,comment"
)
RESULTS_12_COLUMNS = (
    HEAD + "lineItemSourcedId*,studentSourcedId*,scoreStatus*,score,scoreDate*,"
    "comment,textScore,classSourcedId,inProgress,incomplete,late,missing"
)

SHARED = {
    ORGS: ORGS_COLUMNS,
    SESSIONS: SESSIONS_COLUMNS,
    COURSES: COURSES_COLUMNS,
    CLASSES: CLASSES_COLUMNS,
    ENROLLMENTS: ENROLLMENTS_COLUMNS,
    DEMOGRAPHICS: DEMOGRAPHICS_COLUMNS,
}

LAYOUTS: dict[tuple[str, str], list[Layout]] = {
    **{
        (file, version): [layout(file, version, columns)]
        for file, columns in SHARED.items()
        for version in VERSIONS
    },
    (USERS, V11): [layout(USERS, V11, USERS_11_COLUMNS)],
    (USERS, V12): [
        layout(USERS, V12, USERS_12_START + USERS_12_END),
        # OneRoster 1.2 before the 1.2.1 errata had one more column.
        layout(USERS, V12, USERS_12_START + "resourceSourcedIds," + USERS_12_END),
    ],
    (ROLES, V12): [layout(ROLES, V12, ROLES_COLUMNS)],
    (CATEGORIES, V11): [layout(CATEGORIES, V11, HEAD + "title*")],
    (CATEGORIES, V12): [layout(CATEGORIES, V12, HEAD + "title*,weight")],
    (LINE_ITEMS, V11): [layout(LINE_ITEMS, V11, LINE_ITEMS_11_COLUMNS)],
    (LINE_ITEMS, V12): [layout(LINE_ITEMS, V12, LINE_ITEMS_12_COLUMNS)],
    (RESULTS, V11): [layout(RESULTS, V11, RESULTS_11_COLUMNS)],
    (RESULTS, V12): [layout(RESULTS, V12, RESULTS_12_COLUMNS)],
}

ORG_TYPES = ("department", "school", "district", "local", "state", "national")
SESSION_TYPES = ("schoolYear", "semester", "term", "gradingPeriod")
CLASS_TYPES = ("homeroom", "scheduled")
USER_ROLES_11 = (
    "administrator",
    "aide",
    "guardian",
    "parent",
    "proctor",
    "relative",
    "student",
    "teacher",
)
USER_ROLES_12 = (
    "aide",
    "counselor",
    "districtAdministrator",
    "guardian",
    "parent",
    "principal",
    "proctor",
    "relative",
    "siteAdministrator",
    "student",
    "systemAdministrator",
    "teacher",
)
ROLE_TYPES = ("primary", "secondary")
ENROLLMENT_ROLES = {
    V11: ("administrator", "aide", "proctor", "student", "teacher"),
    V12: ("administrator", "proctor", "student", "teacher"),
}
SEXES = {V11: ("male", "female"), V12: ("male", "female", "unspecified", "other")}
SCORE_STATUSES = (
    "exempt",
    "fully graded",
    "not submitted",
    "partially graded",
    "submitted",
)
RACE_COLUMNS = (
    "americanIndianOrAlaskaNative",
    "asian",
    "blackOrAfricanAmerican",
    "nativeHawaiianOrOtherPacificIslander",
    "white",
    "demographicRaceTwoOrMoreRaces",
    "hispanicOrLatinoEthnicity",
)
PARENT_ROLES = ("parent", "guardian", "relative")
