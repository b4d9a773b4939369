"""Benchmark the entity resolver at scale against a rapidfuzz brute-force peer.

The bundled KB plus N synthetic people (seeded given names x surnames, some with roles); a mix of
exact, variant (title, possessive, reversed, initial) and typo mentions plus unknown names. Reports
index build time and memory, resolve_entities throughput, accuracy, wrong merges, and the same for
rapidfuzz.process.extractOne(WRatio, cutoff 80) over every name on a sample.

    python benchmarks/entities.py [--people 100000] [--mentions 20000] [--baseline 200]
"""

from __future__ import annotations

import argparse
import gc
import random
import resource
import string
import sys
import time
import tracemalloc
from collections import Counter, defaultdict

from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA

from normalize.entities import KnowledgeBase, lexicon, resolve_entities
from normalize.entities.kb import _entity
from normalize.entities.lexicon import given_names, name_key, nicknames
from normalize.entities.typo import edit_budget

SURNAMES = """
smith johnson williams brown jones miller davis garcia rodriguez wilson martinez anderson taylor
thomas hernandez moore martin jackson thompson white lopez lee gonzalez harris clark lewis
robinson walker perez hall young allen sanchez wright king scott green baker adams nelson hill
ramirez campbell mitchell roberts carter phillips evans turner torres parker collins edwards
stewart flores morris nguyen murphy rivera cook rogers morgan peterson cooper reed bailey bell
gomez kelly howard ward cox diaz richardson wood watson brooks bennett gray james reyes cruz
hughes price myers long foster sanders ross morales powell sullivan russell ortiz jenkins
gutierrez perry butler barnes fisher henderson coleman simmons patterson jordan reynolds hamilton
graham kim gonzales alexander ramos wallace griffin west cole hayes chavez gibson bryant ellis
stevens murray ford marshall owens mcdonald harrison ruiz kennedy wells alvarez woods mendoza
castillo olson webb washington tucker freeman burns henry vasquez snyder simpson crawford jimenez
porter mason shaw gordon wagner hunter romero hicks dixon hunt palmer robertson black holmes
stone meyer boyd mills warren fox rose rice moreno schmidt patel ferguson nichols herrera medina
ryan fernandez weaver daniels stephens gardner payne kelley dunn pierce arnold tran spencer
peters hawkins grant hansen castro hoffman hart elliott cunningham knight bradley ivanov petrov
sidorov smirnov kuznetsov popov sokolov lebedev kozlov novikov morozov volkov solovyov vasiliev
zaitsev pavlov semenov golubev vinogradov bogdanov vorobyov fedorov mikhailov belyaev tarasov
belov komarov orlov kiselev makarov andreev kovalev ilyin gusev titov kuzmin kudryavtsev baranov
kulikov alekseev stepanov yakovlev sorokin sergeev romanov zakharov borisov korolev gerasimov
ponomarev grigoriev lazarev medvedev ershov nikitin sobolev ryabov polyakov tsvetkov danilov
zhukov frolov zhuravlev nikolaev krylov maksimov sidorenko shevchenko kovalenko bondarenko
tkachenko kravchenko oliynyk mueller schneider fischer weber becker schulz hoffmann koch richter
klein wolf schroeder neumann schwarz zimmermann braun hofmann hartmann lange werner krause
lehmann kohler rossi russo ferrari esposito bianchi romano colombo ricci marino greco bruno
gallo conti costa giordano mancini rizzo lombardi moretti dubois durand lefebvre leroy moreau
simon laurent michel garnier faure rousseau blanc guerin boyer dupont lambert fontaine chevalier
tanaka suzuki takahashi watanabe ito yamamoto nakamura kobayashi kato yoshida yamada sasaki
yamaguchi matsumoto inoue kimura hayashi shimizu yamazaki mori abe ikeda hashimoto
""".split()

ONSETS = ["b", "br", "ch", "d", "dr", "f", "g", "gr", "h", "j", "k", "kh", "l", "m", "n", "p",
          "r", "s", "sh", "st", "t", "tr", "v", "w", "z", "zh"]
VOWELS = ["a", "e", "i", "o", "u", "ai", "ei", "ou", "ia", "ya"]
CODAS = ["", "n", "r", "l", "s", "k", "m", "v", "t", "nd", "rt"]
ENDINGS = ["", "ov", "ova", "ski", "son", "man", "er", "ez", "ini", "enko", "ic", "berg", "ton"]
ROLE_TITLES = ["Governor", "Mayor", "Ambassador", "Defense Minister", "Foreign Minister"]


def synthetic_surname(rng: random.Random) -> str:
    """A pronounceable invented surname."""
    parts = [rng.choice(ONSETS) + rng.choice(VOWELS) + rng.choice(CODAS)
             for _ in range(rng.choice([1, 2, 2]))]
    return "".join(parts) + rng.choice(ENDINGS)


