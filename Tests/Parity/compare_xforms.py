#!/usr/bin/env python3
"""Compare two ODK XForms semantically: the reference (pyxform's) and ours (Counted's).

Usage: compare_xforms.py REFERENCE.xml OURS.xml

Exit 0 when the forms are equivalent, 1 when they differ (one line per difference, each
prefixed with where in the form it is), 2 when a file cannot be read.

What is compared, and how:
- title, model attributes (odk:xforms-version, ...), body attributes;
- the primary instance: element paths in order, attributes (id, version, jr:template, ...)
  and default values;
- secondary instances by id: src, and items (matched by their `name`) with every column;
- binds by nodeset: every attribute (type, required, relevant, constraint, calculate,
  readonly, jr:preload, jr:preloadParams, jr:constraintMsg, jr:requiredMsg, ...);
- itext per language: text id -> each form (plain, image, audio, video, big-image, guidance);
- the body: controls in order with element name, ref/nodeset, every attribute (appearance,
  jr:count, odk:* ...), label/hint (itext ref or inline text), items, itemsets, and nested
  groups and repeats, plus actions placed in the body;
- other model children: actions (odk:setvalue, setvalue, odk:recordaudio, ...) and
  submission.

XML is compared semantically: namespaces by URI, attribute order ignored, whitespace-only
text ignored, leading and trailing whitespace of text ignored, and runs of whitespace inside
attribute values (expressions) collapsed to one space.
"""

from __future__ import annotations

import difflib
import re
import sys
import xml.etree.ElementTree as ET
from collections import Counter
from dataclasses import dataclass, field

XFORMS = "http://www.w3.org/2002/xforms"
XHTML = "http://www.w3.org/1999/xhtml"
PREFIXES = {
    XFORMS: "",
    XHTML: "h",
    "http://openrosa.org/javarosa": "jr",
    "http://openrosa.org/xforms": "orx",
    "http://www.opendatakit.org/xforms": "odk",
    "http://www.w3.org/2001/xml-events": "ev",
    "http://www.w3.org/2001/XMLSchema": "xsd",
    "http://www.opendatakit.org/xforms/entities": "entities",
}
# Attributes whose values are names of XML Schema types: `xsd:int` and `int` mean the same.
TYPE_ATTRIBUTES = {"type"}
# Attributes holding XPath expressions: whitespace next to brackets, commas and operators is
# not significant there (pyxform writes `concat('a',  /data/n )`).
EXPRESSION_ATTRIBUTES = {
    "relevant", "constraint", "calculate", "required", "readonly", "nodeset", "ref", "value",
    "jr:count",
}
WHITESPACE = re.compile(r"\s+")
# A string literal, or whitespace around a bracket, comma or operator (not `-` or `/`, which
# can be part of names and paths).
EXPRESSION_TOKEN = re.compile(r"""('[^']*'|"[^"]*")|\s*([()\[\],=<>!+*|])\s*""")


class UnreadableForm(Exception):
    """A file that is not an XForm we can compare; the message says which and why."""


def display_name(qualified: str) -> str:
    """`{uri}local` -> `prefix:local` with the usual XForms prefixes; unknown URIs stay."""
    if not qualified.startswith("{"):
        return qualified
    uri, local = qualified[1:].split("}", 1)
    if uri in PREFIXES:
        prefix = PREFIXES[uri]
        return f"{prefix}:{local}" if prefix else local
    return qualified


def collapse(value: str | None) -> str:
    return WHITESPACE.sub(" ", value or "").strip()


def collapse_expression(value: str) -> str:
    """Whitespace-insensitive form of an XPath expression; string literals are kept as is."""
    def replace(match: re.Match[str]) -> str:
        return match.group(1) if match.group(1) is not None else match.group(2)

    pieces = []
    position = 0
    for match in EXPRESSION_TOKEN.finditer(value):
        pieces.append(collapse(value[position:match.start()]) if match.start() > position else "")
        pieces.append(replace(match))
        position = match.end()
    pieces.append(collapse(value[position:]))
    return "".join(pieces).strip()


class Expression(str):
    """An expression compared in its whitespace-insensitive form but shown as written."""

    shown: str

    def __new__(cls, written: str) -> "Expression":
        made = super().__new__(cls, collapse_expression(written))
        made.shown = collapse(written)
        return made


