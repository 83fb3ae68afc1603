"""A tiny, safe expression language for pay conditions and amounts.

Design files write conditions and amounts as short expressions, e.g.
``store_incidents == 0`` or ``min(orders * 0.5, 3000)``. The text is parsed with
:mod:`ast` and every node is checked against an allow-list; it is never handed to
``eval``. A small tree-walking interpreter then computes it over numpy arrays.

Grammar (everything else is rejected with a message naming the construct):

- numbers (``3``, ``0.5``), ``True``, ``False``, and driver names in lower-case
  snake_case (``orders``, ``store_incidents``);
- unary ``-`` ``+``; binary ``+ - * /``; parentheses;
- comparisons ``== != < <= > >=``, chained as in ``0 < x <= 5``;
- ``and``, ``or``, ``not`` (elementwise on arrays, so both sides are always computed);
- ``min(a, b, ...)``, ``max(a, b, ...)`` (two or more arguments) and ``round(x)`` /
  ``round(x, n)`` with ``n`` a whole number from -6 to 10, rounding halves away from zero.

All arithmetic is float64. Drivers may be scalars or arrays; results broadcast.
Division by zero, overflow and NaN/inf drivers are :class:`ExpressionError`.

>>> e = parse_expression("negative_reviews == 0 and complaints < 50")
>>> sorted(e.names), e.is_condition()
(['complaints', 'negative_reviews'], True)
>>> import numpy as np
>>> e.evaluate({"negative_reviews": 0, "complaints": np.array([10, 60])}).tolist()
[True, False]
>>> parse_expression("round(revenue * 0.01, 2)").evaluate({"revenue": 12345})
123.45
"""

from __future__ import annotations

import ast
import difflib
import math
import re
import warnings
from dataclasses import dataclass, field
from functools import lru_cache, reduce
from typing import TYPE_CHECKING, Mapping

if TYPE_CHECKING:
    import numpy as np

from ..errors import Problem, ShopOrgError
from ..i18n import Phrase, expression_text, listed_drivers, quoted_driver

__all__ = ["ExpressionError", "Expression", "parse_expression", "evaluation_order",
           "evaluate_rules"]

MAX_LENGTH = 500
MAX_DEPTH = 250  # room for a sum of 250 terms, the most 500 characters can hold
_NAME = re.compile(r"[a-z_][a-z0-9_]*\Z")
_WORD = re.compile(r"\w+")  # a run of letters, digits and _ in any script: a name as Python reads it
_FUNCS = ("min", "max", "round")
#: the numpy function of each operator, by name (numpy loads when an expression is computed)
_BINOPS = {ast.Add: "add", ast.Sub: "subtract", ast.Mult: "multiply", ast.Div: "divide"}
_CMPOPS = {ast.Eq: "equal", ast.NotEq: "not_equal", ast.Lt: "less", ast.LtE: "less_equal",
           ast.Gt: "greater", ast.GtE: "greater_equal"}
_BAD_OPS = {ast.Pow: Phrase("err.expr_not.pow"), ast.FloorDiv: Phrase("err.expr_not.floordiv"),
            ast.Mod: Phrase("err.expr_not.mod"), ast.MatMult: Phrase("err.expr_not.matmult"),
            ast.BitAnd: Phrase("err.expr_not.bitwise", op="'&'"), ast.BitOr: Phrase("err.expr_not.bitwise", op="'|'"),
            ast.BitXor: Phrase("err.expr_not.bitwise", op="'^'"), ast.LShift: Phrase("err.expr_not.bitwise", op="'<<'"),
            ast.RShift: Phrase("err.expr_not.bitwise", op="'>>'"), ast.Invert: Phrase("err.expr_not.bitwise", op="'~'"),
            ast.In: Phrase("err.expr_not.test", op="'in'"), ast.NotIn: Phrase("err.expr_not.test", op="'not in'"),
            ast.Is: Phrase("err.expr_not.test", op="'is'"), ast.IsNot: Phrase("err.expr_not.test", op="'is not'")}
