"""Plain text fields as pages show them."""


def paragraphs(text):
    """The non-empty lines of a plain text field, one paragraph each."""
    return [line.strip() for line in (text or "").splitlines() if line.strip()]