def attribute_value(name: str, value: str) -> str:
    if name in EXPRESSION_ATTRIBUTES:
        return Expression(value)
    value = collapse(value)
    if name in TYPE_ATTRIBUTES and value.startswith("xsd:"):
        value = value[len("xsd:"):]
    return value


def attributes(element: ET.Element, skip: tuple[str, ...] = ()) -> dict[str, str]:
    out = {}
    for key, value in element.attrib.items():
        name = display_name(key)
        if name in skip:
            continue
        out[name] = attribute_value(name, value)
    return out


def mixed_text(element: ET.Element) -> str:
    """Text of a label/value with its <output value="..."/> children, ends stripped."""
    parts = [element.text or ""]
    for child in element:
        name = display_name(child.tag)
        attrs = " ".join(f'{k}="{v}"' for k, v in sorted(attributes(child).items()))
        inner = mixed_text(child)
        parts.append(f"<{name} {attrs}>{inner}</{name}>" if inner else f"<{name} {attrs}/>")
        parts.append(child.tail or "")
    return "".join(parts).strip()


def quoted(value: str | None) -> str:
    return "missing" if value is None else f'"{getattr(value, "shown", value)}"'


@dataclass
class Differences:
    lines: list[str] = field(default_factory=list)

    def add(self, where: str, what: str) -> None:
        self.lines.append(f"{where}: {what}")

    def values(self, where: str, what: str, reference: str | None, ours: str | None) -> None:
        if reference != ours:
            self.add(where, f"{what}: reference {quoted(reference)}, ours {quoted(ours)}")

    def mapping(self, where: str, reference: dict[str, str], ours: dict[str, str],
                label: str = "") -> None:
        for key in list(reference) + [k for k in ours if k not in reference]:
            self.values(where, f"{label}{key}", reference.get(key), ours.get(key))


# ----------------------------------------------------------------------------------------
# Reading a form


@dataclass
class Form:
    name: str
    root: ET.Element
    head: ET.Element
    model: ET.Element
    body: ET.Element | None


def read_form(path: str) -> Form:
    try:
        root = ET.parse(path).getroot()
    except FileNotFoundError:
        raise UnreadableForm(f"{path}: file not found") from None
    except ET.ParseError as error:
        line, column = error.position
        raise UnreadableForm(f"{path}: not well-formed XML at line {line}, column {column}") from None
    except OSError as error:
        raise UnreadableForm(f"{path}: cannot be read ({error.strerror})") from None
    if root.tag != f"{{{XHTML}}}html":
        raise UnreadableForm(f"{path}: root element is {display_name(root.tag)}, expected h:html")
    head = root.find(f"{{{XHTML}}}head")
    if head is None:
        raise UnreadableForm(f"{path}: no h:head element")
    model = head.find(f"{{{XFORMS}}}model")
    if model is None:
        raise UnreadableForm(f"{path}: no model element in h:head")
    return Form(path, root, head, model, root.find(f"{{{XHTML}}}body"))


def primary_instance(form: Form) -> ET.Element | None:
    for instance in form.model.findall(f"{{{XFORMS}}}instance"):
        if "id" not in instance.attrib:
            children = list(instance)
            return children[0] if children else None
    return None


def secondary_instances(form: Form) -> dict[str, ET.Element]:
    found = {}
    for instance in form.model.findall(f"{{{XFORMS}}}instance"):
        if "id" in instance.attrib:
            found[instance.attrib["id"]] = instance
    return found


# ----------------------------------------------------------------------------------------
# Sections


def compare_title(ref: Form, ours: Form, out: Differences) -> None:
    def title(form: Form) -> str | None:
        element = form.head.find(f"{{{XHTML}}}title")
        return None if element is None else mixed_text(element)

    out.values("title", "text", title(ref), title(ours))


def compare_model_attributes(ref: Form, ours: Form, out: Differences) -> None:
    out.mapping("model", attributes(ref.model), attributes(ours.model), "attribute ")


def named_children(element: ET.Element) -> list[tuple[str, ET.Element]]:
    """Children with a path step each; same-named siblings get [2], [3] ... after the first."""
    seen: Counter[str] = Counter()
    steps = []
    for child in element:
        name = display_name(child.tag)
        seen[name] += 1
        steps.append((name if seen[name] == 1 else f"{name}[{seen[name]}]", child))
    return steps


