"""Who lives in the demo district: students, the contacts on file, and sign-ins."""

from dataclasses import dataclass

from records.models import StudentContact

MOTHER = StudentContact.Relationship.MOTHER
FATHER = StudentContact.Relationship.FATHER
GUARDIAN = StudentContact.Relationship.GUARDIAN
GRANDPARENT = StudentContact.Relationship.GRANDPARENT

MIDDLE_SCHOOL = "Memorial Middle School"
HIGH_SCHOOL = "Lyman High School"

# These passwords are published in the README on purpose: the demo is for trying
# the portal out, and the load_demo command refuses a production database.
PARENT_PASSWORD = "portal-demo-2026"  # noqa: S105
STUDENT_PASSWORD = "student-demo-2026"  # noqa: S105
STAFF_PASSWORD = "office-demo-2026"  # noqa: S105
TEACHER_PASSWORD = "teacher-demo-2026"  # noqa: S105
TEACHER_EMAIL_DOMAIN = "schools.example.org"


@dataclass(frozen=True)
class Pupil:
    number: str
    first_name: str
    last_name: str
    grade: int
    username: str = ""


@dataclass(frozen=True)
class Person:
    first_name: str
    last_name: str
    email: str
    relationship: str
    online_access: bool = True
    username: str = ""


@dataclass(frozen=True)
class Household:
    """One home address and the contact records kept there for some students."""

    address: str
    phone: str
    numbers: tuple[str, ...]
    people: tuple[Person, ...]
    address_line2: str = ""


@dataclass(frozen=True)
class Teacher:
    username: str
    first_name: str
    last_name: str
    room: str

    @property
    def email(self) -> str:
        return f"{self.username}@{TEACHER_EMAIL_DOMAIN}"


@dataclass(frozen=True)
class SignIn:
    username: str
    password: str
    who: str


PUPILS = (
    Pupil("100101", "Sofia", "Rivera", 7, username="sofia.rivera"),
    Pupil("100102", "Lucas", "Rivera", 10),
    Pupil("100301", "Ethan", "Okafor", 9),
    Pupil("100401", "Diego", "Morales", 11),
    Pupil("100402", "Camila", "Morales", 8),
    Pupil("100403", "Mateo", "Morales", 6),
    Pupil("100501", "Kevin", "Nguyen", 9),
    Pupil("100601", "Emma", "Walsh", 7),
    Pupil("100701", "José", "Álvarez", 8),
    Pupil("100702", "Lucía", "Álvarez", 12),
    Pupil("100801", "Zoë", "Laurent", 6),
    Pupil("100901", "Aarav", "Patel", 10),
    Pupil("100902", "Priya", "Patel", 7),
    Pupil("101001", "Marcus", "Johnson", 12),
    Pupil("101002", "Jada", "Johnson", 6),
    Pupil("101101", "Jakub", "Kowalski", 11),
    Pupil("101201", "Hannah", "Kim", 8),
    Pupil("101202", "Joshua", "Kim", 11),
    Pupil("101301", "Liam", "O'Brien", 9),
    Pupil("101302", "Nora", "O'Brien", 6),
    Pupil("101401", "Layla", "Haddad", 10),
    Pupil("101501", "Renée", "Dubois", 12),
    Pupil("101601", "Ava", "Williams", 7),
    Pupil("101602", "Noah", "Williams", 12),
    Pupil("101701", "João", "Santos", 8),
    Pupil("101801", "Lena", "Müller", 11),
    Pupil("101901", "Caleb", "Thompson", 9),
    Pupil("102001", "Yuki", "Yamamoto", 6),
    Pupil("102002", "Kenji", "Yamamoto", 10),
    Pupil("102101", "Isaiah", "Brown", 8),
    Pupil("102201", "Valentina", "Núñez", 12),
    Pupil("102202", "Gabriel", "Núñez", 7),
    Pupil("102301", "Gianna", "Russo", 11),
    Pupil("102401", "Tobi", "Adeyemi", 10),
    Pupil("102501", "Owen", "Sullivan", 6),
    Pupil("102502", "Maeve", "Sullivan", 9),
    Pupil("102601", "Eli", "Cohen", 8),
    Pupil("102701", "Amira", "Ali", 11),
    Pupil("102801", "Kwame", "Mensah", 7),
    Pupil("102802", "Abena", "Mensah", 12),
)

