"""The `facts` command: `facts check [CORPUS]` prints the consistency report of a corpus folder."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

EXIT_HELP = """exit codes: 0 every group consistent, 1 a group conflicts, 2 invalid input
(unknown document, unreadable table, quote not in its document, bad date; with --strict also
a mention that cannot be normalized)."""


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="facts", description="Check that news articles agree on the facts they state.",
        epilog=EXIT_HELP,
    )
    sub = parser.add_subparsers(dest="command", required=True)
    check = sub.add_parser("check", help="check a corpus folder (documents.csv + facts.csv)",
                           epilog=EXIT_HELP)
    check.add_argument("corpus", nargs="?", help="corpus folder (default: the bundled corpus)")
    check.add_argument("--format", choices=("text", "json", "html"), default="text")
    check.add_argument("--kb", help="knowledge-base file (YAML or JSON) instead of the bundled one")
    check.add_argument("--strict", action="store_true",
                       help="a mention that cannot be normalized is an error (exit 2)")
    check.add_argument("-o", "--output", help="write the report to this file instead of stdout")
    return parser


def main(argv: list[str] | None = None) -> int:
    """Entry point of the `facts` command; returns the exit code."""
    args = _parser().parse_args(argv)
    from facts.check import check_corpus
    from facts.corpus import bundled_corpus_path
    from facts.report import format_html, format_json, format_text
    from normalize.entities.kb import KnowledgeBaseError

    corpus = Path(args.corpus) if args.corpus else bundled_corpus_path()
    try:  # a bad entity of the KB is an input error in the report; a bad file stops here
        result = check_corpus(corpus, kb=args.kb, strict=args.strict)
    except KnowledgeBaseError as exc:
        print(f"facts: --kb {args.kb}: {exc}", file=sys.stderr)
        return 2
    formats = {"text": format_text, "json": format_json, "html": format_html}
    report = formats[args.format](result)
    if args.output:
        try:
            Path(args.output).write_text(report + "\n", encoding="utf-8")
        except OSError as exc:
            print(f"facts: -o {args.output}: {exc.strerror or exc}", file=sys.stderr)
            return 2
    else:
        print(report)
    for error in result.errors:
        print(f"facts: {error}", file=sys.stderr)
    return result.exit_code


if __name__ == "__main__":
    sys.exit(main())
