"""What WeasyPrint may load while it lays out a document: our static files, no more.

Imported only when a document is rendered, because importing WeasyPrint is slow.
"""

import mimetypes
from pathlib import Path
from urllib.parse import unquote, urlsplit

from django.contrib.staticfiles import finders
from weasyprint.urls import URLFetcher, URLFetcherResponse


def static_file_for(url: str, static_url: str) -> Path | None:
    """The file on disk behind a URL under static_url, or None for any other URL."""
    if not url.startswith(static_url):
        return None

    relative = unquote(urlsplit(url[len(static_url) :]).path)
    if any(part in ("", ".", "..") for part in relative.split("/")):
        return None

    found = finders.find(relative)
    return Path(found) if isinstance(found, str) else None


class StaticFilesOnly(URLFetcher):
    """Serves the site's own static files from disk and refuses every other URL.

    A printed record must not reach the network: a remote image or stylesheet
    would tell another site who is printing what, and could stall the rendering.
    """

    def __init__(self, static_url: str) -> None:
        super().__init__(allowed_protocols=())
        self.static_url = static_url

    def fetch(
        self, url: str, headers: dict[str, str] | None = None
    ) -> URLFetcherResponse:
        path = static_file_for(url, self.static_url)
        if path is None:
            raise ValueError(f"Only the site's static files are loaded, not {url}")

        content_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        return URLFetcherResponse(
            url, path.read_bytes(), headers={"Content-Type": content_type}
        )