def compare_instance_node(where: str, ref: ET.Element, ours: ET.Element, out: Differences) -> None:
    out.mapping(f"instance {where}", attributes(ref), attributes(ours), "attribute ")
    if len(ref) == 0 or len(ours) == 0:
        ref_text = (ref.text or "").strip() if len(ref) == 0 else None
        our_text = (ours.text or "").strip() if len(ours) == 0 else None
        if ref_text is not None and our_text is not None:
            out.values(f"instance {where}", "default value", ref_text, our_text)
    ref_children = named_children(ref)
    our_children = dict(named_children(ours))
    ref_steps = [step for step, _ in ref_children]
    our_steps = list(our_children)
    for step in ref_steps:
        if step not in our_children:
            out.add(f"instance {where}/{step}", "missing in ours")
    for step in our_steps:
        if step not in ref_steps:
            out.add(f"instance {where}/{step}", "not in reference (extra in ours)")
    common_ref = [s for s in ref_steps if s in our_children]
    common_ours = [s for s in our_steps if s in ref_steps]
    if common_ref != common_ours:
        out.add(f"instance {where}", "children in a different order: reference "
                f"{', '.join(common_ref)}; ours {', '.join(common_ours)}")
    for step, child in ref_children:
        if step in our_children:
            compare_instance_node(f"{where}/{step}", child, our_children[step], out)


def compare_primary_instance(ref: Form, ours: Form, out: Differences) -> None:
    ref_root, our_root = primary_instance(ref), primary_instance(ours)
    if ref_root is None or our_root is None:
        if ref_root is not our_root:
            out.add("instance", f"primary instance: reference {'missing' if ref_root is None else 'present'}, "
                    f"ours {'missing' if our_root is None else 'present'}")
        return
    ref_name, our_name = display_name(ref_root.tag), display_name(our_root.tag)
    if ref_name != our_name:
        out.add("instance", f"root element: reference {ref_name}, ours {our_name}")
        return
    compare_instance_node(f"/{ref_name}", ref_root, our_root, out)


def item_columns(item: ET.Element) -> dict[str, str]:
    columns = {}
    for child in item:
        columns[display_name(child.tag)] = mixed_text(child)
    for key, value in attributes(item).items():
        columns[f"@{key}"] = value
    return columns


def compare_secondary_instances(ref: Form, ours: Form, out: Differences) -> None:
    ref_instances, our_instances = secondary_instances(ref), secondary_instances(ours)
    for instance_id in ref_instances:
        if instance_id not in our_instances:
            out.add(f"instance#{instance_id}", "missing in ours")
    for instance_id in our_instances:
        if instance_id not in ref_instances:
            out.add(f"instance#{instance_id}", "not in reference (extra in ours)")
    for instance_id, ref_instance in ref_instances.items():
        our_instance = our_instances.get(instance_id)
        if our_instance is None:
            continue
        where = f"instance#{instance_id}"
        out.mapping(where, attributes(ref_instance, skip=("id",)),
                    attributes(our_instance, skip=("id",)), "attribute ")
        ref_roots, our_roots = list(ref_instance), list(our_instance)
        ref_root_name = display_name(ref_roots[0].tag) if ref_roots else None
        our_root_name = display_name(our_roots[0].tag) if our_roots else None
        out.values(where, "root element", ref_root_name, our_root_name)
        if not ref_roots or not our_roots or ref_root_name != our_root_name:
            continue
        compare_items(where, list(ref_roots[0]), list(our_roots[0]), out)


def item_key(index: int, item: ET.Element) -> str:
    name = item.find(f"{{{XFORMS}}}name")
    if name is None:
        name = item.find("name")
    if name is not None:
        return f'item "{mixed_text(name)}"'
    return f"item {index + 1}"


def keyed(keys: list[str]) -> list[str]:
    """Make keys unique by numbering repeats: a, a#2, a#3."""
    seen: Counter[str] = Counter()
    out = []
    for key in keys:
        seen[key] += 1
        out.append(key if seen[key] == 1 else f"{key}#{seen[key]}")
    return out