HOUSEHOLDS = (
    Household(
        "14 Court Street",
        "860-555-0101",
        ("100101", "100102"),
        (
            Person(
                "Maria",
                "Rivera",
                "maria.rivera@example.org",
                MOTHER,
                username="demo.parent",
            ),
        ),
    ),
    Household(
        "27 Wadsworth Street",
        "860-555-0102",
        ("100301",),
        (
            Person(
                "Grace",
                "Okafor",
                "grace.okafor@example.com",
                MOTHER,
                username="gokafor",
            ),
            Person(
                "Daniel",
                "Okafor",
                "daniel.okafor@example.net",
                FATHER,
                username="dokafor",
            ),
        ),
    ),
    Household(
        "88 Newfield Street",
        "860-555-0103",
        ("100401", "100402"),
        (Person("Ana", "Morales", "ana.morales@example.org", MOTHER),),
    ),
    # The same mother again, as a second record kept for her youngest: creating an
    # account with Diego's number shows Diego and Camila, and Mateo is added after.
    Household(
        "88 Newfield Street",
        "860-555-0103",
        ("100403",),
        (Person("Ana", "Morales", "ana.morales@example.org", MOTHER),),
    ),
    # No email on file, so the portal cannot send him a temporary password.
    Household(
        "5 Pearl Street",
        "860-555-0104",
        ("100501",),
        (Person("Robert", "Nguyen", "", FATHER),),
        address_line2="Apt 3B",
    ),
    Household(
        "41 Highland Avenue",
        "860-555-0105",
        ("100601",),
        (Person("Claire", "Walsh", "claire.walsh@example.com", MOTHER),),
    ),
    # A court order keeps Emma's records from her father: online access is off.
    Household(
        "230 Saybrook Road",
        "860-555-0106",
        ("100601",),
        (
            Person(
                "Thomas",
                "Walsh",
                "thomas.walsh@example.com",
                FATHER,
                online_access=False,
            ),
        ),
    ),
    Household(
        "19 Ferry Street",
        "860-555-0107",
        ("100701", "100702"),
        (Person("Inés", "Álvarez", "ines.alvarez@example.com", MOTHER),),
    ),
    Household(
        "63 Broad Street",
        "860-555-0108",
        ("100801",),
        (
            Person("Hélène", "Laurent", "helene.laurent@example.net", MOTHER),
            Person("Marc", "Laurent", "marc.laurent@example.net", FATHER),
        ),
        address_line2="Unit 2",
    ),
    Household(
        "112 Randolph Road",
        "860-555-0109",
        ("100901", "100902"),
        (
            Person("Neha", "Patel", "neha.patel@example.org", MOTHER),
            Person("Raj", "Patel", "raj.patel@example.com", FATHER),
        ),
    ),
    Household(
        "9 Liberty Street",
        "860-555-0110",
        ("101001", "101002"),
        (Person("Dorothy", "Johnson", "dorothy.johnson@example.net", GRANDPARENT),),
    ),
    Household(
        "350 Westfield Street",
        "860-555-0111",
        ("101101",),
        (Person("Agnieszka", "Kowalski", "agnieszka.kowalski@example.org", MOTHER),),
    ),
    Household(
        "77 Hunting Hill Avenue",
        "860-555-0112",
        ("101201", "101202"),
        (Person("Sung", "Kim", "sung.kim@example.com", FATHER),),
    ),
    Household(
        "21 Butternut Street",
        "860-555-0113",
        ("101301", "101302"),
        (Person("Siobhan", "O'Brien", "siobhan.obrien@example.org", MOTHER),),
    ),
    Household(
        "146 Long Hill Road",
        "860-555-0114",
        ("101401",),
        (
            Person("Rania", "Haddad", "rania.haddad@example.net", MOTHER),
            Person("Omar", "Haddad", "omar.haddad@example.net", FATHER),
        ),
    ),
    Household(
        "8 College Street",
        "860-555-0115",
        ("101501",),
        (Person("Céline", "Dubois", "celine.dubois@example.com", MOTHER),),
    ),
    Household(
        "402 South Main Street",
        "860-555-0116",
        ("101601", "101602"),
        (Person("Jessica", "Williams", "jessica.williams@example.org", MOTHER),),
        address_line2="Apt 12",
    ),
    Household(
        "55 Camp Street",
        "860-555-0117",
        ("101701",),
        (Person("Mariana", "Santos", "mariana.santos@example.com", MOTHER),),
    ),
    Household(
        "12 Old Mill Road",
        "860-555-0118",
        ("101801",),
        (Person("Stefan", "Müller", "stefan.mueller@example.net", FATHER),),
    ),
    Household(
        "260 Ridge Road",
        "860-555-0119",
        ("101901",),
        (Person("Linda", "Harris", "linda.harris@example.org", GUARDIAN),),
    ),
    Household(
        "31 Prospect Street",
        "860-555-0120",
        ("102001", "102002"),
        (Person("Emi", "Yamamoto", "emi.yamamoto@example.com", MOTHER),),
    ),
    Household(
        "74 Grand Street",
        "860-555-0121",
        ("102101",),
        (Person("Monique", "Brown", "monique.brown@example.net", MOTHER),),
    ),
    Household(
        "190 Washington Street",
        "860-555-0122",
        ("102201", "102202"),
        (Person("Carmen", "Núñez", "carmen.nunez@example.org", MOTHER),),
    ),
    Household(
        "16 Bow Lane",
        "860-555-0123",
        ("102301",),
        (Person("Anthony", "Russo", "anthony.russo@example.com", FATHER),),
    ),
    Household(
        "98 High Street",
        "860-555-0124",
        ("102401",),
        (Person("Funmilayo", "Adeyemi", "funmi.adeyemi@example.net", MOTHER),),
    ),
    Household(
        "45 William Street",
        "860-555-0125",
        ("102501", "102502"),
        (
            Person("Kathleen", "Sullivan", "kathleen.sullivan@example.org", MOTHER),
            Person("Brendan", "Sullivan", "brendan.sullivan@example.org", FATHER),
        ),
    ),
    Household(
        "7 Pine Street",
        "860-555-0126",
        ("102601",),
        (Person("Rachel", "Cohen", "rachel.cohen@example.com", MOTHER),),
    ),
    Household(
        "129 Main Street",
        "860-555-0127",
        ("102701",),
        (Person("Hassan", "Ali", "hassan.ali@example.net", FATHER),),
        address_line2="Apt 5",
    ),
    Household(
        "301 Country Club Road",
        "860-555-0128",
        ("102801", "102802"),
        (
            Person("Ama", "Mensah", "ama.mensah@example.com", MOTHER),
            Person("Kofi", "Mensah", "kofi.mensah@example.com", FATHER),
        ),
    ),
)

