"""A WSGI filter that keeps Zope from naming itself: no ``X-Powered-By`` header.

Zope writes ``X-Powered-By: Zope (www.zope.dev), Python (www.python.org)`` into every
response when it serialises it (``ZPublisher.HTTPResponse.HTTPBaseResponse.listHeaders``);
no setting turns it off, and Zope's maintainers send it to the front end to strip. This
filter is that front end, in our own WSGI pipeline: ``instance/templates/zope.ini.in``
(``[filter:hide-server]``, ``use = egg:dichvucong#dichvucong_hide_server``) and the
test layers' server (``dichvucong.testing``). A proxy in front may strip it too.
"""

HIDDEN = frozenset({"x-powered-by"})


class HideServer:
    """Drop the headers in ``HIDDEN`` from every response of ``app``."""

    def __init__(self, app):
        self.app = app

    def __call__(self, environ, start_response):
        def start(status, headers, exc_info=None):
            kept = [(name, value) for name, value in headers if name.lower() not in HIDDEN]
            return start_response(status, kept, exc_info)

        return self.app(environ, start)


def filter_app_factory(app, global_config, **settings):
    """PasteDeploy's ``paste.filter_app_factory`` entry point."""
    return HideServer(app)
