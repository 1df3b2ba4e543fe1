"""The HTTP middleware of the public endpoint, outermost first.

CORS: by default (`REGISTRY_CORS_ORIGINS=*`) any web page may read the registry
with GET and POST, without credentials and without an `Authorization` header, so
notebooks and partners' dashboards can query it from the browser while no page
on another site can send a contributor's token. Listing origins explicitly
(`https://a.example,https://b.example`) lets those pages also send
`Authorization` (to write); an empty value turns CORS off (same-origin only).
"""

from __future__ import annotations

from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware

from protection.admission import Admission
from protection.body_limit import BodySizeLimit
from protection.request_id import HEADER, RequestIdMiddleware
from settings import Settings

_READ_HEADERS = ["Content-Type", "Accept", "X-Request-Id"]


def cors(settings: Settings) -> list[Middleware]:
    """CORS for the configured origins (none: no middleware, same-origin only)."""
    origins = settings.cors_origins
    if not origins:
        return []
    wildcard = "*" in origins
    headers = _READ_HEADERS if wildcard else [*_READ_HEADERS, "Authorization"]
    return [Middleware(CORSMiddleware, allow_origins=["*"] if wildcard else origins,
                       allow_methods=["GET", "POST"], allow_headers=headers,
                       allow_credentials=False, expose_headers=[HEADER], max_age=600)]


def protective_middleware(settings: Settings) -> list[Middleware]:
    """Request ids, CORS, admission and the body size limit, for `Starlette(middleware=...)`."""
    return [Middleware(RequestIdMiddleware), *cors(settings),
            Middleware(Admission, max_concurrent=settings.max_concurrent,
                       reserved_for_tokens=settings.reserved_for_tokens,
                       max_queue=settings.max_queue, queue_wait_ms=settings.queue_wait_ms,
                       body_timeout_ms=settings.body_timeout_ms),
            Middleware(BodySizeLimit, max_bytes=settings.max_body_bytes)]
