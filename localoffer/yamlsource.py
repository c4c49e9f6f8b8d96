"""Read YAML keeping the line of every key and item, so that validation can
say `file:line:` for any value, not just for syntax errors."""
from __future__ import annotations

from pathlib import Path

import yaml

from .errors import ContentError, Problem


class LocatedDict(dict):
    """A mapping that remembers where it and each of its keys were written."""

    line: int = 0
    key_lines: dict

    def line_of(self, key) -> int:
        return self.key_lines.get(key, self.line)


class LocatedList(list):
    """A sequence that remembers where it and each of its items were written."""

    line: int = 0
    item_lines: list

    def line_of(self, index: int) -> int:
        return self.item_lines[index] if index < len(self.item_lines) else self.line


def read_yaml(path: Path, shown_as: str):
    """Parse one YAML file into LocatedDict/LocatedList/scalars."""
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as error:
        raise ContentError([Problem(shown_as, None, f"is not UTF-8 text ({error.reason})",
                                    "save the file as UTF-8")]) from None
    loader = yaml.SafeLoader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            raise ContentError([Problem(shown_as, 1, "is empty", "fill in the fields shown in the README")])
        problems: list[Problem] = []
        value = _construct(loader, node, shown_as, problems)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        problem = error.problem or error.context or "unreadable"
        raise ContentError([Problem(shown_as, mark.line + 1 if mark else None,
                                    f"is not valid YAML: {problem}",
                                    "check the indentation and quotes on this line and the one above")]) from None
    finally:
        loader.dispose()
    if problems:
        raise ContentError(problems)
    return value


def _construct(loader, node, shown_as, problems):
    line = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        result = LocatedDict()
        result.line, result.key_lines = line, {}
        for key_node, value_node in node.value:
            key = loader.construct_object(key_node)
            key_line = key_node.start_mark.line + 1
            if key in result:
                problems.append(Problem(shown_as, key_line, f"'{key}' is written twice in the same block",
                                        f"keep one (the first is on line {result.key_lines[key]})"))
                continue
            result[key] = _construct(loader, value_node, shown_as, problems)
            result.key_lines[key] = key_line
        return result
    if isinstance(node, yaml.SequenceNode):
        result = LocatedList()
        result.line = line
        result.item_lines = [item.start_mark.line + 1 for item in node.value]
        result.extend(_construct(loader, item, shown_as, problems) for item in node.value)
        return result
    return loader.construct_object(node)
