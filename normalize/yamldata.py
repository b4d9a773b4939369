"""Reading the YAML data files: libyaml's safe loader when PyYAML was built with it (about ten
times faster than the pure-Python one, which is most of the start-up), else the pure-Python
loader; both build the same values."""

from __future__ import annotations

from typing import Any

import yaml

SafeLoader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_yaml(text: str) -> Any:
    """The values of one YAML document, read safely (no arbitrary objects)."""
    return yaml.load(text, Loader=SafeLoader)  # noqa: S506 - a safe loader