TEACHERS = (
    Teacher("dfoster", "Diane", "Foster", "Room 104"),
    Teacher("jbennett", "James", "Bennett", "Room 108"),
    Teacher("lnakamura", "Laura", "Nakamura", "Science Lab 112"),
    Teacher("rhughes", "Robert", "Hughes", "Room 116"),
    Teacher("ereyes", "Elena", "Reyes", "Room 120"),
    Teacher("tgallagher", "Tom", "Gallagher", "Gym"),
    Teacher("apatterson", "Alice", "Patterson", "Room 201"),
    Teacher("mcastillo", "Miguel", "Castillo", "Room 205"),
    Teacher("kowens", "Karen", "Owens", "Lab 210"),
    Teacher("dlin", "David", "Lin", "Lab 212"),
    Teacher("jmurphy", "Joan", "Murphy", "Room 218"),
    Teacher("pdelgado", "Pablo", "Delgado", "Room 222"),
    Teacher("bwright", "Brian", "Wright", "Field House"),
    Teacher("nfischer", "Nina", "Fischer", "Art Studio 230"),
)

STAFF_USERNAME = "office"
SCHOOL_OFFICE_USERNAME = "memorial.office"

SIGN_INS = (
    SignIn(
        "demo.parent",
        PARENT_PASSWORD,
        "Maria Rivera, mother of Sofia (grade 7) and Lucas (grade 10)",
    ),
    SignIn("gokafor", PARENT_PASSWORD, "Grace Okafor, mother of Ethan (grade 9)"),
    SignIn("dokafor", PARENT_PASSWORD, "Daniel Okafor, father of Ethan (grade 9)"),
    SignIn("sofia.rivera", STUDENT_PASSWORD, "Sofia Rivera, student, grade 7"),
    SignIn(
        STAFF_USERNAME,
        STAFF_PASSWORD,
        "district office: every school's families, and the admin at /admin/",
    ),
    SignIn(
        SCHOOL_OFFICE_USERNAME,
        STAFF_PASSWORD,
        "Memorial Middle School's office: its own families only",
    ),
    SignIn(
        "dfoster", TEACHER_PASSWORD, "Diane Foster, teacher: gradebooks, attendance"
    ),
)

TRY_THESE = (
    "Create an account as Ana Morales with student number 100401 (Diego): "
    "Diego and Camila appear.",
    "Then add Mateo from My Account, Add Additional Student, with 100403.",
    "Robert Nguyen (100501) has no email on file: account creation is refused.",
    "Thomas Walsh (100601) has online access off: account creation is refused.",
    "As demo.parent, the second marking period is in progress: Sofia has a "
    "missing homework in Math 7 and was tardy once; first-quarter report cards "
    "are posted.",
)
