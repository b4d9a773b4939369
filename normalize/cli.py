"""The `normalize` command: resolve one mention from the shell (date, entity or quantity)."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="normalize", description="Normalize a date, entity or quantity mention."
    )
    sub = parser.add_subparsers(dest="kind", required=True)
    d = sub.add_parser("date", help="a temporal expression -> TIMEX3 value and interval")
    d.add_argument("text")
    d.add_argument("--anchor", help="document date, ISO 8601 (e.g. 2021-05-25)")
    d.add_argument("--context", help="the sentence the mention is in (its tense decides)")
    d.add_argument("--prefer", choices=("auto", "past", "future"), default="auto")
    e = sub.add_parser("entity", help="a name -> knowledge-base entity (or none)")
    e.add_argument("text")
    e.add_argument("--date", help="date of the document (for roles: 'Russia's president')")
    e.add_argument("--context", help="the sentence the mention is in")
    e.add_argument("--kb", help="knowledge-base file (YAML or JSON); default: the bundled one")
    e.add_argument("--candidates", action="store_true", help="list the ranked candidates")
    q = sub.add_parser("quantity", help="a number mention -> number or range")
    q.add_argument("text")
    for p in (d, e, q):
        p.add_argument("--json", action="store_true", help="print JSON")
    return parser


def _date(args: argparse.Namespace) -> Any:
    from normalize.dates import resolve_date

    return resolve_date(args.text, anchor=args.anchor, context=args.context, prefer=args.prefer)


def _entity(args: argparse.Namespace) -> Any:
    from normalize.entities import KnowledgeBase, resolve_entity, resolve_entity_candidates

    kb = KnowledgeBase.load(args.kb) if args.kb else None
    if args.candidates:
        return resolve_entity_candidates(args.text, date=args.date, context=args.context, kb=kb)
    return resolve_entity(args.text, date=args.date, context=args.context, kb=kb)


def _quantity(args: argparse.Namespace) -> Any:
    from normalize.quantities import resolve_quantity

    return resolve_quantity(args.text)


_RESOLVERS = {"date": _date, "entity": _entity, "quantity": _quantity}


def _show(result: Any, as_json: bool) -> str:
    items = result if isinstance(result, list) else [result]
    if as_json:
        data = [r.to_dict() if r is not None else None for r in items]
        return json.dumps(data if isinstance(result, list) else data[0], ensure_ascii=False,
                          default=str)
    if not items or result is None:
        return "no match"
    lines = []
    for r in items:
        fields = r.to_dict()
        lines.append("  ".join(f"{k}={v}" for k, v in fields.items() if v not in (None, "")))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Entry point of the `normalize` command: 0 when resolved, 1 when not, 2 on a bad argument."""
    args = _parser().parse_args(argv)
    try:
        result = _RESOLVERS[args.kind](args)
    except (ValueError, OSError) as exc:
        print(f"normalize {args.kind}: {exc}", file=sys.stderr)
        return 2
    print(_show(result, args.json))
    return 0 if result else 1


if __name__ == "__main__":
    sys.exit(main())
