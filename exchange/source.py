"""Where the CSV files come from: a folder, a zip file on disk, or an open zip."""

import codecs
import io
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

BOM = codecs.BOM_UTF8


class SourceError(Exception):
    """The package cannot be opened at all; the message says why, plainly."""


class Source:
    """The files of one package, opened again each time they are read."""

    def __init__(self, origin: "str | Path | IO[bytes]") -> None:
        self.folder: Path | None = None
        self.archive: zipfile.ZipFile | None = None
        self.members: dict[str, str] = {}  # file name → member name in the zip
        self.nested = False  # the zip holds one folder with the files in it

        if isinstance(origin, str | Path) and Path(origin).is_dir():
            self.folder = Path(origin)
        else:
            self.archive = open_zip(origin)
            self.members = root_members(self.archive)
            self.nested = any("/" in member for member in self.members.values())

    @property
    def names(self) -> set[str]:
        if self.folder is not None:
            return {path.name for path in self.folder.iterdir() if path.is_file()}
        return set(self.members)

    def has(self, name: str) -> bool:
        return name in self.names

    def starts_with_bom(self, name: str) -> bool:
        with self.binary(name) as stream:
            return stream.read(len(BOM)) == BOM

    @contextmanager
    def text(self, name: str) -> Iterator[IO[str]]:
        """The file as text; a byte-order mark at the start is dropped."""
        with self.binary(name) as stream:
            text = io.TextIOWrapper(stream, encoding="utf-8-sig", newline="")
            try:
                yield text
            finally:
                text.detach()

    @contextmanager
    def binary(self, name: str) -> Iterator[IO[bytes]]:
        if self.folder is not None:
            with (self.folder / name).open("rb") as stream:
                yield stream
            return

        assert self.archive is not None
        with self.archive.open(self.members[name]) as member:
            yield member


def open_zip(origin: "str | Path | IO[bytes]") -> zipfile.ZipFile:
    if isinstance(origin, str | Path) and not Path(origin).exists():
        raise SourceError(f"There is no file or folder at {origin}.")
    try:
        return zipfile.ZipFile(origin)
    except zipfile.BadZipFile:
        raise SourceError(
            "This is neither a folder nor a zip file. A OneRoster package is a "
            "zip of CSV files, or a folder holding them."
        ) from None


def root_members(archive: zipfile.ZipFile) -> dict[str, str]:
    """Files at the root of the zip, or in its one top folder if it has one."""
    files = [info.filename for info in archive.infolist() if not info.is_dir()]
    files = [name for name in files if not name.startswith("__MACOSX/")]
    top = {name.split("/")[0] for name in files if "/" in name}
    if len(top) == 1 and all("/" in name for name in files):
        prefix = f"{top.pop()}/"
        files = [name for name in files if name.count("/") == 1]
        return {name.removeprefix(prefix): name for name in files}
    return {name: name for name in files if "/" not in name}
