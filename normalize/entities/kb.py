"""Knowledge base: load entities from YAML/JSON, validate them, and build the indexes the resolver
reads (names, aliases, generated variants, transliteration keys, acronyms, typo neighbourhoods,
role holders). Built once; afterwards every read is lock-free and thread-safe.
"""

from __future__ import annotations

import datetime as dt
import gc
import json
import re
import threading
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, NamedTuple

import yaml

from normalize.entities import lexicon
from normalize.entities.typo import TypoIndex
from normalize.isodate import parse_iso_date
from normalize.yamldata import SafeLoader as _BaseLoader

_YEARLIKE = re.compile(r"\d{4}|\d+(?:st|nd|rd|th)")  # a year or an ordinal in an event's name


class _YamlLoader(_BaseLoader):  # type: ignore[misc, valid-type]
    """Safe YAML loader that leaves dates as text, so a bad date is reported with its entity."""

    yaml_implicit_resolvers = {
        first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
        for first, resolvers in _BaseLoader.yaml_implicit_resolvers.items()
    }

BUNDLED_DIR = lexicon.DATA_DIR / "kb"
REFERENCE_FIELDS = ("located_in", "capital", "seat_of")
# Entity types that may qualify a title ("Russian President", "UN Secretary-General").
QUALIFIER_TYPES = frozenset({"country", "org", "gov", "city"})
NAMED_PLACE_TYPES = frozenset({"city", "country", "place"})  # places a name names: no seat, event
COUNTRY_TYPES = NAMED_PLACE_TYPES | {"gov"}  # what lies in one country
PLACE_TYPES = COUNTRY_TYPES | {"event"}  # what can be "in"


class KnowledgeBaseError(ValueError):
    """An unusable knowledge base; the message names the file, the entity and the field."""


@dataclass(frozen=True, slots=True)
class Role:
    """One term in one office: `of` is a country or organisation id; dates are inclusive."""

    role: str
    of: str | None = None
    start: dt.date | None = None
    end: dt.date | None = None
    acting: bool = False

    def active_on(self, day: dt.date | None) -> bool:
        """True when the term covers `day`; with no day, when the term is still open."""
        return _covers(self.start, self.end, day)


def _covers(start: dt.date | None, end: dt.date | None, day: dt.date | None) -> bool:
    """Whether the inclusive term start..end (either open) covers `day`; with no day, whether
    the term is still open: a role's term and a dated alias's alike."""
    if day is None:
        return end is None
    return (start is None or start <= day) and (end is None or day <= end)


@dataclass(frozen=True, slots=True)
class Entity:
    """One knowledge-base entity with the fields of the KB schema (kb-schema.md)."""

    id: str
    name: str
    type: str
    aliases: tuple[str, ...] = ()
    wikidata: str | None = None
    gender: str | None = None
    nationality: str | None = None
    roles: tuple[Role, ...] = ()
    located_in: str | None = None
    demonyms: tuple[str, ...] = ()
    iso: tuple[str, ...] = ()
    capital: str | None = None
    seat_of: str | None = None
    start: dt.date | None = None
    end: dt.date | None = None
    participants: tuple[str, ...] = ()
    died: dt.date | None = None  # a person's date of death ("the late queen"), when known
    # aliases that name the entity only for a while ("Prince Charles" until he became king):
    # (alias, start, end), each also in `aliases`
    dated_aliases: tuple[tuple[str, dt.date | None, dt.date | None], ...] = ()
    source: str = field(default="", compare=False)


class Hit(NamedTuple):
    """One index entry: which entity a key names, how the key was made, and from what text."""

    id: str
    method: str
    score: float
    source: str  # the name or alias the key comes from
    detail: str = ""  # how a variant was made from it ("initial", "reversed order", ...)


# How much an index key of each kind is worth as evidence (the decision compares these).
SCORES = {
    "exact": 1.0,
    "alias": 0.98,
    "acronym": 0.95,
    "variant": 0.93,
    "demonym": 0.85,
    "surname": 0.9,
    "surname, last part": 0.85,  # of a double-barrelled one, alone: "Zuma" is Jacob Zuma's
}


# ----------------------------------------------------------------------------- loading


def _date(value: Any, where: str, last: bool = False) -> dt.date | None:
    """An ISO date from YAML or text. A year ("2012") or month ("2012-05") alone stands for its
    first day, or its last with `last` (an end date); anything impossible is a KB error."""
    if value is None or value == "":
        return None
    try:
        text = str(value) if isinstance(value, int) else value  # YAML reads "2012" as a number
        return parse_iso_date(text, where, period="end" if last else "start")
    except ValueError:
        raise KnowledgeBaseError(
            f"{where}: impossible date {value!r} (expected YYYY-MM-DD)") from None