_BAD_NODES = {ast.Attribute: Phrase("err.expr_not.attribute"), ast.Subscript: Phrase("err.expr_not.subscript"),
              ast.Lambda: Phrase("err.expr_not.lambda"), ast.JoinedStr: Phrase("err.expr_not.fstring"), ast.IfExp:
              Phrase("err.expr_not.ifexp"), ast.NamedExpr: Phrase("err.expr_not.walrus"),
              ast.ListComp: Phrase("err.expr_not.comprehension"), ast.SetComp: Phrase("err.expr_not.comprehension"),
              ast.DictComp: Phrase("err.expr_not.comprehension"),
              ast.GeneratorExp: Phrase("err.expr_not.comprehension"),
              ast.List: Phrase("err.expr_not.list"), ast.Tuple: Phrase("err.expr_not.tuple"),
              ast.Dict: Phrase("err.expr_not.dict"), ast.Set: Phrase("err.expr_not.set"),
              ast.Starred: Phrase("err.expr_not.starred"), ast.Await: Phrase("err.expr_not.await"),
              ast.Yield: Phrase("err.expr_not.yield"), ast.YieldFrom: Phrase("err.expr_not.yield")}


class ExpressionError(ShopOrgError):
    """A pay expression that cannot be parsed or evaluated; ``problem`` says where and why."""

    def __init__(self, message: str | Phrase, where: str = ""):
        self.problem = Problem(where, message)
        self.problems = [self.problem]
        super().__init__(str(self.problem))


def _quote(text: str) -> str:
    return repr(text if len(text) <= 60 else text[:57] + "...")


def _quoted(text: str, read: bool = True) -> dict[str, str]:
    """An expression named in a message (a phrase field): in English as written; in Chinese
    as a person reads it (driver names in words), or as written when it does not parse
    (``read=False``: the text to correct, which a column number points into)."""
    said = expression_text(text, "zh") if read else text
    return {"zh": f"“{said if len(said) <= 60 else said[:57] + '…'}”", "en": _quote(text)}


