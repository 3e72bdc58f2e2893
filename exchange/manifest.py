"""manifest.csv: the OneRoster version, and which files are bulk, delta or absent."""

import csv
from dataclasses import dataclass, field

from exchange.columns import READ_ORDER, ROLES, V11, V12
from exchange.problems import Findings
from exchange.source import BOM, Source
from exchange.table import ABSENT, BULK, DELTA

MANIFEST = "manifest.csv"
MODES = (ABSENT, BULK, DELTA)
VERSION_WORDS = {"1.1": V11, "1.2": V12, "1.2.1": V12}


@dataclass
class Manifest:
    version: str = V12
    modes: dict[str, str] = field(default_factory=dict)  # file → bulk or delta

    @property
    def files(self) -> list[str]:
        """The files to read, in the order they must be read."""
        return [name for name in READ_ORDER if name in self.modes]


def read_manifest(source: Source, findings: Findings) -> Manifest | None:
    if not source.has(MANIFEST):
        findings.problem(
            MANIFEST,
            0,
            "",
            "There is no manifest.csv. OneRoster 1.1 and 1.2 packages have one at "
            "the top of the zip; without it the files would be OneRoster 1.0, which "
            "Homeroom does not read.",
        )
        return None

    warn_bom(source, MANIFEST, findings)
    properties = read_properties(source, findings)
    if properties is None:
        return None

    manifest = Manifest()
    check_manifest_version(properties, findings)
    version = oneroster_version(properties, findings)
    if version is None:
        return None
    manifest.version = version
    declared = declared_modes(properties, findings)
    manifest.modes = reconcile(source, declared, version, findings)
    return manifest


def read_properties(
    source: Source, findings: Findings
) -> dict[str, tuple[int, str]] | None:
    """Each property's line and value."""
    with source.text(MANIFEST) as text:
        rows = list(csv.reader(text))
    if not rows or [name.strip() for name in rows[0]] != ["propertyName", "value"]:
        findings.problem(
            MANIFEST,
            1,
            "",
            "The header must be propertyName,value.",
        )
        return None

    properties = {}
    for line, row in enumerate(rows[1:], start=2):
        if len(row) >= 2:
            properties[row[0].strip()] = (line, row[1].strip())
    return properties


def check_manifest_version(
    properties: dict[str, tuple[int, str]], findings: Findings
) -> None:
    line, value = properties.get("manifest.version", (0, ""))
    if value == "1":
        findings.warn(
            MANIFEST,
            line,
            "value",
            "manifest.version is written 1 instead of 1.0. It was read as 1.0.",
        )
    elif value != "1.0":
        findings.problem(
            MANIFEST,
            line,
            "value",
            f"manifest.version must be 1.0, not {value!r}."
            if line
            else "The manifest.version row is missing: it must say 1.0.",
        )


def oneroster_version(
    properties: dict[str, tuple[int, str]], findings: Findings
) -> str | None:
    line, value = properties.get("oneroster.version", (0, ""))
    version = VERSION_WORDS.get(value)
    if version is None:
        findings.problem(
            MANIFEST,
            line,
            "value",
            f"oneroster.version is {value!r}; Homeroom reads OneRoster 1.1 and 1.2."
            if line
            else "The oneroster.version row is missing: it must say 1.1 or 1.2.",
        )
    return version


def declared_modes(
    properties: dict[str, tuple[int, str]], findings: Findings
) -> dict[str, str]:
    modes = {}
    for name, (line, value) in properties.items():
        if not name.startswith("file."):
            continue
        if value not in MODES:
            findings.problem(
                MANIFEST,
                line,
                "value",
                f"{value!r} is not a processing mode: use absent, bulk or delta.",
            )
            continue
        modes[name.removeprefix("file.") + ".csv"] = value
    return modes


def reconcile(
    source: Source, declared: dict[str, str], version: str, findings: Findings
) -> dict[str, str]:
    """Where the manifest and the files disagree, the files win."""
    known = [name for name in READ_ORDER if version == V12 or name != ROLES]
    present = source.names
    modes = {}
    for name in known:
        mode = declared.get(name, ABSENT)
        if name in present and mode == ABSENT:
            findings.warn(
                name,
                0,
                "",
                "The manifest does not list this file as bulk or delta, but it is in "
                "the package. It was read as bulk.",
            )
            mode = BULK
        elif name not in present and mode != ABSENT:
            findings.warn(
                MANIFEST,
                0,
                "",
                f"The manifest lists {name} as {mode}, but the package has no such "
                "file. It was taken as absent.",
            )
            mode = ABSENT
        if mode != ABSENT:
            modes[name] = mode

    warn_unused(present, declared, set(known), findings)
    return modes


def warn_unused(
    present: set[str], declared: dict[str, str], known: set[str], findings: Findings
) -> None:
    listed = {name for name, mode in declared.items() if mode != ABSENT}
    unused = sorted((present | listed) - known - {MANIFEST})
    unused = [name for name in unused if name.endswith(".csv")]
    if unused:
        findings.warn(
            "",
            0,
            "",
            f"Homeroom does not use {', '.join(unused)}; "
            f"{'it was' if len(unused) == 1 else 'they were'} not read.",
        )


def warn_bom(source: Source, name: str, findings: Findings) -> None:
    if source.starts_with_bom(name):
        findings.warn(
            name,
            0,
            "",
            f"The file starts with a byte-order mark ({BOM.hex(' ').upper()}). It "
            "was read as plain UTF-8.",
        )
