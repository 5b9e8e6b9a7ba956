"""No function of the answer path (retrieval/) runs over 60 lines: a rule is a named unit small enough to read."""

from __future__ import annotations

import ast
from pathlib import Path

ANSWER_PATH = Path(__file__).resolve().parents[2] / "retrieval"
MAX_LINES = 60


def long_functions(source: str, limit: int = MAX_LINES) -> list[tuple[str, int]]:
    return [(node.name, node.end_lineno - node.lineno + 1) for node in ast.walk(ast.parse(source))
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
            and node.end_lineno - node.lineno + 1 > limit]


def test_no_function_of_the_answer_path_is_over_sixty_lines():
    found = {str(path.relative_to(ANSWER_PATH.parent)): long
             for path in sorted(ANSWER_PATH.rglob("*.py")) if (long := long_functions(path.read_text("utf-8")))}
    assert not found, f"functions over {MAX_LINES} lines: {found}"


def test_the_check_finds_a_long_function():
    body = "\n".join(f"    x{i} = {i}" for i in range(MAX_LINES))
    assert long_functions(f"def long():\n{body}\n") == [("long", MAX_LINES + 1)]
    assert long_functions("def short():\n    return 1\n") == []