@dataclass(frozen=True)
class Expression:
    """A checked expression: its ``text``, the driver ``names`` it reads, and ``where`` it is.

    Examples
    --------
    >>> e = parse_expression("min(orders * 0.5, 3000)", where="roles[3].pay[1].amount")
    >>> import numpy as np
    >>> e.evaluate({"orders": np.array([100, 9000])}).tolist()
    [50.0, 3000.0]
    >>> parse_expression("ordrs * 2").evaluate({"orders": 1, "revenue": 2})
    Traceback (most recent call last):
    ...
    shoporg.pay.expr.ExpressionError: unknown name 'ordrs' in 'ordrs * 2'
        (did you mean 'orders'?); known: orders, revenue
    """

    text: str
    names: frozenset[str]
    where: str = ""
    _tree: ast.Expression | None = field(default=None, repr=False, compare=False)

    def __post_init__(self):
        if self._tree is None:  # built by hand: check the text like parse_expression does
            parsed = parse_expression(self.text, self.where)
            object.__setattr__(self, "_tree", parsed._tree)
            object.__setattr__(self, "names", parsed.names)

    def _error(self, message: str | Phrase) -> ExpressionError:
        return ExpressionError(message, self.where)

    def is_condition(self) -> bool:
        """Whether the top of the expression is a comparison, ``and``/``or``/``not`` or a bool."""
        top = self._tree.body
        return (isinstance(top, (ast.Compare, ast.BoolOp))
                or (isinstance(top, ast.UnaryOp) and isinstance(top.op, ast.Not))
                or (isinstance(top, ast.Constant) and isinstance(top.value, bool)))

    def evaluate(self, env: Mapping[str, float | np.ndarray]) -> np.ndarray | float | bool:
        """Compute the expression with driver values from ``env`` (scalars or arrays).

        A scalar result is a Python ``float`` or ``bool``; otherwise a numpy array.
        """
        global np  # bound here for _eval and _num below, which run only from here
        import numpy as np  # loaded when first computed: reading or showing a design does without it
        q = _quoted(self.text)
        values = {}
        for name in sorted(self.names):
            if name not in env:
                close = difflib.get_close_matches(name, list(env), n=1)
                hint = Phrase("err.suggest", close=quoted_driver(close[0])) if close else ""
                known = listed_drivers(sorted(env)) if env else Phrase("err.no_names")
                raise self._error(Phrase("err.expr_unknown", name=quoted_driver(name), text=q, hint=hint, known=known))
            try:
                values[name] = np.asarray(env[name], dtype=float)
            except (TypeError, ValueError):
                raise self._error(Phrase("err.expr_not_number", driver=quoted_driver(name), text=q)) from None
            if not np.all(np.isfinite(values[name])):
                raise self._error(Phrase("err.expr_not_finite", driver=quoted_driver(name), text=q))
        try:
            with np.errstate(over="raise", invalid="raise", divide="raise", under="ignore"):
                out = np.asarray(self._eval(self._tree.body, values))
        except ExpressionError:
            raise
        except FloatingPointError:
            raise self._error(Phrase("err.expr_too_large", text=q)) from None
        except ValueError as e:  # shapes that do not broadcast
            raise self._error(Phrase("err.expr_shapes", text=q, detail=str(e))) from None
        if out.dtype != bool and not np.all(np.isfinite(out)):
            raise self._error(Phrase("err.expr_too_large", text=q))
        return out.item() if out.ndim == 0 else out

    def _eval(self, node: ast.AST, values: dict) -> np.ndarray:
        ev = self._eval  # one frame per level: deep expressions stay far from the recursion limit
        if isinstance(node, ast.Constant):
            return np.asarray(node.value if isinstance(node.value, bool) else float(node.value))
        if isinstance(node, ast.Name):
            return values[node.id]
        if isinstance(node, ast.UnaryOp):
            if isinstance(node.op, ast.Not):
                return np.logical_not(ev(node.operand, values))
            x = _num(ev(node.operand, values))
            return -x if isinstance(node.op, ast.USub) else x
        if isinstance(node, ast.BinOp):
            left, right = _num(ev(node.left, values)), _num(ev(node.right, values))
            if isinstance(node.op, ast.Div) and np.any(right == 0):
                raise self._error(Phrase("err.expr_zero_division", text=_quoted(self.text)))
            return getattr(np, _BINOPS[type(node.op)])(left, right)
        if isinstance(node, ast.BoolOp):
            op = np.logical_and if isinstance(node.op, ast.And) else np.logical_or
            return reduce(op, [ev(v, values) for v in node.values])
        if isinstance(node, ast.Compare):
            sides = [ev(n, values) for n in [node.left, *node.comparators]]
            return reduce(np.logical_and, [getattr(np, _CMPOPS[type(op)])(a, b) for op, a, b
                                           in zip(node.ops, sides, sides[1:])])
        assert isinstance(node, ast.Call), node  # _check lets nothing else through
        args = [_num(ev(a, values)) for a in node.args]
        if node.func.id == "round":
            return _round_half_up(args[0], _literal_int(node.args[1]) if len(args) == 2 else 0)
        return reduce(np.minimum if node.func.id == "min" else np.maximum, args)


def _num(x) -> np.ndarray:
    return np.asarray(x, dtype=float)  # booleans take part in arithmetic as 0 and 1


def _round_half_up(x: np.ndarray, n: int) -> np.ndarray:
    """Round halves away from zero (四舍五入), as Decimal's ROUND_HALF_UP does.

    ``x * 10**n`` is nudged up by a relative 1e-12 before flooring, so a decimal
    half stored slightly low (1.005 is 1.00499999999999989...) still rounds up.

    >>> import numpy as np
    >>> _round_half_up(np.array([2.5, -2.5, 0.125, 1.005]), 2).tolist()
    [2.5, -2.5, 0.13, 1.01]
    >>> _round_half_up(np.array([2.5, 3.5, 1250.0]), 0).tolist(), float(_round_half_up(1250.0, -2))
    ([3.0, 4.0, 1250.0], 1300.0)
    """
    import numpy as np  # loaded by evaluate() already, or by a direct call
    scaled = np.abs(x) * 10.0 ** n if n >= 0 else np.abs(x) / 10.0 ** -n
    whole = np.floor(scaled + 0.5 + scaled * 1e-12)
    return np.sign(x) * (whole / 10.0 ** n if n >= 0 else whole * 10.0 ** -n) + 0.0  # no -0.0