def _strings(value: Any, where: str) -> tuple[str, ...]:
    """A list of strings (a single value is a list of one; numbers are read as text)."""
    if value is None:
        return ()
    if isinstance(value, (str, int, float)) and not isinstance(value, bool):
        return (str(value),)
    if isinstance(value, list) and all(
            isinstance(v, (str, int, float)) and not isinstance(v, bool) for v in value):
        return tuple(str(v) for v in value if str(v).strip())
    raise KnowledgeBaseError(f"{where}: expected a list of strings, got {value!r}")


def _aliases(value: Any, where: str
             ) -> tuple[tuple[str, ...], tuple[tuple[str, dt.date | None, dt.date | None], ...]]:
    """The aliases (strings, or mappings {name, start, end} for an alias in use only between
    those dates) and the dated ones among them."""
    items = value if isinstance(value, list) else [] if value is None else [value]
    plain: list[Any] = []
    dated = []
    for i, item in enumerate(items):
        if isinstance(item, Mapping):
            name = item.get("name")
            if not isinstance(name, str) or not name.strip():
                raise KnowledgeBaseError(f"{where}[{i}].name: expected the alias, got {name!r}")
            start = _date(item.get("start"), f"{where}[{i}].start")
            end = _date(item.get("end"), f"{where}[{i}].end", last=True)
            if start and end and end < start:
                raise KnowledgeBaseError(
                    f"{where}[{i}].end: impossible dates, {end} before {start}")
            dated.append((name.strip(), start, end))
            plain.append(name.strip())
        else:
            plain.append(item)
    return _strings(plain, where), tuple(dated)


def _optional_str(record: Mapping[str, Any], key: str, where: str) -> str | None:
    """An optional string field (a number is read as text); anything else is a KB error."""
    value = record.get(key)
    if value is None or isinstance(value, str):
        return value.strip() or None if value else None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    raise KnowledgeBaseError(f"{where} field '{key}': expected a string, got {value!r}")


def _entity(record: Any, index: int, source: str) -> Entity:
    """Build and check one entity record (references to other ids are checked later)."""
    if not isinstance(record, Mapping):
        raise KnowledgeBaseError(f"{source}: entity #{index}: not a mapping")
    ident = record.get("id")
    if isinstance(ident, int) and not isinstance(ident, bool):
        ident = str(ident)
    if not isinstance(ident, str) or not ident.strip():
        raise KnowledgeBaseError(f"{source}: entity #{index}: field 'id': missing or empty")
    where = f"{source}: entity {ident}:"
    name = record.get("name")
    if isinstance(name, (int, float)) and not isinstance(name, bool):
        name = str(name)
    if not isinstance(name, str) or not name.strip():
        raise KnowledgeBaseError(f"{where} field 'name': missing or empty")
    etype = record.get("type") or (ident.split(":", 1)[0] if ":" in ident else "thing")
    if not isinstance(etype, str):
        raise KnowledgeBaseError(f"{where} field 'type': expected a string, got {etype!r}")
    roles = []
    raw_roles = record.get("roles") or []
    if not isinstance(raw_roles, list):
        raise KnowledgeBaseError(f"{where} field 'roles': expected a list")
    for i, raw in enumerate(raw_roles):
        rfield = f"{where} field 'roles[{i}]"
        if not isinstance(raw, Mapping) or not isinstance(raw.get("role"), str):
            raise KnowledgeBaseError(f"{rfield}': expected a mapping with a 'role' string")
        start = _date(raw.get("start"), f"{rfield}.start'")
        end = _date(raw.get("end"), f"{rfield}.end'", last=True)
        if start and end and end < start:
            raise KnowledgeBaseError(f"{rfield}.end': impossible dates, {end} before start {start}")
        of = raw.get("of")
        if of is not None and not isinstance(of, str):
            raise KnowledgeBaseError(f"{rfield}.of': expected an entity id, got {of!r}")
        roles.append(Role(raw["role"], of, start, end, bool(raw.get("acting", False))))
    start = _date(record.get("start"), f"{where} field 'start'")
    end = _date(record.get("end"), f"{where} field 'end'", last=True)
    if start and end and end < start:
        raise KnowledgeBaseError(f"{where} field 'end': impossible dates, {end} before {start}")
    died = _date(record.get("died"), f"{where} field 'died'", last=True)
    aliases, dated_aliases = _aliases(record.get("aliases"), f"{where} field 'aliases'")
    for i, r in enumerate(roles):
        if died and r.start and r.start > died:
            raise KnowledgeBaseError(f"{where} field 'roles[{i}].start': impossible dates,"
                                     f" {r.start} after death on {died}")
    return Entity(
        id=ident.strip(),
        name=name.strip(),
        type=etype,
        aliases=aliases,
        wikidata=_optional_str(record, "wikidata", where),
        gender=_optional_str(record, "gender", where),
        nationality=_optional_str(record, "nationality", where),
        roles=tuple(roles),
        located_in=_optional_str(record, "located_in", where),
        demonyms=_strings(record.get("demonyms"), f"{where} field 'demonyms'"),
        iso=_strings(record.get("iso"), f"{where} field 'iso'"),
        capital=_optional_str(record, "capital", where),
        seat_of=_optional_str(record, "seat_of", where),
        start=start,
        end=end,
        participants=_strings(record.get("participants"), f"{where} field 'participants'"),
        died=died,
        dated_aliases=dated_aliases,
        source=source,
    )


