"""The import picture is one-way: no module of workbench imports, even lazily, a module that
imports it back, and the core never reaches up into the CLI or the TUI."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "workbench"


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def import_graph() -> dict[str, set[str]]:
    """Every workbench module and the workbench modules it imports (function bodies too)."""
    modules = {module_name(p): p for p in PACKAGE.rglob("*.py")}
    graph: dict[str, set[str]] = {name: set() for name in modules}
    for name, path in modules.items():
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            targets: list[str] = []
            if isinstance(node, ast.Import):
                targets = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    base = ".".join(package.split(".")[: len(package.split(".")) - node.level + 1])
                    base = f"{base}.{node.module}" if node.module else base
                # "from package import module" imports the module, not a cycle with the package
                subs = [f"{base}.{a.name}" for a in node.names if f"{base}.{a.name}" in modules]
                targets = subs if len(subs) == len(node.names) else [base, *subs]
            for target in targets:
                while target and target not in modules:
                    target = target.rpartition(".")[0]
                if target and target != name:
                    graph[name].add(target)
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """One cycle through each strongly connected group of modules (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for nxt in graph[node]:
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def test_no_new_import_cycles() -> None:
    assert cycles(import_graph()) == []


def test_the_splitter_and_training_import_one_way() -> None:
    graph = import_graph()
    ours = {
        m: {t for t in targets if t.startswith(("workbench.splitting", "workbench.training"))}
        for m, targets in graph.items()
        if m.startswith(("workbench.splitting", "workbench.training"))
    }
    assert cycles(ours) == []


def test_the_splitter_depends_on_nothing_above_it() -> None:
    graph = import_graph()
    for module, targets in graph.items():
        if module.startswith("workbench.splitting"):
            layers_above = (
                "workbench.training",
                "workbench.cli",
                "workbench.tui",
                "workbench.store",
            )
            above = {t for t in targets if t.startswith(layers_above)}
            assert not above, f"{module} imports {sorted(above)}"


def test_the_core_never_imports_the_cli_or_the_tui() -> None:
    for module, targets in import_graph().items():
        if module.startswith(("workbench.cli", "workbench.tui", "workbench.__main__")):
            continue
        faces = {t for t in targets if t.startswith(("workbench.cli", "workbench.tui"))}
        assert not faces, f"{module} imports {sorted(faces)}"


def test_the_cycle_finder_finds_a_cycle() -> None:
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


#: The layers, lowest first; a module may import its own layer and those below, never one
#: above. ARCHITECTURE.md says what each holds. A new top-level module must be placed here.
LAYERS: list[set[str]] = [
    {"workbench", "core", "data"},
    {"splitting", "matching", "review"},
    {"ingest"},
    {"store"},
    {"usecases", "reports", "training"},
    {"cli", "tui", "__main__"},
]  # fmt: skip


def layer_of(module: str) -> int:
    """The layer of a workbench module, by its top-level name."""
    parts = module.split(".")
    name = parts[1] if len(parts) > 1 else parts[0]
    for i, members in enumerate(LAYERS):
        if name in members:
            return i
    raise AssertionError(f"{module} is in no layer: add it to LAYERS and ARCHITECTURE.md")


def test_no_module_imports_a_layer_above_its_own() -> None:
    upward = [
        f"{module} ({layer_of(module)}) imports {target} ({layer_of(target)})"
        for module, targets in import_graph().items()
        for target in targets
        if layer_of(target) > layer_of(module)
    ]
    assert upward == []


def test_the_layer_rule_catches_an_upward_import() -> None:
    assert layer_of("workbench.store.db") < layer_of("workbench.usecases.actions")
    assert layer_of("workbench.splitting.units") < layer_of("workbench.store")


#: A module a newcomer can read in one sitting; past this, split it by what its parts do.
MAX_MODULE_LINES = 500


def test_no_module_is_over_the_line_budget() -> None:
    long = {
        str(path.relative_to(PACKAGE.parent)): lines
        for path in PACKAGE.rglob("*.py")
        if (lines := len(path.read_text(encoding="utf-8").splitlines())) > MAX_MODULE_LINES
    }
    assert long == {}