def parse_expression(text: str, where: str = "") -> Expression:
    """Parse ``text`` and check every node against the allow-list.

    Raises
    ------
    ExpressionError
        Empty or too long text, a syntax error (with its column), or a construct
        outside the grammar, named in the message.

    Examples
    --------
    >>> parse_expression("attainment >= 1").names
    frozenset({'attainment'})
    >>> parse_expression("orders ** 2", where="roles[0].pay[2].when")
    Traceback (most recent call last):
    ...
    shoporg.pay.expr.ExpressionError: roles[0].pay[2].when:
        '**' (power) is not allowed in 'orders ** 2'
    """
    if not isinstance(text, str):
        raise ExpressionError(Phrase("err.expr_type", type=type(text).__name__), where)
    return _parse(text, where)


@lru_cache(maxsize=4096)
def _parse(text: str, where: str) -> Expression:
    """:func:`parse_expression` for text: each text and place is parsed once (an
    :class:`Expression` never changes, so the parsed one is shared)."""
    def fail(message: Phrase) -> ExpressionError:
        return ExpressionError(message, where)

    if not text.strip():
        raise fail(Phrase("err.expr_empty"))
    if len(text) > MAX_LENGTH:
        raise fail(Phrase("err.expr_long", text=_quoted(text, read=False), n=len(text), most=MAX_LENGTH))
    body = text.strip()
    if not text.isascii():  # Python reads ｓｔｏｒｅ as store (NFKC): refuse look-alikes before parsing
        for word in _WORD.finditer(text):
            odd = next((ch for ch in word.group() if not ch.isascii()), None)
            if odd is not None:
                raise fail(Phrase("err.expr_non_ascii", text=_quoted(text, read=False), col=word.start() + 1,
                                  name=repr(word.group()), char=f"{odd!r} (U+{ord(odd):04X})"))
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            tree = ast.parse(body, mode="eval")
    except SyntaxError as e:
        lines = body.splitlines() or [""]
        line = min(max(e.lineno or 1, 1), len(lines))
        col = e.offset if e.offset and e.offset > 0 else len(lines[line - 1]) + 1
        if line == 1:
            col += len(text) - len(text.lstrip())
        at = Phrase("err.expr_at_col", col=col) if len(lines) == 1 else Phrase("err.expr_at_line", line=line, col=col)
        raise fail(Phrase("err.expr_syntax", at=at, text=_quoted(text, read=False), detail=e.msg)) from None
    except (ValueError, RecursionError, MemoryError) as e:
        raise fail(Phrase("err.expr_parse", text=_quoted(text, read=False), detail=str(e))) from None
    names: set[str] = set()
    _check(tree.body, names,
           lambda what: fail(Phrase("err.expr_not_allowed", what=what, text=_quoted(text, read=False))))
    return Expression(text, frozenset(names), where, tree)


def _check(node: ast.AST, names: set[str], reject, depth: int = 0) -> None:
    """Raise ``reject(what)`` for the first node outside the grammar; collect names read."""
    if depth > MAX_DEPTH:
        raise reject(Phrase("err.expr_not.depth", n=MAX_DEPTH))
    if type(node) in _BAD_NODES:
        raise reject(_BAD_NODES[type(node)])
    if isinstance(node, ast.Constant):
        v = node.value
        if isinstance(v, str):
            raise reject(Phrase("err.expr_not.string", got=repr(v[:20])))
        if not isinstance(v, (bool, int, float)):
            raise reject(Phrase("err.expr_not.value", type=type(v).__name__, got=repr(v)))
        if not isinstance(v, bool) and not (len(str(v)) < 300 and math.isfinite(float(v))):
            raise reject(Phrase("err.expr_not.large"))
        return
    if isinstance(node, ast.Name):
        if node.id.startswith("__"):
            raise reject(Phrase("err.expr_not.dunder", name=repr(node.id)))
        if not _NAME.match(node.id):
            raise reject(Phrase("err.expr_not.name", name=repr(node.id)))
        if node.id in _FUNCS:
            raise reject(Phrase("err.expr_not.bare_func", name=repr(node.id), func=node.id))
        names.add(node.id)
        return
    ops = [getattr(node, "op", None)] + list(getattr(node, "ops", []))
    bad = [_BAD_OPS[type(op)] for op in ops if type(op) in _BAD_OPS]
    if bad:
        raise reject(bad[0])
    if isinstance(node, ast.Call):
        func = node.func
        if not isinstance(func, ast.Name):
            _check(func, names, reject, depth + 1)  # an attribute, subscript... names itself
            raise reject(Phrase("err.expr_not.call_result"))
        if func.id not in _FUNCS:
            raise reject(Phrase("err.expr_not.func", name=repr(func.id)))
        if node.keywords:
            raise reject(Phrase("err.expr_not.keywords", func=func.id, arg=node.keywords[0].arg or "**"))
        for arg in node.args:
            _check(arg, names, reject, depth + 1)
        n = len(node.args)
        if func.id in ("min", "max") and n < 2:
            raise reject(Phrase("err.expr_not.one_arg" if n == 1 else "err.expr_not.few_args", func=func.id, n=n))
        if func.id == "round":
            if n not in (1, 2):
                raise reject(Phrase("err.expr_not.round_args", n=n))
            if n == 2 and not (-6 <= _literal_int(node.args[1]) <= 10):
                raise reject(Phrase("err.expr_not.round_digits"))
        return
    if not isinstance(node, (ast.UnaryOp, ast.BinOp, ast.BoolOp, ast.Compare)):
        raise reject(Phrase("err.expr_not.node", type=type(node).__name__))
    for child in ast.iter_child_nodes(node):
        if not isinstance(child, (ast.operator, ast.unaryop, ast.cmpop, ast.boolop)):
            _check(child, names, reject, depth + 1)


