"""Reader feedback: moderated comments, page ratings and "was this guide helpful?".

Comments are plone.app.discussion's, with our checks added to its form (a name for
anonymous readers, a link limit, a rate limit; collective.honeypot's hidden field).
Ratings and helpful answers are ours: small annotations written by dedicated POST
views that check the CSRF token and the honeypot, and store no personal data.
"""

# Our POST views must carry the honeypot field (collective.honeypot refuses them
# without it); importing the module registers them with collective.honeypot.
from dichvucong.publishing.feedback import honeypot  # noqa: F401
