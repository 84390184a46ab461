"""What the code imports is what pyproject.toml declares, so a clean machine has it."""

import re
import sys
import tomllib
from importlib.metadata import packages_distributions
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _normal(name):
    return re.sub(r"[-_.]+", "-", name).lower()


def _declared():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    requirements = project["dependencies"] + sum(project["optional-dependencies"].values(), [])
    return {_normal(re.split(r"[<>=!~\[; ]", r, maxsplit=1)[0]) for r in requirements}


def _imported():
    names = set()
    for path in list((ROOT / "mentoring").rglob("*.py")) + list((ROOT / "tests").rglob("*.py")) + [ROOT / "app.py"]:
        names |= set(re.findall(r"^\s*(?:from|import) ([a-zA-Z_]\w*)", path.read_text(), re.M))
    return names - set(sys.stdlib_module_names) - {"mentoring", "tests", "app"}


def test_every_imported_library_is_declared():
    distributions = packages_distributions()
    undeclared = {
        module: distributions.get(module)
        for module in _imported()
        if not {_normal(d) for d in distributions.get(module, [module])} & _declared()
    }
    assert undeclared == {}