def _literal_int(node: ast.AST) -> int | float:
    """The value of a (possibly negated) int literal; NaN for anything else."""
    sign = 1
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
        node, sign = node.operand, -1
    if isinstance(node, ast.Constant) and type(node.value) is int:
        return sign * node.value
    return float("nan")


def evaluation_order(rules: Mapping[str, Expression | str]) -> list[str]:
    """Rule names in dependency order: each after every rule it reads.

    Among rules whose inputs are ready, the one given first goes first, so rules
    already in a workable order keep it. A rule reading its own name is a cycle.

    Examples
    --------
    >>> evaluation_order({"capped": "min(bonus_pool, 3000)", "bonus_pool": "revenue * 0.01"})
    ['bonus_pool', 'capped']
    >>> evaluation_order({"a": "b + 1", "b": "a * 2"})
    Traceback (most recent call last):
    ...
    shoporg.pay.expr.ExpressionError: rules refer to each other in a cycle: a → b → a
    """
    exprs = _as_expressions(rules)
    reads = {name: [n for n in exprs if n in e.names] for name, e in exprs.items()}
    order: list[str] = []
    pending = list(exprs)
    while pending:
        ready = next((n for n in pending if all(d in order for d in reads[n])), None)
        if ready is None:  # every pending rule waits on another: follow the reads to a cycle
            path = [pending[0]]
            while (nxt := next(d for d in reads[path[-1]] if d in pending)) not in path:
                path.append(nxt)
            cycle = path[path.index(nxt):] + [nxt]
            raise ExpressionError(Phrase("err.expr_cycle", ring=" → ".join(cycle)))
        order.append(ready)
        pending.remove(ready)
    return order


def evaluate_rules(rules: Mapping[str, Expression | str], env: Mapping[str, object]) -> dict:
    """Evaluate ``rules`` in :func:`evaluation_order`, each result readable by later rules.

    Returns the results keyed by rule name, in the order the rules were given.
    A rule given as a string is parsed with its name as the location.

    >>> import numpy as np
    >>> out = evaluate_rules({"capped": "min(bonus_pool, 3000)", "bonus_pool": "revenue * 0.01"},
    ...                      {"revenue": np.array([100_000, 500_000])})
    >>> {k: v.tolist() for k, v in out.items()}
    {'capped': [1000.0, 3000.0], 'bonus_pool': [1000.0, 5000.0]}
    """
    exprs = _as_expressions(rules)
    scope = dict(env)
    for name in evaluation_order(exprs):
        scope[name] = exprs[name].evaluate(scope)
    return {name: scope[name] for name in exprs}


def _as_expressions(rules: Mapping[str, Expression | str]) -> dict[str, Expression]:
    return {name: e if isinstance(e, Expression) else parse_expression(e, where=name)
            for name, e in rules.items()}