def _read_file(path: Path) -> list[Any]:
    """The entity records of one YAML or JSON file (a list, or a mapping with `entities`)."""
    return _read_file_lines(path)[0]


def _read_file_lines(path: Path) -> tuple[list[Any], list[dict[str, int]]]:
    """The entity records of one file, and per record the 1-based line of each top-level field
    and of the record itself (under ""), from the same parse; no lines for JSON."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise KnowledgeBaseError(f"{path}: unreadable knowledge base file: {exc}") from exc
    root = None
    try:
        if path.suffix.lower() == ".json":
            data = json.loads(text)
        else:
            loader = _YamlLoader(text)
            try:
                root = loader.get_single_node()
                data = loader.construct_document(root) if root is not None else None
            finally:
                loader.dispose()
    except (yaml.YAMLError, json.JSONDecodeError) as exc:
        raise KnowledgeBaseError(f"{path}: syntax error: {exc}") from exc
    if data is None:
        return [], []
    if isinstance(data, Mapping):
        data = data.get("entities")
        root = next((v for k, v in root.value if getattr(k, "value", None) == "entities"),
                    None) if isinstance(root, yaml.MappingNode) else None
    if not isinstance(data, list):
        raise KnowledgeBaseError(
            f"{path}: expected a list of entities or a mapping with an 'entities' list"
        )
    return data, _record_lines(root)


def _kb_files(path: Path) -> list[Path]:
    """The KB files a path names: the file itself, or the YAML/JSON files of a directory."""
    if path.is_dir():
        return sorted(p for p in path.iterdir() if p.suffix.lower() in {".yaml", ".yml", ".json"})
    if not path.exists():
        raise KnowledgeBaseError(f"{path}: unreadable knowledge base file: no such file")
    return [path]


def read_records(path: str | Path) -> list[Any]:
    """The raw records of a KB file, or of every YAML/JSON file of a directory, in file order:
    unvalidated, for readers that need a few fields without building the knowledge base."""
    return [record for file in _kb_files(Path(path)) for record in _read_file(file)]


class KBProblem(NamedTuple):
    """One entity a knowledge-base file could not give: where it stands and why."""

    file: str
    line: int | None  # 1-based line of the field at fault, else of the entity; None for JSON
    field: str | None
    message: str


_FIELD = re.compile(r"field '([A-Za-z_]+)")


def _record_lines(root: Any) -> list[dict[str, int]]:
    """Per entity record of a YAML list node: the 1-based line of each of its top-level fields,
    and of the record itself under ""; [] for anything else (JSON has no node)."""
    if not isinstance(root, yaml.SequenceNode):
        return []
    out = []
    for item in root.value:
        lines = {"": item.start_mark.line + 1}
        if isinstance(item, yaml.MappingNode):
            lines.update({k.value: k.start_mark.line + 1 for k, _ in item.value
                          if isinstance(k, yaml.ScalarNode)})
        out.append(lines)
    return out


def read_checked(path: str | Path) -> tuple[list[Entity], list[KBProblem]]:
    """The valid entities of a KB file (or directory) and a problem for each entity left out:
    a bad field, a duplicate id (the first stays), a reference to an id the file lacks. A file
    that cannot be read or parsed at all still raises KnowledgeBaseError."""
    entities: dict[str, Entity] = {}
    lines_of: dict[str, dict[str, int]] = {}
    problems: list[KBProblem] = []
    for file in _kb_files(Path(path)):
        records, lines = _read_file_lines(file)
        for i, record in enumerate(records):
            at = lines[i] if i < len(lines) else {}
            try:
                entity = _entity(record, i, str(file))
            except KnowledgeBaseError as exc:
                problems.append(_problem(file, at, str(exc)))
                continue
            if entity.id in entities:
                first = entities[entity.id].source
                line = lines_of[entity.id].get("")
                where = f"line {line} of {first}" if line else first
                problems.append(_problem(file, at, f"{file}: entity {entity.id}: field 'id': "
                                         f"duplicate id (first defined at {where})"))
                continue
            entities[entity.id] = entity
            lines_of[entity.id] = at
    while True:  # an entity pointing at a missing one goes, which may orphan another
        bad = {e.id: msg for e in entities.values() if (msg := _unknown_reference(e, entities))}
        if not bad:
            break
        for ident, msg in bad.items():
            problems.append(_problem(Path(entities[ident].source), lines_of.get(ident, {}), msg))
            del entities[ident]
    return list(entities.values()), problems


def _problem(file: Path, lines: dict[str, int], message: str) -> KBProblem:
    """A problem located at the line of its field (else of its entity); the message without
    the file name, which the problem carries apart."""
    field_ = _FIELD.search(message)
    name = field_.group(1) if field_ else None
    return KBProblem(str(file), lines.get(name or "", lines.get("")), name,
                     message.removeprefix(f"{file}: "))


def _unknown_reference(e: Entity, entities: Mapping[str, Entity]) -> str | None:
    """The message for the first id `e` refers to that `entities` lacks, else None."""
    for name in REFERENCE_FIELDS:
        target = getattr(e, name)
        if target is not None and target not in entities:
            return f"{e.source}: entity {e.id}: field '{name}': unknown id {target!r}"
    for i, role in enumerate(e.roles):
        if role.of is not None and role.of not in entities:
            return f"{e.source}: entity {e.id}: field 'roles[{i}].of': unknown id {role.of!r}"
    return None


def _read_entities(path: Path) -> list[Entity]:
    """The validated entities of a KB file, or of every YAML/JSON file of a directory."""
    return [_entity(r, i, str(file)) for file in _kb_files(path)
            for i, r in enumerate(_read_file(file))]


_bundled_entities: tuple[Entity, ...] | None = None
_bundled_entities_lock = threading.Lock()


def bundled_entities() -> tuple[Entity, ...]:
    """The validated entities of the knowledge base shipped in the package, read once: the
    bundled knowledge base indexes them, and the date normalizer reads its places from them."""
    global _bundled_entities
    if _bundled_entities is None:
        with _bundled_entities_lock:
            if _bundled_entities is None:
                _bundled_entities = (tuple(_read_entities(BUNDLED_DIR))
                                     if BUNDLED_DIR.is_dir() else ())
    return _bundled_entities


# ----------------------------------------------------------------------------- the KB


class KnowledgeBase:
    """A validated, indexed set of entities; build with `load`, `from_records` or `bundled`."""

    _bundled: KnowledgeBase | None = None
    _bundled_lock = threading.Lock()

    def __init__(self, entities: Iterable[Entity]) -> None:
        """Index already-built entities; references between them must resolve."""
        self._entities: dict[str, Entity] = {}
        for entity in entities:
            if entity.id in self._entities:
                first = self._entities[entity.id].source
                raise KnowledgeBaseError(
                    f"{entity.source}: entity {entity.id}: field 'id': duplicate id"
                    f" (first defined in {first})"
                )
            self._entities[entity.id] = entity
        self._check_references()
        self._infer_role_owners()
        # The index is millions of small objects: keep the cyclic garbage collector from
        # scanning them again and again while they are built.
        enabled = gc.isenabled()
        gc.disable()
        try:
            self._build_indexes()
        finally:
            if enabled:
                gc.enable()

    # -- construction
    @classmethod
    def from_records(cls, records: Iterable[Any], source: str = "<records>") -> KnowledgeBase:
        """A knowledge base from plain mappings in the KB schema (for code and benchmarks)."""
        return cls(_entity(r, i, source) for i, r in enumerate(records))

    @classmethod
    def load(cls, path: str | Path) -> KnowledgeBase:
        """Load a YAML/JSON knowledge base file, or every such file of a directory, merged;
        KnowledgeBaseError at its first unusable entity (file, line, field)."""
        entities, problems = read_checked(path)
        if problems:
            p = problems[0]
            line = f" (line {p.line})" if p.line else ""
            raise KnowledgeBaseError(f"{p.file}{line}: {p.message}")
        return cls(entities)

    @classmethod
    def load_checked(cls, path: str | Path) -> tuple[KnowledgeBase, list[KBProblem]]:
        """Load what is valid of a knowledge base, with a `KBProblem` (file, line, field) for
        each entity left out, so that one bad entry does not hide the rest (`facts check`
        reports them as input errors). An unreadable or unparsable file still raises."""
        entities, problems = read_checked(path)
        return cls(entities), problems

    @classmethod
    def bundled(cls) -> KnowledgeBase:
        """The knowledge base shipped in the package, loaded and indexed once."""
        if cls._bundled is None:
            with cls._bundled_lock:
                if cls._bundled is None:
                    cls._bundled = cls(bundled_entities())
        return cls._bundled

    def _check_references(self) -> None:
        for e in self._entities.values():
            message = _unknown_reference(e, self._entities)
            if message:
                raise KnowledgeBaseError(message)

    def _infer_role_owners(self) -> None:
        """A role without `of` gets the country its title names ("President of Russia",
        "Russian Foreign Minister"), else the holder's nationality."""
        if not any(r.of is None for e in self._entities.values() for r in e.roles):
            return
        names: dict[str, str] = {}
        for e in self._entities.values():
            if e.type == "country":
                for text in (e.name, *e.aliases, *e.demonyms):
                    names.setdefault(lexicon.name_key(text), e.id)
        for e in list(self._entities.values()):
            if all(r.of is not None for r in e.roles):
                continue
            roles = []
            for r in e.roles:
                if r.of is None:
                    toks = lexicon.tokens(r.role)
                    found = next((names[k] for n in (3, 2, 1) for i in range(len(toks) - n + 1)
                                  if (k := " ".join(toks[i:i + n])) in names), None)
                    r = replace(r, of=found or e.nationality)
                roles.append(r)
            self._entities[e.id] = replace(e, roles=tuple(roles))

    # -- reads
    def get(self, entity_id: str) -> Entity | None:
        """The entity with this id, or None."""
        return self._entities.get(entity_id)

    def __len__(self) -> int:
        return len(self._entities)

    def __iter__(self) -> Iterator[Entity]:
        return iter(self._entities.values())

    def __contains__(self, entity_id: object) -> bool:
        return entity_id in self._entities

    def contains(self, outer_id: str, inner_id: str) -> bool:
        """True when `inner_id` lies inside `outer_id` by the located_in chain (or is it)."""
        seen: set[str] = set()
        current: str | None = inner_id
        while current is not None and current not in seen:
            if current == outer_id:
                return True
            seen.add(current)
            entity = self._entities.get(current)
            current = entity.located_in if entity else None
        return False

    def lookup(self, key: str) -> list[Hit]:
        """Index entries for a folded key (see lexicon.name_key)."""
        return [Hit._make(h) for h in self._keys.get(key, ())]

    def alias_in_force(self, ident: str, key: str, day: dt.date | None) -> bool:
        """Whether the folded `key`, if a dated alias of entity `ident`, named it on `day`
        ("Prince Charles" until September 2022); with no day, whether it still does."""
        term = self._alias_terms.get((ident, key))
        return term is None or _covers(*term, day)

    def lookup_acronym(self, text: str) -> list[Hit]:
        """Index entries for an all-caps acronym, written in capitals ("WHO", not "who")."""
        return [Hit._make(h) for h in self._acronyms.get(text, ())]

    def lookup_translit(self, key: str) -> list[Hit]:
        """Index entries whose transliteration-folded key equals that of `key`."""
        tkey = lexicon.translit_key(key)
        hits = self.lookup(tkey)
        for original in self._translit.get(tkey, ()):
            hits.extend(self.lookup(original))
        return hits

    def typo_candidates(self, key: str) -> list[tuple[str, tuple[int, ...]]]:
        """Index keys within a small edit budget of `key`, token by token, with their edits."""
        return self._typo.candidate_keys(key, self._keys)

    def demonym(self, key: str) -> str | None:
        """The country id a demonym names ("russian" -> country:ru)."""
        return self._demonyms.get(key)

    def seats_of(self, entity_id: str) -> list[Entity]:
        """Seats that stand for this country or organisation ("Kremlin" for country:ru)."""
        return [self._entities[i] for i in self._seats.get(entity_id, ())]

    def capital_of(self, entity_id: str) -> str | None:
        """The country whose capital this city is."""
        return self._capital_of.get(entity_id)

    def stands_for(self, entity_id: str) -> str | None:
        """The country or organisation a seat of government or a capital stands for when it
        acts ("the Kremlin said", "Moscow expelled"), or None."""
        e = self._entities.get(entity_id)
        return (e.seat_of if e is not None else None) or self._capital_of.get(entity_id)

    def _held_in(self, event: Entity, generic: str) -> tuple[str, ...]:
        """The event named by the city (or the resort, the island) it is held in, as news names
        it: its kind after the city ("osaka summit" for "2019 G20 Osaka summit"), then the whole
        kind after the city ("osaka g20 summit") and before it ("g20 summit in osaka"); () when
        the KB places it in no city or place below a country."""
        city = self._entities.get(event.located_in or "")
        if city is None or city.type not in ("city", "place") or not generic:
            return ()
        return (f"{lexicon.name_key(city.name)} {generic.rsplit(' ', 1)[-1]}",
                lexicon.name_key(f"{city.name} {generic}"),
                lexicon.name_key(f"{generic} in {city.name}"))  # "... in the hague"

    def events_named(self, key: str) -> list[Entity]:
        """Dated events whose name or an alias, without its year or ordinal, is `key` ("g7
        summit" for "2023 G7 summit" and "49th G7 summit")."""
        return [self._entities[i] for i in self._events.get(key, ())]

    def events_headed(self, key: str) -> list[tuple[Entity, str]]:
        """Dated events named "<key> of <something>", with that something's key: ("Russian
        invasion of Ukraine", "ukraine") for "invasion" and "full-scale invasion" when an alias
        is "full-scale invasion of Ukraine"."""
        return [(self._entities[i], what) for i, what in self._event_heads.get(key, ())]

    def events_of_year(self, year: int, words: Iterable[str]) -> list[Entity]:
        """Dated events held in `year` whose names, without the year, hold every one of
        `words` (a plural counts as its singular): "election" of "the 2020 election"."""
        wanted = {w.rstrip("s") for w in words}
        return [e for i, have in self._event_words.items()
                if (e := self._entities[i]).start is not None
                and year in (e.start.year, (e.end or e.start).year) and wanted <= have]

    def holders(self, role_class: str) -> list[tuple[Entity, Role]]:
        """Every (entity, term) whose role belongs to `role_class`."""
        return self._holders.get(role_class, [])

    def may_qualify(self, token: str) -> bool:
        """True when some country/organisation/seat/city key or demonym starts with `token`."""
        return token in self._qualifier_starts

    def may_start_role(self, token: str) -> bool:
        """True when some role phrase starts with `token` (a cheap test before the search)."""
        return token in self._role_starts

    def role_phrase(self, phrase: tuple[str, ...]) -> tuple[str, ...] | None:
        """Role classes a phrase names: the lexicon's, or a KB role title's own."""
        return lexicon.roles().phrases.get(phrase) or self._kb_role_phrases.get(phrase)

    @property
    def max_role_phrase(self) -> int:
        """Longest role phrase in tokens (bounds the title parser's search)."""
        return self._max_role_phrase

    # -- indexing
    @staticmethod
    def _put(index: dict[str, list[Hit]], key: str, hit: Hit) -> None:
        """Add a hit under a key, keeping one hit per entity: the best-scoring one."""
        if not key:
            return
        bucket = index.setdefault(key, [])
        for i, old in enumerate(bucket):
            if old.id == hit.id:
                if hit.score > old.score:
                    bucket[i] = hit
                return
        bucket.append(hit)

    def _add(self, key: str, hit: Hit) -> None:
        self._put(self._keys, key, hit)

    def _add_acronym(self, text: str, hit: Hit) -> None:
        self._put(self._acronyms, text, hit)

    def _build_indexes(self) -> None:
        self._keys: dict[str, Any] = {}  # key -> Hits (a list while building, then a tuple)
        self._acronyms: dict[str, Any] = {}
        self._demonyms: dict[str, str] = {}
        self._capital_of: dict[str, str] = {}
        self._seats: dict[str, list[str]] = {}
        self._holders: dict[str, list[tuple[Entity, Role]]] = {}
        self._kb_role_phrases: dict[tuple[str, ...], tuple[str, ...]] = {}
        self._events: dict[str, list[str]] = {}  # a dated event's name without its year
        self._event_words: dict[str, set[str]] = {}  # the words of those names, by event
        self._event_heads: dict[str, list[tuple[str, str]]] = {}  # "invasion": (id, "ukraine")
        role_lex = lexicon.roles()
        common = lexicon.common_words()
        parts = lexicon.name_parts()
        vocab: set[str] = set()
        qualifier_starts: set[str] = set()
        # (id, key) -> (start, end) of an alias in use only for a while
        self._alias_terms: dict[tuple[str, str], tuple[dt.date | None, dt.date | None]] = {}
        # a code another entity is named by is that entity's: "the AU" is the African Union,
        # not Australia's ISO code
        named = {text for e in self._entities.values() for text in (e.name, *e.aliases)}
        for e in self._entities.values():
            for alias, start, end in e.dated_aliases:
                self._alias_terms[e.id, lexicon.name_key(alias)] = (start, end)
            if e.capital:
                self._capital_of[e.capital] = e.id
            if e.seat_of:
                self._seats.setdefault(e.seat_of, []).append(e.id)
            for role in e.roles:
                cls = role_lex.role_class(role.role)
                self._holders.setdefault(cls, []).append((e, role))
                phrase = lexicon.phrase_key(role.role)
                if phrase not in role_lex.phrases:
                    self._kb_role_phrases.setdefault(phrase, (cls,))
            demonyms, lexicon_names = e.demonyms, ()
            if e.type == "country" and not e.demonyms:  # a KB without them: the language's
                demonyms, lexicon_names = lexicon.country_words((e.name, *e.aliases, *e.iso))
            for demonym in demonyms:
                self._demonyms.setdefault(lexicon.name_key(demonym), e.id)
                self._add(lexicon.name_key(demonym), Hit(e.id, "demonym", SCORES["demonym"],
                                                         demonym))
            qualifies = e.type in QUALIFIER_TYPES
            styled = bool(e.roles) and all(  # a monarch or heir, named by title and given name
                role_lex.role_class(r.role) in parts.styled_by_title for r in e.roles)
            for text, method in [(e.name, "exact"), *((a, "alias") for a in e.aliases),
                                 *((c, "alias") for c in e.iso if c not in named),
                                 *((n, "alias") for n in lexicon_names)]:
                hit = Hit(e.id, method, SCORES[method], text)
                stripped = text.replace(".", "").strip()
                if stripped.isupper() and len(stripped) <= 6 and " " not in stripped:
                    self._add_acronym(stripped, hit)
                    if stripped.casefold() in common or len(stripped) <= 3:
                        continue  # codes ("DE", "UK") match only as written: "de" is no country
                toks = lexicon.tokens(text)
                key = " ".join(toks[1:] if len(toks) > 1 and toks[0] == "the" else toks)
                if not key:
                    continue
                self._add(key, hit)
                vocab.update(toks)
                if e.type == "event" and e.start is not None:
                    generic = " ".join(t for t in key.split() if not _YEARLIKE.fullmatch(t))
                    held = self._held_in(e, generic)
                    head, of, undergoer = generic.partition(" of ")
                    if of and head and undergoer:  # "invasion" of "invasion of ukraine"
                        self._event_heads.setdefault(head, []).append((e.id, undergoer))
                    for kind in (generic, *held):
                        if kind and e.id not in self._events.get(kind, ()):
                            self._events.setdefault(kind, []).append(e.id)
                            if kind in (generic, *held[:1]):  # the others' words are theirs
                                self._event_words.setdefault(e.id, set()).update(
                                    w.rstrip("s") for w in kind.split())
                if qualifies:
                    qualifier_starts.add(key.split(" ", 1)[0])
                if styled and (given := _regnal_given_name(toks, parts)):
                    # "Bhumibol" of "King Bhumibol": the press names a monarch by the given name
                    self._add(given, Hit(e.id, "variant", SCORES["variant"], text,
                                         "given name of a monarch"))
                if e.type == "person" and toks[0] not in lexicon.title_words() and not styled:
                    # no variants of a titled alias ("King Charles" has no surname "Charles"),
                    # nor of a monarch's name ("Felipe VI" has no surname "VI")
                    barrelled = "-" in text.rsplit(None, 1)[-1]  # "Dlamini-Zuma"
                    for vkey, detail in _person_variants(toks, parts, barrelled):
                        method = "surname" if detail.startswith("surname") else "variant"
                        score = SCORES.get(detail, SCORES[method])
                        self._add(vkey, Hit(e.id, method, score, text, detail))
                        if detail.startswith("nickname"):
                            vocab.update(vkey.split())
                elif e.type in parts.acronym_types:
                    acronym = _acronym(text, parts)
                    if acronym:
                        self._add_acronym(acronym, Hit(e.id, "acronym", 0.9, text))
        self._role_starts = frozenset(
            p[0] for p in [*role_lex.phrases, *self._kb_role_phrases] if p)
        self._max_role_phrase = max(
            (len(p) for p in [*role_lex.phrases, *self._kb_role_phrases]), default=1
        )
        self._translit: dict[str, Any] = {}
        fold_token = lexicon.translit_token
        for key in self._keys:
            tkey = " ".join([fold_token(t) for t in key.split()])
            if tkey != key:
                self._translit.setdefault(tkey, []).append(key)
        self._qualifier_starts = frozenset(qualifier_starts) | frozenset(
            k.split()[0] for k in self._demonyms if k)
        self._typo = TypoIndex(vocab)
        # Plain tuples of strings and numbers are untracked by the garbage collector (lists and
        # named tuples never are): stored so, a full collection does not walk the whole index.
        for table in (self._keys, self._acronyms):
            for key, bucket in table.items():
                table[key] = tuple([tuple(h) for h in bucket])
        for tkey, originals in self._translit.items():
            self._translit[tkey] = tuple(originals)