def make_people(n: int, rng: random.Random, countries: list[str]) -> list[dict]:
    """N synthetic person records; about one in ten holds a role."""
    given = sorted(given_names())
    surnames = SURNAMES + [synthetic_surname(rng) for _ in range(max(n // 2, 1))]
    people = []
    for i in range(n):
        record = {"id": f"person:syn-{i}", "type": "person",
                  "name": f"{rng.choice(given).title()} {rng.choice(surnames).title()}"}
        if rng.random() < 0.1:
            start = 1990 + rng.randrange(30)
            record["roles"] = [{"role": rng.choice(ROLE_TITLES), "of": rng.choice(countries),
                                "start": f"{start}-01-15",
                                "end": f"{start + rng.randrange(1, 8)}-06-30"}]
        people.append(record)
    return people


def typo(word: str, rng: random.Random) -> str:
    """One random edit, never on the first letter."""
    pos = rng.randrange(1, len(word))
    kind = rng.choice(["sub", "del", "ins", "swap"])
    letter = rng.choice(string.ascii_lowercase)
    if kind == "sub":
        return word[:pos] + letter + word[pos + 1:]
    if kind == "del":
        return word[:pos] + word[pos + 1:]
    if kind == "ins":
        return word[:pos] + letter + word[pos:]
    pos = min(pos, len(word) - 2)
    return word[:pos] + word[pos + 1] + word[pos] + word[pos + 2:]


def make_mentions(people: list[dict], bundled: list, count: int, rng: random.Random):
    """(mention, form, gold id or None) triples; gold is None where the form is ambiguous."""
    full = defaultdict(set)
    initial = defaultdict(set)
    tokens = set()
    by_given = defaultdict(list)
    for rec in people:
        g, s = rec["name"].split(" ", 1)
        by_given[g].append((s.lower(), rec["id"]))
        full[name_key(rec["name"])].add(rec["id"])
        initial[name_key(f"{g[0]} {s}")].add(rec["id"])
        tokens.update(name_key(rec["name"]).split())
    for e in bundled:
        for text in (e.name, *e.aliases):
            full[name_key(text)].add(e.id)
            tokens.update(name_key(text).split())

    def gold(key_map, key, pid):
        ids = key_map.get(key, set())
        return pid if ids == {pid} else None

    def near(g, surname):
        """Ids of the people (given name g or its nicknames) whose surname is closest to
        `surname` within the typo budget."""
        budget = edit_budget(len(surname))
        found = defaultdict(set)
        for first in {g, *(n.title() for n in nicknames().get(g.lower(), ()))}:
            for s, pid in by_given[first]:
                d = OSA.distance(surname, s, score_cutoff=budget)
                if d <= min(budget, edit_budget(len(s))):
                    found[d].add(pid)
        return found[min(found)] if found else set()

    out = []
    forms = ["exact", "title", "possessive", "reversed", "initial", "typo", "bundled", "unknown"]
    weights = [30, 12, 10, 8, 8, 15, 10, 7]
    given = sorted(given_names())
    while len(out) < count:
        form = rng.choices(forms, weights)[0]
        rec = rng.choice(people)
        g, s = rec["name"].split(" ", 1)
        key = name_key(rec["name"])
        if form == "exact":
            out.append((rec["name"], form, gold(full, key, rec["id"])))
        elif form == "title":
            title = rec["roles"][0]["role"] if "roles" in rec else rng.choice(["Mr.", "Dr."])
            out.append((f"{title} {rec['name']}", form, gold(full, key, rec["id"])))
        elif form == "possessive":
            out.append((rec["name"] + rng.choice(["'s", "\u2019s"]), form,
                        gold(full, key, rec["id"])))
        elif form == "reversed":
            out.append((f"{s}, {g}", form, gold(full, key, rec["id"])))
        elif form == "initial":
            out.append((f"{g[0]}. {s}", form, gold(initial, name_key(f"{g[0]} {s}"), rec["id"])))
        elif form == "typo":
            if len(s) < 5:
                continue
            bad = typo(s.lower(), rng)
            if bad in tokens or bad in given_names():
                continue
            ids = near(g, bad)
            out.append((f"{g} {bad.title()}", form, rec["id"] if ids == {rec["id"]} else None))
        elif form == "bundled":
            e = rng.choice(bundled)
            out.append((e.name, form, gold(full, name_key(e.name), e.id)))
        else:
            sur = synthetic_surname(rng)
            first = rng.choice(given).title()
            if sur in tokens or near(first, sur):
                continue
            out.append((f"{first} {sur.title()}", form, None))
    return out


def score(pairs) -> tuple[float, float, float]:
    """(accuracy, wrong-merge rate, miss rate) of (predicted, gold) pairs."""
    n = len(pairs) or 1
    right = sum(p == g for p, g in pairs)
    wrong = sum(p is not None and p != g for p, g in pairs)
    miss = sum(p is None and g is not None for p, g in pairs)
    return right / n, wrong / n, miss / n


def main(argv: list[str] | None = None) -> None:
    """Run the benchmark and print a markdown table."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--people", type=int, default=100_000)
    ap.add_argument("--mentions", type=int, default=20_000)
    ap.add_argument("--baseline", type=int, default=200)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--tracemalloc", action="store_true",
                    help="also measure the build's Python heap peak (slows the build)")
    args = ap.parse_args(argv)
    rng = random.Random(args.seed)

    bundled = list(KnowledgeBase.bundled())
    countries = [e.id for e in bundled if e.type == "country"] or [None]
    people = make_people(args.people, rng, countries)
    mentions = make_mentions(people, bundled, args.mentions, rng)
    warm = make_mentions(people, bundled, 1000, random.Random(args.seed + 1))

    gc.collect()
    rss0 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    t0 = time.perf_counter()
    entities = bundled + [_entity(r, i, "<synthetic>") for i, r in enumerate(people)]
    kb = KnowledgeBase(entities)
    del people  # the benchmark's own scaffolding should not weigh on the GC during timing
    build = time.perf_counter() - t0
    rss1 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    # The index is built with the cyclic GC paused; its first pass over the new objects is a
    # one-time cost that would otherwise land in the first timed batch.
    t0 = time.perf_counter()
    gc.collect()
    first_gc = time.perf_counter() - t0
    resolve_entities([m for m, _, _ in warm], kb=kb)  # lexicon tables load lazily
    heap = None
    if args.tracemalloc:
        tracemalloc.start()
        KnowledgeBase(entities)
        heap = tracemalloc.get_traced_memory()[1] / 2**20
        tracemalloc.stop()

    texts = [m for m, _, _ in mentions]
    t0 = time.perf_counter()
    results = resolve_entities(texts, kb=kb)
    elapsed = time.perf_counter() - t0
    pairs = [(r.id if r else None, g) for r, (_, _, g) in zip(results, mentions, strict=True)]
    acc, wrong, miss = score(pairs)

    by_form = defaultdict(list)
    for pair, (_, form, _) in zip(pairs, mentions, strict=True):
        by_form[form].append(pair)
    speed = {}
    for form in by_form:
        batch = [m for m, f, _ in mentions if f == form]
        lexicon.prepare.cache_clear()  # no help from the main run's folding cache
        gc.collect()  # so that no form pays for a full collection the others caused
        t0 = time.perf_counter()
        resolve_entities(batch, kb=kb)
        speed[form] = len(batch) / (time.perf_counter() - t0)

    sample = rng.sample(mentions, min(args.baseline, len(mentions)))
    names, ids = [], []
    for e in kb:
        names.append(e.name)
        ids.append(e.id)
    t0 = time.perf_counter()
    base_pairs = []
    for text, _, g in sample:
        hit = process.extractOne(text, names, scorer=fuzz.WRatio, score_cutoff=80)
        base_pairs.append((ids[hit[2]] if hit else None, g))
    base_elapsed = time.perf_counter() - t0
    b_acc, b_wrong, b_miss = score(base_pairs)

    lexicon.prepare.cache_clear()
    t0 = time.perf_counter()
    ours_sample = resolve_entities([t for t, _, _ in sample], kb=kb)
    ours_sample_elapsed = time.perf_counter() - t0
    o_acc, o_wrong, o_miss = score(
        [(r.id if r else None, g) for r, (_, _, g) in zip(ours_sample, sample, strict=True)])

    forms = Counter(f for _, f, _ in mentions)
    print(f"## Entity resolution: {len(kb):,} entities ({args.people:,} synthetic people), "
          f"{len(mentions):,} mentions, seed {args.seed}\n")
    print(f"Index build: {build:.2f} s (+ {first_gc:.2f} s first GC pass); "
          f"peak RSS grew {(rss1 - rss0) / 1024:.0f} MB (to {rss1 / 1024:.0f} MB)"
          + (f"; Python heap peak {heap:.0f} MB" if heap else ""))
    print()
    print("| system | mentions | mentions/s | accuracy | wrong merges | misses |")
    print("|---|---:|---:|---:|---:|---:|")
    print(f"| newsfacts resolve_entities | {len(mentions):,} | {len(mentions) / elapsed:,.0f} "
          f"| {acc:.3f} | {wrong:.3%} | {miss:.3%} |")
    print(f"| newsfacts, baseline sample | {len(sample):,} | "
          f"{len(sample) / ours_sample_elapsed:,.0f} | {o_acc:.3f} | {o_wrong:.3%} "
          f"| {o_miss:.3%} |")
    print(f"| rapidfuzz extractOne WRatio>=80, same sample | {len(sample):,} | "
          f"{len(sample) / base_elapsed:,.1f} | {b_acc:.3f} | {b_wrong:.3%} | {b_miss:.3%} |")
    print()
    print("| form | mentions | mentions/s | accuracy | wrong merges | misses |")
    print("|---|---:|---:|---:|---:|---:|")
    for form in sorted(by_form):
        a, w, m = score(by_form[form])
        print(f"| {form} | {forms[form]:,} | {speed[form]:,.0f} | {a:.3f} | {w:.3%} "
              f"| {m:.3%} |")
    sys.stdout.flush()


if __name__ == "__main__":
    main()
