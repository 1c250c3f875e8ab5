"""Security headers on every response: pages, REST JSON, files, errors, static resources.

Subscribers of ZPublisher's publication events (``headers.zcml``) set them just before
the response leaves: ``IPubBeforeCommit`` (a successful request), ``IPubBeforeAbort`` (an
error page, a 404, a refused request) and ``IPubBeforeStreaming`` (a file streamed with
``response.write``). The values are registry records ``dichvucong.security.*``
(``ISecurityHeaders``), so a deployment changes them in the registry control panel; an
empty value sends no header. Outside a site (the Zope root) the defaults below apply.

- ``Content-Security-Policy``: the strict policy, or for people who may edit what the
  response shows ("Modify portal content" on its context) the editors' policy, which
  adds 'unsafe-eval' for Mosaic's bundle (loaded for them only, on the same condition:
  profiles/default/registry/page_weight.xml).
- ``Strict-Transport-Security`` only when the request came over HTTPS: directly, or
  through the proxy (``X-Forwarded-Proto: https``, or a virtual host URL in https).
- Personal data: whatever is published from or inside an object providing
  ``IPersonalData`` (the dossier store, so its dossiers, files, slips and drafts; the
  REST list of one's dossiers) is sent with
  ``Cache-Control: private, no-store`` and without validators, whatever plone.app.caching
  put there before: no cache keeps it, shared or private (kiosk computers).

``X-Powered-By`` is not set here: Zope writes it when the response is serialised, so the
WSGI pipeline strips it (``dichvucong.base.wsgi``).
"""

from AccessControl import getSecurityManager
from dichvucong import _
from plone.registry.interfaces import IRegistry
from plone.rest.traverse import RESTWrapper
from zope import schema
from zope.component import adapter
from zope.component import queryUtility
from zope.globalrequest import getRequest
from zope.interface import Interface
from ZPublisher.interfaces import IPubBeforeAbort
from ZPublisher.interfaces import IPubBeforeCommit
from ZPublisher.interfaces import IPubBeforeStreaming


PREFIX = "dichvucong.security"

# What Plone 6.2 Classic UI, TinyMCE, Mosaic, collective.easyform and our theme need,
# found in Chromium (tests/e2e/test_content_security_policy.py): scripts from the site
# only; inline styles (style="" attributes written by Plone's templates, TinyMCE and
# Mosaic, and by patterns at run time) cannot be avoided; Bootstrap's icons in form
# controls and TinyMCE's content are data: URIs; uploads are previewed as blob: URIs.
# The theme's head script that applies the chosen text size before the first paint
# (theme/templates/textsize_head.pt), allowed by its hash until it becomes a file.
TEXT_SIZE_SCRIPT = "'sha256-PR0pjzBNQvgc+iBilFMuXayjUglt5Jr4oDQw5mm97XM='"


def policy(script_src):
    return "; ".join(
        (
            "default-src 'self'",
            f"script-src {script_src}",
            "style-src 'self' 'unsafe-inline'",
            "img-src 'self' data: blob:",
            "font-src 'self' data:",
            "media-src 'self' data: blob:",
            "connect-src 'self'",
            "frame-src 'self'",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
            "frame-ancestors 'self'",
        )
    )


CONTENT_SECURITY_POLICY = policy(f"'self' {TEXT_SIZE_SCRIPT}")
# For people who may edit what they look at: Mosaic's bundle (plone-mosaic-remote, loaded
# for them only: profiles/default/registry/page_weight.xml) compiles its templates with
# ``new Function`` (underscore's _.template) when it starts, which needs 'unsafe-eval'.
EDITING_CONTENT_SECURITY_POLICY = policy(f"'self' 'unsafe-eval' {TEXT_SIZE_SCRIPT}")
EDIT_PERMISSION = "Modify portal content"
REFERRER_POLICY = "strict-origin-when-cross-origin"
FRAME_OPTIONS = "SAMEORIGIN"
STRICT_TRANSPORT_SECURITY = "max-age=31536000; includeSubDomains"
NO_STORE = "private, no-store"
VALIDATORS = frozenset({"etag", "last-modified", "expires"})