def _regnal_given_name(toks: list[str], parts: lexicon.NameParts) -> str | None:
    """The given name of a monarch's or heir's titled alias ("King Bhumibol", "Crown Prince
    Dipendra"), when it names no one else: a name many bear ("Henri", "Felipe") or a word does
    not stand alone."""
    given = toks[-1] if len(toks) > 1 and tuple(toks[:-1]) in parts.styled_titles else ""
    if (len(given) > 3 and given.isalpha() and given not in lexicon.given_names()
            and given not in lexicon.common_words()):
        return given
    return None


def _person_variants(toks: list[str], parts: lexicon.NameParts, barrelled: bool = False
                     ) -> list[tuple[str, str]]:
    """Keys a person's name (its tokens) is also written as: without suffix or middle names,
    with an initial, in reversed order, with a nickname, and the surname alone (`barrelled`:
    the name ends in a hyphenated surname, whose last part alone is weaker evidence)."""
    out: list[tuple[str, str]] = []
    if "of" in toks:  # a style, not a surname: "Fahd of Saudi Arabia", "Henri of Luxembourg"
        return out
    while len(toks) > 2 and toks[-1] in parts.suffixes:
        toks = toks[:-1]
        out.append((" ".join(toks), "suffix dropped"))
    if len(toks) < 2:
        return out
    if toks[0] in parts.family_name_first and len(toks) <= 3:
        out.append((" ".join([*toks[1:], toks[0]]), "given name first"))
        out.append((toks[0], "surname"))
        if toks[0] not in lexicon.given_names():  # "Kim" may be either
            return out
    s = len(toks) - 1
    while s > 1 and toks[s - 1] in parts.surname_particles:
        s -= 1
    given, middle, surname = toks[0], toks[1:s], toks[s:]
    if middle:
        out.append((" ".join([given, *surname]), "middle names dropped"))
        out.append((" ".join([given[0], *(m[0] for m in middle), *surname]), "initials"))
        if middle[0].endswith(tuple(parts.patronymic_endings)):  # "Vladimir Vladimirovich"
            out.append((f"{given} {middle[0]}", "given name and patronymic"))
    if len(middle) > 1 and middle[-1] not in parts.surname_particles:
        # "Felipe de Jesús Calderón Hinojosa" is written "Felipe Calderón Hinojosa"
        out.append((" ".join([given, middle[-1], *surname]), "given name and two last names"))
    out.append((" ".join([given[0], *surname]), "initial"))
    out.append((" ".join([*surname, given, *middle]), "reversed order"))
    out.append((" ".join([*surname, given[0]]), "reversed, initial"))
    if middle:
        out.append((" ".join([*surname, given]), "reversed order"))
    for nick in sorted(lexicon.nicknames().get(given, ())):
        out.append((" ".join([nick, *surname]), f"nickname {nick!r}"))
    out.append((" ".join(surname), "surname, last part" if barrelled else "surname"))
    if len(surname) > 1 and surname[0] not in parts.patronymic_particles:
        out.append((surname[-1], "surname without particle"))
    if middle and middle[-1] not in lexicon.given_names():  # "Mary Ann Smith" is no "Ann Smith"
        # "López Obrador", "Fernández de Kirchner"
        out.append((" ".join([middle[-1], *surname]), "surname (two last names)"))
    return out


def _acronym(name: str, parts: lexicon.NameParts) -> str | None:
    """Initial letters of a name of three words or more, in capitals ("World Health
    Organization" -> "WHO"); a hyphenated word gives one letter ("Co-operation"). Only a name in
    capitals spells one: "Salisbury Novichok poisoning" is no SNP. Two letters spell too many
    other names ("Atlantic Alliance" is no AA, the news agency): a body known by two, as the UN
    is, has them as an alias."""
    words = [w for w in (t.strip(".,()'\"") for t in name.split())
             if w and w.casefold() not in parts.acronym_skip and w[0].isalnum()]
    if len(words) < 3 or any(w[0].islower() for w in words):
        return None
    return "".join(w[0] for w in words).upper()
