"""Import direction between the layers, read from the source with ``ast`` (nothing is imported).

scrapersky/ (registry, settings) <- curation/ (models, service, admin, API) <- processing/ (engine,
fetcher, sitemaps, contacts) <- insights/ (the read side) and ops/ (project commands and checks).
A module may import its own layer and the ones below, never above (the project's settings and URL
root name the apps, so they are the exception); the extraction and parsing code is plain Python,
so it imports no Django, even indirectly.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PROJECT = ("scrapersky", "curation", "processing", "insights", "ops")
# The settings and the URL root name the apps: the only modules of scrapersky/ that may.
ROOTS = ("scrapersky/settings.py", "scrapersky/urls.py")


def _module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _source(module: str) -> Path | None:
    base = ROOT.joinpath(*module.split("."))
    for candidate in (base.with_suffix(".py"), base / "__init__.py"):
        if candidate.is_file():
            return candidate
    return None


def _imports(path: Path) -> set[str]:
    """Every module ``path`` imports, at the top or inside functions, as absolute names."""
    package = _module_name(path).split(".")
    if path.name != "__init__.py":
        package = package[:-1]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = package[: len(package) - node.level + 1] if node.level else []
            module = ".".join([*base, *(node.module.split(".") if node.module else [])])
            found.add(module)
            # `from pkg import name` may import the submodule pkg.name.
            found.update(f"{module}.{alias.name}" for alias in node.names)
    return found


def _loaded(module: str) -> list[str]:
    """The project modules Python runs to import ``module``: it and its parent packages."""
    parts = module.split(".")
    return [".".join(parts[:i]) for i in range(1, len(parts) + 1)]


def _closure(start: Path) -> dict[str, str]:
    """Every module ``start`` imports, directly or through project modules: name -> importer."""
    seen: dict[str, str] = {}
    # Importing a module first runs its parent packages.
    todo = [path for name in _loaded(_module_name(start)) if (path := _source(name))]
    done: set[Path] = set()
    while todo:
        path = todo.pop()
        if path in done:
            continue
        done.add(path)
        importer = str(path.relative_to(ROOT))
        for module in _imports(path):
            for name in _loaded(module):
                seen.setdefault(name, importer)
                if name.split(".")[0] in PROJECT and (source := _source(name)):
                    todo.append(source)
    return seen


def _files(*patterns: str) -> list[Path]:
    return sorted(path for pattern in patterns for path in ROOT.glob(pattern))


def _upward(patterns: tuple[str, ...], above: tuple[str, ...], *, allowed=()) -> list:
    """(file, module) for each project module a file of ``patterns`` imports from ``above``."""
    return sorted(
        (str(path.relative_to(ROOT)), module)
        for path in _files(*patterns)
        if str(path.relative_to(ROOT)) not in allowed
        for module in _imports(path)
        # Only whole modules count (`from ops.demo import X` also yields ops.demo.X).
        if module.split(".")[0] in above and _source(module)
    )


def test_no_module_of_scrapersky_imports_an_app():
    """The bottom layer: only the settings and the URL root name the apps above it."""
    apps = ("curation", "processing", "insights", "ops")
    assert _upward(("scrapersky/**/*.py",), apps, allowed=ROOTS) == []


def test_no_module_of_curation_imports_processing_or_the_read_side():
    assert _upward(("curation/**/*.py",), ("processing", "insights", "ops")) == []


def test_nothing_imports_the_read_side_or_ops():
    """insights and ops are the top: no layer below imports them (the URL root aside)."""
    below = ("scrapersky/**/*.py", "curation/**/*.py", "processing/**/*.py")
    assert _upward(below, ("insights", "ops"), allowed=ROOTS) == []


DJANGO = ("django", "rest_framework", "django_q", "django_filters")

# Plain Python all the way down: importing them runs no Django, even through their packages.
PURE = _files(
    "processing/contacts/*.py",
    "scrapersky/page_types.py",
    "scrapersky/vocabulary.py",  # page types, contact kinds, classifications, verdicts
    "scrapersky/naming.py",  # every derived name of a workflow: read by models and the scaffold
    "scrapersky/status.py",
    "scrapersky/normalize.py",  # URLs and domains: the import, the API and the sitemap walker
)

# The sitemap parsers and the walker are plain Python too: their package imports only them
# (discovery, which reads through the fetcher and classifies its errors, is processing.discovery).
PARSERS = _files(
    *(
        f"processing/sitemaps/{name}.py"
        for name in (
            "__init__",
            "errors",
            "sniff",
            "results",
            "values",
            "collector",
            "xml_reader",
            "text_reader",
            "stream",
            "tree",
            "fetching",
            "links",
        )
    )
)


@pytest.mark.parametrize("path", PURE, ids=lambda path: str(path.relative_to(ROOT)))
def test_extraction_imports_no_django(path: Path):
    django = {name: by for name, by in _closure(path).items() if name.split(".")[0] in DJANGO}
    assert django == {}, f"{path.relative_to(ROOT)} reaches Django: {django}"


@pytest.mark.parametrize("path", PARSERS, ids=lambda path: str(path.relative_to(ROOT)))
def test_sitemap_parsers_import_no_django(path: Path):
    django = {name: by for name, by in _closure(path).items() if name.split(".")[0] in DJANGO}
    assert django == {}, f"{path.relative_to(ROOT)} reaches Django: {django}"


def test_the_closure_sees_django_through_packages():
    """The closure follows parent packages: the fetcher's config reads django.conf."""
    assert "django.conf" in _closure(ROOT / "processing/discovery/discover.py")


def test_the_checks_see_the_modules():
    """The globs above match files, so the tests cannot pass by reading nothing."""
    assert len(_files("curation/**/*.py")) > 30
    assert len(_files("insights/**/*.py")) > 5 and len(_files("ops/**/*.py")) > 5
    assert len(PURE) > 10 and len(PARSERS) == 12
    # The allowed imports are seen, so the checks above would see a forbidden one.
    assert ("scrapersky/urls.py", "insights.health") in _upward(("scrapersky/*.py",), ("insights",))
    assert ("ops/conventions.py", "processing.engine.schedules") in _upward(
        ("ops/*.py",), ("processing",)
    )


def test_only_the_api_imports_the_api():
    """The API sits on top of curation: selectors, FilterSets, services, the admin and the
    commands never import it (the settings and the URL root name it as strings)."""
    upward = sorted(
        (str(path.relative_to(ROOT)), module)
        for path in _files(*(f"{package}/**/*.py" for package in PROJECT))
        if not str(path.relative_to(ROOT)).startswith("curation/api/")
        for module in _imports(path)
        if (module == "curation.api" or module.startswith("curation.api.")) and _source(module)
    )
    assert upward == []
