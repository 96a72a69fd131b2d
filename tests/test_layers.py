"""Import direction between the layers, read from the source with ``ast`` (nothing is imported).

scrapersky/ (registry, settings, vocabulary, normaliser) <- curation/ (models, service, intake,
admin, API) <- processing/ (engine, fetcher, discovery, sitemaps, contacts) <- ops/ (project
commands, checks, schema tooling, demo) <- insights/ (the read side). A module may import its own
layer and the ones below, never above (the project's settings and URL root name the apps, so they
are the exception). Inside processing, the "never" arrows: extraction and parsing (contacts,
sitemaps) import no app and no network code, and are plain Python (no Django, even indirectly);
the fetcher imports no app and nothing of processing but its errors. No import cycle among the
project's modules; no module over 400 lines.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PROJECT = ("scrapersky", "curation", "processing", "insights", "ops")
# The URL root imports the apps' views: the only module of scrapersky/ that may (the settings
# name the apps in strings).
ROOTS = ("scrapersky/urls.py",)


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
    "scrapersky/places.py",  # providers, business categories and their tags
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


APPS = ("curation", "insights", "ops")


def _within(module: str, packages: tuple[str, ...]) -> bool:
    return any(module == p or module.startswith(p + ".") for p in packages)


def _arrows(patterns: tuple[str, ...], never: tuple[str, ...]) -> list[tuple[str, str]]:
    return sorted(
        (str(path.relative_to(ROOT)), module)
        for path in _files(*patterns)
        for module in _imports(path)
        if _within(module, never) and _source(module)
    )


def test_extraction_imports_no_app_and_no_network_code():
    never = (
        *APPS,
        "processing.fetcher",
        "processing.engine",
        "processing.services",
        "processing.discovery",
        "processing.delivery",
        "processing.validation",
    )
    assert _arrows(("processing/contacts/**/*.py", "processing/sitemaps/**/*.py"), never) == []


def test_the_fetcher_imports_no_app():
    """The fetcher knows HTTP, not workflows: nothing of processing but its error classes."""
    never = (
        *APPS,
        "processing.engine",
        "processing.services",
        "processing.discovery",
        "processing.sitemaps",
        "processing.contacts",
        "processing.delivery",
        "processing.validation",
    )
    assert _arrows(("processing/fetcher/**/*.py",), never) == []


def test_ops_does_not_import_the_read_side():
    assert _arrows(("ops/**/*.py",), ("insights",)) == []


def _graph() -> dict[str, set[str]]:
    """Module -> the project modules it imports (anywhere, TYPE_CHECKING too), leaving out its
    own parent packages (importing a module runs them already)."""
    graph: dict[str, set[str]] = {}
    for path in _files(*(f"{package}/**/*.py" for package in PROJECT)):
        name = _module_name(path)
        parents = set(_loaded(name)[:-1])
        graph[name] = {
            module
            for module in _imports(path)
            if module.split(".")[0] in PROJECT
            and _source(module)
            and module not in parents
            and module != name
        }
    return graph


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components of more than one module (Tarjan, iteratively)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    for root in graph:
        if root in index:
            continue
        work = [(root, iter(sorted(graph[root])))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            node, edges = work[-1]
            for nxt in edges:
                if nxt not in graph:
                    continue
                if nxt not in index:
                    index[nxt] = low[nxt] = len(index)
                    stack.append(nxt)
                    on_stack.add(nxt)
                    work.append((nxt, iter(sorted(graph[nxt]))))
                    break
                if nxt in on_stack:
                    low[node] = min(low[node], index[nxt])
            else:
                work.pop()
                if work:
                    low[work[-1][0]] = min(low[work[-1][0]], low[node])
                if low[node] == index[node]:
                    component = []
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        component.append(member)
                        if member == node:
                            break
                    if len(component) > 1:
                        found.append(sorted(component))
    return found


def test_no_import_cycle_among_the_project_modules():
    assert _cycles(_graph()) == []


def test_the_cycle_finder_finds_a_cycle():
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


MAX_LINES = 400


def test_no_module_over_400_lines():
    sizes = {
        str(path.relative_to(ROOT)): len(path.read_text().splitlines())
        for path in _files(*(f"{package}/**/*.py" for package in PROJECT))
    }
    assert {name: size for name, size in sizes.items() if size > MAX_LINES} == {}
