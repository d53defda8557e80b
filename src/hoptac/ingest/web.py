"""URLs and RSS/Atom feeds, fetched with httpx: a timeout, a size limit and hoptac's user agent.

Every failure is a :class:`SourceError` with a one-line reason: an HTTP error status
(``HTTP 404 Not Found``), a timeout, a refused connection, a body over ``settings.max_bytes``,
a content type that is not a page (``image/png``).
"""

from __future__ import annotations

import calendar
import ipaddress
import logging
import socket
import time
from collections.abc import Iterator
from typing import TYPE_CHECKING

from ..errors import SourceError
from ..settings import Settings
from .document import RawDocument
from .files import read_file, too_large

if TYPE_CHECKING:  # httpx and feedparser are imported when a URL or a feed is read (start-up)
    import httpx

__all__ = ["Fetcher", "read_feed"]

log = logging.getLogger(__name__)

PAGE_TYPES = ("text/html", "application/xhtml+xml", "text/plain")
FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/xml", "text/xml",
              "application/rdf+xml", "application/feed+json", "text/html", "text/plain")


def is_url(source: str) -> bool:
    """Whether a source is an http(s) URL."""
    return source.startswith(("http://", "https://"))


class Fetcher:
    """One HTTP client for a run of fetches (connections are reused); close it when done."""

    def __init__(self, settings: Settings):
        self.settings = settings
        self._client: httpx.Client | None = None

    @property
    def client(self) -> httpx.Client:
        """The lazily opened httpx client."""
        if self._client is None:
            import httpx

            hooks = {} if self.settings.fetch_private else {"request": [_refuse_private]}
            self._client = httpx.Client(timeout=self.settings.timeout, follow_redirects=True, event_hooks=hooks,
                                        headers={"User-Agent": self.settings.user_agent,
                                                 "Accept": "text/html,application/xhtml+xml;q=0.9,*/*;q=0.5"})
        return self._client

    def close(self) -> None:
        """Close the client, if one was opened."""
        if self._client is not None:
            self._client.close()
            self._client = None

    def fetch(self, url: str, *, accept: tuple[str, ...] = PAGE_TYPES) -> RawDocument | SourceError:
        """GET one URL into a RawDocument, or a SourceError saying why not."""
        import httpx

        limit = self.settings.max_bytes
        deadline = time.monotonic() + self.settings.timeout  # the whole answer, not each read
        try:
            with self.client.stream("GET", url) as resp:
                if resp.status_code >= 400:
                    return SourceError(url, f"HTTP {resp.status_code} {resp.reason_phrase}".strip())
                ctype = resp.headers.get("content-type", "").split(";")[0].strip().lower()
                if ctype and not ctype.startswith(accept):
                    return SourceError(url, f"not a web page: content type {ctype}")
                declared = resp.headers.get("content-length")
                if declared and declared.isdigit() and int(declared) > limit:
                    return SourceError(url, too_large(int(declared), limit))
                chunks, size = [], 0
                for chunk in resp.iter_bytes():
                    if time.monotonic() > deadline:  # a server trickling bytes never times a read out
                        return SourceError(url, f"timed out: no whole answer within {self.settings.timeout:g} s")
                    size += len(chunk)
                    if size > limit:
                        return SourceError(url, too_large(None, limit))
                    chunks.append(chunk)
                data = b"".join(chunks)
                charset = resp.charset_encoding if "charset=" in resp.headers.get("content-type", "") else None
                kind = "text" if ctype == "text/plain" else "html"
                return RawDocument(url, data, kind, url=str(resp.url), charset=charset,
                                   meta={"content_type": ctype} if ctype else {})
        except SourceError as exc:  # refused by the private-address guard (a redirect included)
            return SourceError(url, exc.reason)
        except httpx.TimeoutException:
            return SourceError(url, f"timed out after {self.settings.timeout:g} s")
        except httpx.TooManyRedirects:
            return SourceError(url, "too many redirects")
        except httpx.UnsupportedProtocol as exc:
            return SourceError(url, f"unsupported URL: {exc}")
        except httpx.InvalidURL as exc:
            return SourceError(url, f"invalid URL: {exc}")
        except httpx.HTTPError as exc:
            return SourceError(url, f"could not fetch: {type(exc).__name__}: {exc}".rstrip(": "))


def private_address(host: str) -> str | None:
    """Why a host may not be fetched from a server (``a loopback address (127.0.0.1)``), or None."""
    try:
        infos = socket.getaddrinfo(host, None, proto=socket.IPPROTO_TCP)
    except (socket.gaierror, UnicodeError, ValueError):
        return None  # the fetch itself reports the name that does not resolve
    for info in infos:
        ip = ipaddress.ip_address(str(info[4][0]).split("%")[0])
        if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped:
            ip = ip.ipv4_mapped
        for test, what in (("is_loopback", "loopback"), ("is_link_local", "link-local"), ("is_private", "private"),
                           ("is_multicast", "multicast"), ("is_unspecified", "unspecified"),
                           ("is_reserved", "reserved")):
            if getattr(ip, test):
                return f"a {what} address ({ip})"
    return None


def _refuse_private(request: httpx.Request) -> None:
    """httpx request hook: refuse a request (or a redirect) to a host on a private network."""
    why = private_address(request.url.host)
    if why:
        raise SourceError(str(request.url), f"refused: {request.url.host} is {why}; the server does not fetch "
                                            "its own network")


def _entry_date(entry: dict) -> str | None:
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    if not parsed:
        return None
    return time.strftime("%Y-%m-%d", time.gmtime(calendar.timegm(parsed)))


def read_feed(feed: str, settings: Settings, fetcher: Fetcher) -> Iterator[RawDocument | SourceError]:
    """Every entry of an RSS/Atom feed (a URL or a file), fetched from its link."""
    doc = fetcher.fetch(feed, accept=FEED_TYPES) if is_url(feed) else read_file(feed, settings)
    if isinstance(doc, SourceError):
        yield doc
        return
    import feedparser

    parsed = feedparser.parse(doc.data)
    entries = parsed.get("entries") or []
    if not entries:
        why = getattr(parsed.get("bozo_exception"), "args", None) or ["no entries"]
        if parsed.get("version"):
            yield SourceError(feed, "the feed has no entries")
        else:
            yield SourceError(feed, f"not an RSS or Atom feed ({why[0]})")
        return
    for n, entry in enumerate(entries, 1):
        link = entry.get("link")
        if not link:
            yield SourceError(f"{feed}#entry-{n}", "feed entry without a link")
            continue
        if not is_url(link):
            yield SourceError(link, "feed entry link is not an http(s) URL")
            continue
        page = fetcher.fetch(link)
        if isinstance(page, RawDocument):
            page.meta.update({k: v for k, v in (("title_hint", entry.get("title")),
                                                  ("published_hint", _entry_date(entry)),
                                                  ("feed", feed)) if v})
        yield page
