"""A service form's fields model, composed from parts of the city's site data.

Questions several forms share (the applicant, a person's identity, an address, the
receiving agency) are written once, as groups: ``forms/groups/<group>.xml`` in the city
profile, supermodel XML with ``{prefix}`` and ``{label}`` placeholders. A form's entry in
``forms.json`` lists its parts in order::

    "parts": [
      {"group": "applicant"},
      {"group": "person", "prefix": "deceased", "label": "<fieldset label>",
       "only": ["name", "birth_date", "sex"], "optional": ["id_number"]},
      {"fields": "dang-ky-khai-tu.fields.xml"},
      {"group": "receiving-ward"}
    ]

``only`` keeps the group's fields with these name suffixes, ``optional`` makes them
optional, ``help`` ({field name: text}) gives a field the help text this form needs.
A fieldset of a ``fields`` part named like one already composed adds its questions to
it (the birth form's "relationship" joins the applicant's fieldset).

The result is one model, as easyform stores it; profile.py decides whether an existing
form may take a new composition (not when editors changed it).
"""

from lxml import etree
from xml.sax.saxutils import escape
import hashlib
import re


SCHEMA_NS = "http://namespaces.plone.org/supermodel/schema"
NAMESPACES = {
    None: SCHEMA_NS,
    "form": "http://namespaces.plone.org/supermodel/form",
    "easyform": "http://namespaces.plone.org/supermodel/easyform",
}
PREFIX = re.compile(r"^[a-z][a-z0-9_]*$")
ACTIONS = "create-dossier.actions.xml"  # in the city's forms folder, with {code}


class CompositionError(ValueError):
    """A forms.json entry that cannot be composed (the message names the form and part)."""


def _parse(text):
    parser = etree.XMLParser(resolve_entities=False, no_network=True, remove_blank_text=True)
    data = text.encode("utf-8") if isinstance(text, str) else text
    return etree.fromstring(data, parser)


def _q(name):
    return f"{{{SCHEMA_NS}}}{name}"


def _group(read, part):
    """The schema element of a group part, placeholders filled and fields chosen."""
    name = part["group"]
    prefix = part.get("prefix", "")
    text = read(f"groups/{name}.xml")
    if "{prefix}" in text and not PREFIX.match(prefix):
        raise CompositionError(f"group {name} needs a prefix (lower case, digits, _)")
    text = text.replace("{prefix}", prefix).replace("{label}", escape(part.get("label", "")))
    schema = _parse(text).find(_q("schema"))
    only = part.get("only")
    optional = set(part.get("optional", ()))
    for field in list(schema.iter(_q("field"))):
        suffix = field.get("name")[len(prefix) + 1 :] if prefix else field.get("name")
        if only is not None and suffix not in only:
            field.getparent().remove(field)
        elif suffix in optional:
            _set_optional(field)
    for field in schema.iter(_q("field")):
        if field.get("name") in part.get("help", {}):
            _set_help(field, part["help"][field.get("name")])
    return schema


def _set_help(field, text):
    description = field.find(_q("description"))
    if description is None:
        description = etree.Element(_q("description"))
        field.find(_q("title")).addnext(description)
    description.text = text


def _set_optional(field):
    required = field.find(_q("required"))
    if required is None:
        required = etree.SubElement(field, _q("required"))
        title = field.find(_q("title"))
        if title is not None:  # where easyform writes it: after the title
            title.addnext(required)
    required.text = "False"


def compose(entry, read):
    """The fields model (XML text) of a forms.json ``entry``; ``read(name)`` gives the
    text of a file of the profile's forms folder."""
    root = etree.Element(_q("model"), nsmap=NAMESPACES)
    if entry.get("source"):
        # "--" may not appear inside an XML comment.
        root.append(etree.Comment(f" Theo {entry['source'].replace('--', '–')} "))
    schema = etree.SubElement(root, _q("schema"))
    seen = set()
    for number, part in enumerate(entry["parts"], start=1):
        try:
            if "group" in part:
                source = _group(read, part)
            else:
                source = _parse(read(part["fields"])).find(_q("schema"))
        except (KeyError, ValueError, etree.XMLSyntaxError) as error:
            raise CompositionError(f"{entry['id']}, part {number}: {error}") from error
        for node in list(source):
            for field in [node] if node.tag == _q("field") else node.iter(_q("field")):
                if field.get("name") in seen:
                    raise CompositionError(
                        f"{entry['id']}: the field {field.get('name')} is asked twice"
                    )
                seen.add(field.get("name"))
            _add(schema, node)
    etree.indent(root, space="  ")
    return etree.tostring(root, encoding="unicode", xml_declaration=False) + "\n"


def _add(schema, node):
    """Append a field or fieldset; a fieldset already there takes the new questions."""
    if node.tag == _q("fieldset"):
        for existing in schema.iterchildren(_q("fieldset")):
            if existing.get("name") == node.get("name"):
                existing.extend(list(node))
                return
    schema.append(node)


def actions_model(code, read):
    """The form's actions: the city's Create-dossier action for the procedure ``code``."""
    return read(ACTIONS).replace("{code}", escape(code))


def fingerprint(model):
    """What a model looks like to compare it, whitespace and comments aside."""
    if not model:
        return ""
    parser = etree.XMLParser(
        resolve_entities=False, no_network=True, remove_blank_text=True, remove_comments=True
    )
    canonical = etree.tostring(
        etree.fromstring(model.encode("utf-8"), parser), method="c14n", with_comments=False
    )
    return hashlib.sha256(canonical).hexdigest()