def compare_items(where: str, ref_items: list[ET.Element], our_items: list[ET.Element],
                  out: Differences) -> None:
    ref_keys = keyed([item_key(i, item) for i, item in enumerate(ref_items)])
    our_keys = keyed([item_key(i, item) for i, item in enumerate(our_items)])
    ours_by_key = dict(zip(our_keys, our_items))
    for key in ref_keys:
        if key not in ours_by_key:
            out.add(f"{where} {key}", "missing in ours")
    for key in our_keys:
        if key not in ref_keys:
            out.add(f"{where} {key}", "not in reference (extra in ours)")
    common_ref = [k for k in ref_keys if k in ours_by_key]
    common_ours = [k for k in our_keys if k in ref_keys]
    if common_ref != common_ours:
        out.add(where, f"items in a different order: reference {', '.join(common_ref)}; "
                f"ours {', '.join(common_ours)}")
    for key, item in zip(ref_keys, ref_items):
        if key in ours_by_key:
            out.mapping(f"{where} {key}", item_columns(item), item_columns(ours_by_key[key]))


def binds(form: Form, out: Differences, side: str) -> dict[str, dict[str, str]]:
    found: dict[str, dict[str, str]] = {}
    for bind in form.model.findall(f"{{{XFORMS}}}bind"):
        nodeset = collapse(bind.attrib.get("nodeset"))
        attrs = attributes(bind, skip=("nodeset",))
        if nodeset in found:
            out.add(f"bind {nodeset}", f"appears more than once in {side}")
            found[nodeset].update(attrs)
        else:
            found[nodeset] = attrs
    return found


def compare_binds(ref: Form, ours: Form, out: Differences) -> None:
    ref_binds, our_binds = binds(ref, out, "reference"), binds(ours, out, "ours")
    for nodeset, ref_attrs in ref_binds.items():
        if nodeset not in our_binds:
            out.add(f"bind {nodeset}", "missing in ours")
            continue
        out.mapping(f"bind {nodeset}", ref_attrs, our_binds[nodeset])
    for nodeset in our_binds:
        if nodeset not in ref_binds:
            out.add(f"bind {nodeset}", "not in reference (extra in ours)")


def translations(form: Form) -> dict[str, tuple[dict[str, str], dict[str, dict[str, str]]]]:
    """lang -> (translation attributes, text id -> form -> value)."""
    found = {}
    itext = form.model.find(f"{{{XFORMS}}}itext")
    if itext is None:
        return found
    for translation in itext.findall(f"{{{XFORMS}}}translation"):
        lang = translation.attrib.get("lang", "")
        texts: dict[str, dict[str, str]] = {}
        for text in translation.findall(f"{{{XFORMS}}}text"):
            forms: dict[str, str] = {}
            for value in text.findall(f"{{{XFORMS}}}value"):
                form_name = value.attrib.get("form", "plain")
                forms[form_name] = mixed_text(value)
            texts[text.attrib.get("id", "")] = forms
        found[lang] = (attributes(translation, skip=("lang",)), texts)
    return found


def compare_itext(ref: Form, ours: Form, out: Differences) -> None:
    ref_langs, our_langs = translations(ref), translations(ours)
    for lang in ref_langs:
        if lang not in our_langs:
            out.add(f"itext [{lang}]", "language missing in ours")
    for lang in our_langs:
        if lang not in ref_langs:
            out.add(f"itext [{lang}]", "language not in reference (extra in ours)")
    for lang, (ref_attrs, ref_texts) in ref_langs.items():
        if lang not in our_langs:
            continue
        our_attrs, our_texts = our_langs[lang]
        out.mapping(f"itext [{lang}]", ref_attrs, our_attrs, "attribute ")
        for text_id, ref_forms in ref_texts.items():
            if text_id not in our_texts:
                out.add(f"itext [{lang}] {text_id}", "missing in ours")
                continue
            out.mapping(f"itext [{lang}] {text_id}", ref_forms, our_texts[text_id], "form ")
        for text_id in our_texts:
            if text_id not in ref_texts:
                out.add(f"itext [{lang}] {text_id}", "not in reference (extra in ours)")


TEXT_ELEMENTS = {"label", "hint", "value"}


def body_key(element: ET.Element) -> str:
    """How a body element is named in messages and matched between the forms."""
    name = display_name(element.tag)
    ref = element.attrib.get("ref") or element.attrib.get("nodeset")
    if name == "item":
        value = element.find(f"{{{XFORMS}}}value")
        return f"item[{mixed_text(value) if value is not None else '?'}]"
    if name in ("label", "hint", "value", "itemset"):
        return name
    event = element.attrib.get("event")
    details = []
    if ref is not None:
        details.append(collapse(ref))
    if event is not None:
        details.append(f"event={collapse(event)}")
    return f"{name}[{' '.join(details)}]" if details else name