class ISecurityHeaders(Interface):
    """The security headers the portal sends with every response."""

    content_security_policy = schema.TextLine(
        title=_("Content-Security-Policy"),
        description=_(
            "Where pages may load scripts, styles, images and frames from. Empty: no "
            "policy is sent."
        ),
        required=False,
        default=CONTENT_SECURITY_POLICY,
    )
    content_security_policy_editing = schema.TextLine(
        title=_("Content-Security-Policy for editors"),
        description=_(
            "Sent instead to people who may edit the page they look at: Mosaic's "
            "layout editor needs 'unsafe-eval'. Empty: no policy is sent to them."
        ),
        required=False,
        default=EDITING_CONTENT_SECURITY_POLICY,
    )
    referrer_policy = schema.TextLine(
        title=_("Referrer-Policy"),
        description=_("What other sites learn of the page a link was followed from."),
        required=False,
        default=REFERRER_POLICY,
    )
    frame_options = schema.TextLine(
        title=_("X-Frame-Options"),
        description=_(
            "Which sites may show the portal's pages in a frame (for older browsers; "
            "the policy's frame-ancestors says it for the others)."
        ),
        required=False,
        default=FRAME_OPTIONS,
    )
    strict_transport_security = schema.TextLine(
        title=_("Strict-Transport-Security"),
        description=_(
            "Sent only with responses to HTTPS requests (the proxy must pass "
            "X-Forwarded-Proto): how long browsers use HTTPS only."
        ),
        required=False,
        default=STRICT_TRANSPORT_SECURITY,
    )


class IPersonalData(Interface):
    """Content, a view or a service whose responses carry personal data (and, for
    content, those of everything inside it): never stored by a cache."""


DEFAULTS = {name: ISecurityHeaders[name].default for name in ISecurityHeaders}


def settings():
    """{record name: value} of ``ISecurityHeaders``: the site's, or the defaults."""
    registry = queryUtility(IRegistry)
    if registry is None:
        return dict(DEFAULTS)
    return {name: registry.get(f"{PREFIX}.{name}", default) for name, default in DEFAULTS.items()}


def over_https(request):
    """Did the browser use HTTPS, directly or through the proxy in front of Zope?"""
    forwarded = request.get_header("X-Forwarded-Proto") or ""
    if forwarded.split(",")[0].strip().lower() == "https":
        return True
    if request.environ.get("wsgi.url_scheme") == "https":
        return True
    # A virtual host (VirtualHostMonster) rewritten to https by the proxy.
    return str(request.get("SERVER_URL", "")).startswith("https://")


def published_context(request):
    """What the response shows: the published view's context, or the object itself."""
    published = request.get("PUBLISHED")
    context = getattr(published, "context", None)
    if context is None:
        parents = request.get("PARENTS") or ()
        context = parents[0] if parents else None
    return context


def editing(request):
    """May the user edit what this response shows (then Mosaic runs in the page)?"""
    context = published_context(request)
    user = getSecurityManager().getUser()
    if context is None or user is None or user.getUserName() == "Anonymous User":
        return False
    return bool(getSecurityManager().checkPermission(EDIT_PERMISSION, context))


def security_headers(request):
    """{header: value} for this request's response."""
    values = settings()
    headers = {
        "X-Content-Type-Options": "nosniff",
        "Referrer-Policy": values["referrer_policy"],
        "X-Frame-Options": values["frame_options"],
        "Content-Security-Policy": values[
            "content_security_policy_editing" if editing(request) else "content_security_policy"
        ],
    }
    if over_https(request):
        headers["Strict-Transport-Security"] = values["strict_transport_security"]
    return {name: value for name, value in headers.items() if value}


def personal(request):
    """Does this response carry personal data (see the module)?"""
    published = (request.get("PUBLISHED"), *(request.get("PARENTS") or ()))
    return any(IPersonalData.providedBy(unwrapped(obj)) for obj in published)


def unwrapped(obj):
    """plone.rest wraps what a REST request traverses (RESTWrapper): its ``context``."""
    return obj.context if isinstance(obj, RESTWrapper) else obj


def secure(request, response):
    """Set the security headers on ``response``; no-store for personal data."""
    if request is None or response is None:
        return
    for name, value in security_headers(request).items():
        response.setHeader(name, value)
    if personal(request):
        response.setHeader("Cache-Control", NO_STORE)
        # Nothing to revalidate; plone.app.caching's ETag even names the user. (Its
        # headers may be set with their case kept: compare lower-cased names.)
        for name in [name for name in response.headers if name.lower() in VALIDATORS]:
            del response.headers[name]


@adapter(IPubBeforeCommit)
def before_commit(event):
    secure(event.request, event.request.response)


@adapter(IPubBeforeAbort)
def before_abort(event):
    secure(event.request, event.request.response)


@adapter(IPubBeforeStreaming)
def before_streaming(event):
    request = getRequest()
    secure(request, event.response)
