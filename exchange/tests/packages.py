"""Hand-made OneRoster packages for the tests, written to a temporary folder.

The 1.2 set: Riverside Middle School in 2026-2027, two grading periods in the
fall semester; Math 7 (weighted: tests 60, homework 40) and English 7; Ava and
Ben Lopez with their mother Maria, Kim Park (grade 5: not served) with her
guardian Sam, a teacher, an aide, and a few scores in the second period.
"""

import csv
import io
from pathlib import Path

from django.conf import settings
from django.test import Client

from accounts.models import Account

CLASSLINK = (
    Path(settings.BASE_DIR).parent
    / "shared"
    / "oneroster-samples"
    / "edfi-classlink-1.1"
)

HANDMADE = {
    "orgs.csv": """
sourcedId,status,dateLastModified,name,type,identifier,parentSourcedId
DIST-1,,,Riverside School District,district,,
SCH-1,,,Riverside Middle School,school,RMS,DIST-1
""",
    "academicSessions.csv": """
sourcedId,status,dateLastModified,title,type,startDate,endDate,parentSourcedId,schoolYear
Y2027,,,2026-2027,schoolYear,2026-08-31,2027-06-18,,2027
FALL,,,Fall semester,semester,2026-08-31,2027-01-22,Y2027,2027
GP1,,,Q1,gradingPeriod,2026-08-31,2026-11-06,FALL,2027
GP2,,,Q2,gradingPeriod,2026-11-09,2027-01-22,FALL,2027
""",
    "courses.csv": """
sourcedId,status,dateLastModified,schoolYearSourcedId,title,courseCode,grades,orgSourcedId,subjects,subjectCodes
C-MATH,,,Y2027,Math 7,MA7,07,SCH-1,Mathematics,
C-ENG,,,Y2027,English 7,EN7,07,DIST-1,English,
""",
    "classes.csv": """
sourcedId,status,dateLastModified,title,grades,courseSourcedId,classCode,classType,location,schoolSourcedId,termSourcedIds,subjects,subjectCodes,periods
CL-MATH,,,Math 7 - 2,07,C-MATH,MA7-2,scheduled,Room 12,SCH-1,FALL,,,2
CL-ENG,,,English 7 - 3,07,C-ENG,EN7-3,scheduled,Room 14,SCH-1,"GP1,GP2",,,P3
""",
    "users.csv": """
sourcedId,status,dateLastModified,enabledUser,username,userIds,givenName,familyName,middleName,identifier,email,sms,phone,agentSourcedIds,grades,password,userMasterIdentifier,preferredGivenName,preferredMiddleName,preferredFamilyName,primaryOrgSourcedId,pronouns
STU-1,,,true,alopez,,Ava,Lopez,,200101,,,,PAR-1,07,,,,,,SCH-1,
STU-2,,,true,blopez,{SIS:200102},Ben,Lopez,,,,,,,08,,,,,,SCH-1,
STU-3,,,true,kpark,,Kim,Park,,200103,,,,GRD-1,05,,,,,,SCH-1,
TCH-1,,,true,rdiaz,,Rosa,Diaz,,,rdiaz@schools.example.org,,,,,,,,,,SCH-1,
PAR-1,,,true,mlopez,,Maria,Lopez,,,maria@example.org,,860-555-0142,STU-2,,,,,,,SCH-1,
GRD-1,,,true,spark,,Sam,Park,,,sam@example.org,,,STU-3,,,,,,,SCH-1,
AID-1,,,true,aide1,,Alex,Aide,,,,,,,,,,,,,SCH-1,
""",
    "roles.csv": """
sourcedId,status,dateLastModified,userSourcedId,roleType,role,beginDate,endDate,orgSourcedId,userProfileSourcedId
R-STU-1,,,STU-1,primary,student,,,SCH-1,
R-STU-2,,,STU-2,primary,student,,,SCH-1,
R-STU-3,,,STU-3,primary,student,,,SCH-1,
R-TCH-1,,,TCH-1,primary,teacher,,,SCH-1,
R-PAR-1,,,PAR-1,primary,parent,,,SCH-1,
R-GRD-1,,,GRD-1,primary,guardian,,,SCH-1,
R-AID-1,,,AID-1,primary,aide,,,SCH-1,
""",
    "enrollments.csv": """
sourcedId,status,dateLastModified,classSourcedId,schoolSourcedId,userSourcedId,role,primary,beginDate,endDate
E-1,,,CL-MATH,SCH-1,STU-1,student,false,2026-08-31,
E-2,,,CL-ENG,SCH-1,STU-1,student,false,,
E-3,,,CL-MATH,SCH-1,STU-2,student,false,2026-09-14,
E-4,,,CL-MATH,SCH-1,TCH-1,teacher,true,2026-08-31,
E-5,,,CL-ENG,SCH-1,TCH-1,teacher,false,2026-08-31,
E-6,,,CL-MATH,SCH-1,STU-3,student,false,2026-08-31,
""",
    "demographics.csv": """
sourcedId,status,dateLastModified,birthDate,sex,americanIndianOrAlaskaNative,asian,blackOrAfricanAmerican,nativeHawaiianOrOtherPacificIslander,white,demographicRaceTwoOrMoreRaces,hispanicOrLatinoEthnicity,countryOfBirthCode,stateOfBirthAbbreviation,cityOfBirth,publicSchoolResidenceStatus
STU-1,,,2013-04-02,female,false,false,false,false,false,false,true,,,,
STU-2,,,2012-01-15,male,false,false,false,false,false,false,true,,,,
""",
    "categories.csv": """
sourcedId,status,dateLastModified,title,weight
CAT-T,,,Tests,60
CAT-H,,,Homework,40
""",
    "lineItems.csv": """
sourcedId,status,dateLastModified,title,description,assignDate,dueDate,classSourcedId,categorySourcedId,academicSessionSourcedId,resultValueMin,resultValueMax,schoolSourcedId
LI-1,,,Unit 3 test,,2026-11-16,2026-11-20,CL-MATH,CAT-T,GP2,0,50,SCH-1
LI-2,,,Sheet 5,,2026-11-23T08:00:00Z,2026-11-24T23:59:00Z,CL-MATH,CAT-H,GP2,0,10,SCH-1
LI-3,,,Worksheet 6,,2026-11-27,2026-11-30,CL-MATH,CAT-H,FALL,0,10,SCH-1
LI-4,,,Quiz 1,,2026-09-28,2026-10-01,CL-MATH,CAT-T,GP1,0,20,SCH-1
""",
    "results.csv": """
sourcedId,status,dateLastModified,lineItemSourcedId,studentSourcedId,scoreStatus,score,scoreDate,comment,textScore,classSourcedId,inProgress,incomplete,late,missing
RS-1,,,LI-1,STU-1,fully graded,45,2026-11-21,Well done,,CL-MATH,false,false,false,false
RS-2,,,LI-2,STU-1,not submitted,,2026-11-25,,,CL-MATH,false,false,false,true
RS-3,,,LI-3,STU-1,fully graded,8,2026-12-01,,,CL-MATH,false,false,true,false
RS-4,,,LI-1,STU-2,exempt,,2026-11-21,,,CL-MATH,false,false,false,false
RS-5,,,LI-2,STU-2,fully graded,9,2026-11-25,,,CL-MATH,false,false,false,false
RS-6,,,LI-4,STU-1,fully graded,18,2026-10-02,,,CL-MATH,false,false,false,false
""",
}