def compare_body_element(where: str, ref: ET.Element, ours: ET.Element, out: Differences) -> None:
    out.mapping(where, attributes(ref), attributes(ours))
    if display_name(ref.tag) in TEXT_ELEMENTS:
        # Inline text, possibly with <output value="..."/> inside.
        out.values(where, "text", mixed_text(ref), mixed_text(ours))
        return
    ref_text, our_text = (ref.text or "").strip(), (ours.text or "").strip()
    if ref_text or our_text:
        out.values(where, "text", ref_text, our_text)
    compare_body_children(where, list(ref), list(ours), out)


def compare_body_children(where: str, ref_children: list[ET.Element],
                          our_children: list[ET.Element], out: Differences) -> None:
    ref_keys = keyed([body_key(c) for c in ref_children])
    our_keys = keyed([body_key(c) for c in our_children])
    matcher = difflib.SequenceMatcher(a=ref_keys, b=our_keys, autojunk=False)
    ours_by_key = dict(zip(our_keys, our_children))
    ref_by_key = dict(zip(ref_keys, ref_children))
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        for key in ref_keys[i1:i2]:
            if key in ours_by_key:
                out.add(f"{where}/{key}", "in a different position in ours")
            else:
                out.add(f"{where}/{key}", "missing in ours")
        for key in our_keys[j1:j2]:
            if key not in ref_by_key:
                out.add(f"{where}/{key}", "not in reference (extra in ours)")
    for key, child in zip(ref_keys, ref_children):
        if key in ours_by_key:
            compare_body_element(f"{where}/{key}", child, ours_by_key[key], out)


def compare_body(ref: Form, ours: Form, out: Differences) -> None:
    if ref.body is None or ours.body is None:
        if ref.body is not ours.body:
            out.add("body", f"reference {'missing' if ref.body is None else 'present'}, "
                    f"ours {'missing' if ours.body is None else 'present'}")
        return
    out.mapping("body", attributes(ref.body), attributes(ours.body), "attribute ")
    compare_body_children("body", list(ref.body), list(ours.body), out)


MODEL_SECTIONS = {"instance", "bind", "itext"}


def compare_model_actions(ref: Form, ours: Form, out: Differences) -> None:
    """Model children other than instances, binds and itext: actions and submission."""
    def others(form: Form) -> list[ET.Element]:
        return [c for c in form.model if display_name(c.tag) not in MODEL_SECTIONS]

    ref_others, our_others = others(ref), others(ours)
    ref_keys = keyed([body_key(c) for c in ref_others])
    our_keys = keyed([body_key(c) for c in our_others])
    ours_by_key = dict(zip(our_keys, our_others))
    for key, element in zip(ref_keys, ref_others):
        if key not in ours_by_key:
            out.add(f"head {key}", "missing in ours")
        else:
            compare_body_element(f"head {key}", element, ours_by_key[key], out)
    for key in our_keys:
        if key not in ref_keys:
            out.add(f"head {key}", "not in reference (extra in ours)")

    def head_others(form: Form) -> list[str]:
        return [display_name(c.tag) for c in form.head if display_name(c.tag) not in ("h:title", "model")]

    ref_head, our_head = head_others(ref), head_others(ours)
    if ref_head != our_head:
        out.add("head", f"other elements: reference {ref_head or 'none'}, ours {our_head or 'none'}")


def compare_forms(reference: Form, ours: Form) -> list[str]:
    out = Differences()
    compare_title(reference, ours, out)
    compare_model_attributes(reference, ours, out)
    compare_primary_instance(reference, ours, out)
    compare_secondary_instances(reference, ours, out)
    compare_binds(reference, ours, out)
    compare_itext(reference, ours, out)
    compare_model_actions(reference, ours, out)
    compare_body(reference, ours, out)
    return out.lines


def compare_files(reference_path: str, ours_path: str) -> list[str]:
    """Differences between two XForm files; raises UnreadableForm."""
    return compare_forms(read_form(reference_path), read_form(ours_path))


def main(argv: list[str]) -> int:
    if len(argv) != 3:
        print("usage: compare_xforms.py REFERENCE.xml OURS.xml", file=sys.stderr)
        return 2
    try:
        differences = compare_files(argv[1], argv[2])
    except UnreadableForm as error:
        print(f"cannot compare: {error}", file=sys.stderr)
        return 2
    for line in differences:
        print(line)
    return 1 if differences else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
