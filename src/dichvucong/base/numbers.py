"""Numbers as people read them, in the page's language."""

from dichvucong.base.language import current_language


# Thousands and decimal separators: Vietnamese writes 1.500.000 and 0,5.
SEPARATORS = {"vi": (".", ","), "en": (",", ".")}


def format_number(value, language=None, request=None):
    """1500000 -> "1.500.000" (vi) or "1,500,000" (en); 0.5 -> "0,5" / "0.5".

    ``language`` defaults to the request's negotiated language; other languages are
    written as Vietnamese is.
    """
    language = (language or current_language(request)).split("-")[0]
    thousands, decimal = SEPARATORS.get(language, SEPARATORS["vi"])
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    integral = isinstance(value, int)
    text = f"{value:,}" if integral else f"{value:,.2f}".rstrip("0").rstrip(".")
    return text.translate(str.maketrans({",": thousands, ".": decimal}))