class Files:
    """A package as CSV rows, to change before writing it out."""

    def __init__(self, texts: dict[str, str], version: str = "1.2") -> None:
        self.version = version
        self.manifest_version = "1.0"
        self.rows = {
            name: list(csv.reader(io.StringIO(text.strip())))
            for name, text in texts.items()
        }
        self.modes = dict.fromkeys(self.rows, "bulk")

    def index(self, file: str, sid: str) -> int:
        return next(n for n, row in enumerate(self.rows[file]) if row[0] == sid)

    def drop(self, file: str, sid: str) -> None:
        del self.rows[file][self.index(file, sid)]

    def set(self, file: str, sid: str, **values: str) -> None:
        header = self.rows[file][0]
        row = self.rows[file][self.index(file, sid)]
        for name, value in values.items():
            row[header.index(name)] = value

    def add(self, file: str, **values: str) -> None:
        header = self.rows[file][0]
        self.rows[file].append([values.get(name, "") for name in header])

    def only(self, *files: str) -> None:
        """Keep just these files, as a delta or partial package would."""
        for name in list(self.rows):
            if name not in files:
                del self.rows[name]
                del self.modes[name]

    def write(self, folder: Path) -> Path:
        folder.mkdir(parents=True, exist_ok=True)
        for name, rows in self.rows.items():
            with (folder / name).open("w", newline="", encoding="utf-8") as out:
                csv.writer(out, lineterminator="\n").writerows(rows)
        manifest = [
            ["propertyName", "value"],
            ["manifest.version", self.manifest_version],
            ["oneroster.version", self.version],
            *[
                [f"file.{name.removesuffix('.csv')}", mode]
                for name, mode in self.modes.items()
            ],
        ]
        with (folder / "manifest.csv").open("w", newline="", encoding="utf-8") as out:
            csv.writer(out, lineterminator="\n").writerows(manifest)
        return folder


def handmade() -> Files:
    return Files(HANDMADE)


def client_for(account: Account) -> Client:
    client = Client()
    client.force_login(account)
    session = client.session
    session["signed_in_at"] = 4102444800.0  # far future: never too old
    session.save()
    return client
