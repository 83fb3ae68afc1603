"""Tests for shoporg.pay.expr: the safe expression language of pay conditions."""

import string
import warnings
from decimal import ROUND_HALF_UP, Decimal

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from shoporg.errors import ShopOrgError
from shoporg.pay.expr import Expression, ExpressionError, evaluate_rules, evaluation_order, parse_expression


def ev(text, **env):
    return parse_expression(text).evaluate(env)


# --- allowed constructs ------------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("3", 3.0), ("0.5", 0.5), ("True", True), ("False", False),
    ("x", 4.0), ("-x", -4.0), ("+x", 4.0), ("--x", 4.0),
    ("x + 1", 5.0), ("x - 1", 3.0), ("x * 2.5", 10.0), ("x / 8", 0.5),
    ("(x + 1) * 2", 10.0), ("x + 1 * 2", 6.0), ("2 * -x", -8.0),
    ("x == 4", True), ("x != 4", False), ("x < 4", False), ("x <= 4", True),
    ("x > 3", True), ("x >= 5", False), ("0 < x <= 4", True), ("0 < x < 4", False),
    ("x > 3 and x < 5", True), ("x > 3 and x > 5", False), ("x > 5 or x == 4", True),
    ("not x > 5", True), ("not (x > 3 and x < 5)", False),
    ("min(x, 3)", 3.0), ("max(x, 3)", 4.0), ("min(x, 7, 2)", 2.0), ("max(1, x, 2)", 4.0),
    ("round(x / 3, 2)", 1.33), ("round(x / 8)", 1.0), ("round(x * 100, -2)", 400.0),
    ("(x > 3) + (x > 1)", 2.0), ("-(x > 3)", -1.0),
])
def test_allowed_constructs_on_scalars(text, expected):
    out = ev(text, x=4)
    assert out == expected and type(out) is type(expected)


@pytest.mark.parametrize("text, expected", [
    ("x + y", [[11, 21, 31], [12, 22, 32]]),
    ("x * y - 1", [[9, 19, 29], [19, 39, 59]]),
    ("y / x", [[10, 20, 30], [5, 10, 15]]),
    ("min(x * 15, y, 25)", [[10, 15, 15], [10, 20, 25]]),
    ("max(x * 15, y)", [[15, 20, 30], [30, 30, 30]]),
    ("x < y / 10 <= 2", [[False, True, False], [False, False, False]]),
    ("x == 1 or y == 30", [[True, True, True], [False, False, True]]),
    ("x == 2 and not y > 10", [[False, False, False], [True, False, False]]),
    ("round(y / 4 * x)", [[3, 5, 8], [5, 10, 15]]),
])
def test_allowed_constructs_broadcast_arrays(text, expected):
    x = np.array([[1], [2]])            # a column: two months
    y = np.array([10, 20, 30])          # a row: three people
    out = ev(text, x=x, y=y)
    assert isinstance(out, np.ndarray) and out.shape == (2, 3)
    assert out.tolist() == expected


def test_and_or_not_are_elementwise():
    a, b = np.array([0, 1, 0, 1]), np.array([0, 0, 1, 1])
    assert ev("a == 1 and b == 1", a=a, b=b).tolist() == [False, False, False, True]
    assert ev("a == 1 or b == 1", a=a, b=b).tolist() == [False, True, True, True]
    assert ev("not a == 1", a=a).tolist() == [True, False, True, False]
    assert ev("a and b", a=a, b=b).tolist() == [False, False, False, True]
    assert ev("a > 0 or b > 0 or a + b > 5", a=a, b=b).tolist() == [False, True, True, True]


def test_chained_comparisons():
    x = np.array([0, 1, 5, 6])
    assert ev("0 < x <= 5", x=x).tolist() == [False, True, True, False]
    assert ev("0 <= x < 5 != x", x=x).tolist() == [True, True, False, False]
    assert ev("1 < 2 < 3 < 4") is True
    assert ev("1 < 3 < 2") is False


def test_min_max_three_args_and_2d():
    a = np.arange(12.0).reshape(12, 1)
    b = np.array([3.0, 8.0])
    out = ev("min(a, b, 5)", a=a, b=b)
    assert out.shape == (12, 2)
    assert out[:, 0].tolist() == [0, 1, 2, 3, 3, 3, 3, 3, 3, 3, 3, 3]
    assert out[:, 1].tolist() == [0, 1, 2, 3, 4, 5, 5, 5, 5, 5, 5, 5]
    assert ev("max(a, b, 5)", a=a, b=b)[:, 1].tolist() == [8] * 9 + [9, 10, 11]
    assert ev("max(1, 2, 3, 4, 0)") == 4.0


@pytest.mark.parametrize("text, expected", [
    ("round(2.5)", 3.0), ("round(3.5)", 4.0), ("round(-2.5)", -3.0), ("round(0.5)", 1.0),
    ("round(2.4999)", 2.0), ("round(0.125, 2)", 0.13), ("round(0.375, 2)", 0.38),
    ("round(1.005, 2)", 1.01), ("round(2.675, 2)", 2.68), ("round(-0.125, 2)", -0.13),
    ("round(1234.5, -2)", 1200.0), ("round(1250, -2)", 1300.0), ("round(-1250, -2)", -1300.0),
    ("round(0.0001, 2)", 0.0), ("round(-0.0001, 2)", 0.0), ("round(7, 0)", 7.0),
])
def test_round_half_up(text, expected):
    out = ev(text)
    assert out == expected
    assert str(out) == str(expected)  # no -0.0


def test_round_half_up_on_arrays():
    x = np.array([0.5, 1.5, 2.5, -0.5, 0.125, 10.005])
    assert ev("round(x)", x=x).tolist() == [1.0, 2.0, 3.0, -1.0, 0.0, 10.0]
    assert ev("round(x, 2)", x=x).tolist() == [0.5, 1.5, 2.5, -0.5, 0.13, 10.01]


@settings(max_examples=300, deadline=None)
@given(st.decimals(min_value=-10**6, max_value=10**6, places=3, allow_nan=False),
       st.integers(0, 2))
def test_round_matches_decimal_half_up(d, n):
    expected = float(d.quantize(Decimal(1).scaleb(-n), rounding=ROUND_HALF_UP))
    assert ev(f"round(x, {n})", x=float(d)) == expected + 0.0


def test_is_condition_and_names():
    assert parse_expression("a == 1").is_condition()
    assert parse_expression("a and b").is_condition()
    assert parse_expression("not a").is_condition()
    assert parse_expression("True").is_condition()
    assert not parse_expression("a + 1").is_condition()
    assert not parse_expression("min(a, b == 1)").is_condition()
    assert not parse_expression("1").is_condition()
    assert parse_expression("min(orders, cap) * x_2 > _y").names == {"orders", "cap", "x_2", "_y"}
    assert parse_expression("round(1.5) + True").names == frozenset()


def test_expression_value_object():
    e = parse_expression("orders * 2", where="roles[1].pay[0].amount")
    assert e == Expression("orders * 2", frozenset({"orders"}), "roles[1].pay[0].amount")
    assert hash(e) == hash(parse_expression("orders * 2", where="roles[1].pay[0].amount"))
    assert e.where == "roles[1].pay[0].amount" and e.text == "orders * 2"
    built = Expression("a + b", frozenset())  # built by hand: checked and names filled in
    assert built.names == {"a", "b"} and built.evaluate({"a": 1, "b": 2}) == 3.0
    with pytest.raises(ExpressionError, match="attribute"):
        Expression("a.b", frozenset({"a"}))


def test_whitespace_and_newlines_are_fine():
    assert ev("  x +\t1 ", x=1) == 2.0
    assert ev("(x\n + 1)", x=1) == 2.0


# --- rejected constructs -------------------------------------------------------------------

LONG = "1+" * 250 + "1"  # 501 characters: one over the limit


def test_an_expression_of_500_characters_is_accepted():
    assert ev("1+" * 249 + "11") == 260.0  # 500 characters, 250 terms


@pytest.mark.parametrize("text, named", [
    ("x.y", "attribute access"),
    ("x[0]", "subscript"),
    ("lambda: 1", "lambda"),
    ("abs(x)", "function 'abs'"),
    ("__import__('os').system('x')", "attribute access"),
    ("__import__('os')", "function '__import__'"),
    ("().__class__", "attribute access"),
    ("open('f')", "function 'open'"),
    ("min(x, key=y)", "keyword arguments"),
    ("max(x, **y)", "keyword arguments"),
    ("min(*x)", "starred"),
    ("min(x)", "min() with 1 argument"),
    ("max()", "max() with 0 arguments"),
    ("round(x, y)", "round() digits"),
    ("round(x, 2.0)", "round() digits"),
    ("round(x, 1, 2)", "round() with 3 arguments"),
    ("min", "'min' without a call"),
    ("(a + b)(1)", "calling the result"),
    ("__class__", "dunder name '__class__'"),
    ("Orders", "name 'Orders'"),
    ("'a'", "strings ('a')"),
    ("b'a'", "bytes"),
    ("f'{x}'", "f-strings"),
    ("[y for y in x]", "comprehensions"),
    ("(y for y in x)", "comprehensions"),
    ("{k: 1 for k in x}", "comprehensions"),
    ("x if y else z", "conditional expressions"),
    ("(y := 1)", "walrus"),
    ("a ** 2", "'**' (power)"),
    ("a // 2", "'//' (floor division)"),
    ("a % 2", "'%' (remainder)"),
    ("a @ b", "'@'"),
    ("a & b", "bitwise operator '&'"),
    ("a | b", "bitwise operator '|'"),
    ("a ^ b", "bitwise operator '^'"),
    ("a << 1", "bitwise operator '<<'"),
    ("~a", "bitwise operator '~'"),
    ("a in b", "'in' tests"),
    ("a not in b", "'not in' tests"),
    ("a is b", "'is' tests"),
    ("a < b is c", "'is' tests"),
    ("[1]", "lists"),
    ("(1, 2)", "tuples"),
    ("{1: 2}", "dicts"),
    ("{1}", "sets"),
    ("None", "NoneType"),
    ("...", "ellipsis"),
    ("1j", "complex"),
    ("1e999", "a number this large"),
    ("9" * 400, "a number this large"),
    ("await x", "await"),
    ("(yield)", "yield"),
    ("", "empty expression"),
    ("   ", "empty expression"),
    (LONG, "501 characters"),
    ("a +", "syntax error at column 4"),
    ("x == = 1", "syntax error at column 6"),
    ("  )", "syntax error at column 3"),
])
def test_rejected_constructs_are_named(text, named):
    with pytest.raises(ExpressionError) as info:
        parse_expression(text, where="roles[3].pay[1].when")
    err = info.value
    assert isinstance(err, ShopOrgError) and isinstance(err, ValueError)
    assert named in str(err)
    assert str(err).startswith("roles[3].pay[1].when: ")
    assert err.problem.location == "roles[3].pay[1].when"
    assert err.problem.message in str(err)
    if text.strip() and len(text) <= 60:
        assert repr(text) in str(err)  # the expression is quoted


def test_not_text_is_rejected():
    with pytest.raises(ExpressionError, match="must be text, got int"):
        parse_expression(3)


def test_syntax_error_on_a_later_line_gives_line_and_column():
    with pytest.raises(ExpressionError, match="line 2, column"):
        parse_expression("(x +\n * 2)")


# --- evaluation errors -------------------------------------------------------------------

def test_unknown_name_lists_known_names_and_suggests():
    e = parse_expression("ordrs * 2", where="roles[0].pay[0].amount")
    with pytest.raises(ExpressionError) as info:
        e.evaluate({"revenue": 1, "orders": 2, "complaints": 3})
    assert str(info.value) == (
        "roles[0].pay[0].amount: unknown name 'ordrs' in 'ordrs * 2' (did you mean 'orders'?); "
        "known: complaints, orders, revenue")
    assert info.value.problem.location == "roles[0].pay[0].amount"


def test_unknown_name_without_a_close_match():
    with pytest.raises(ExpressionError) as info:
        ev("zzz + 1", orders=1)
    assert str(info.value) == "unknown name 'zzz' in 'zzz + 1'; known: orders"
    with pytest.raises(ExpressionError, match=r"known: \(none\)"):
        ev("zzz")


@pytest.mark.parametrize("env", [
    {"orders": 10, "complaints": 0},
    {"orders": 10, "complaints": 0.0},
    {"orders": np.array([1, 2, 3]), "complaints": np.array([1, 0, 2])},
    {"orders": 0, "complaints": np.zeros((12, 3))},
])
def test_division_by_zero_is_an_error_never_a_warning(env):
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        with pytest.raises(ExpressionError) as info:
            parse_expression("orders / complaints", where="w").evaluate(env)
    assert str(info.value) == "w: division by zero in 'orders / complaints'"


def test_division_by_zero_literal_and_inside_and():
    with pytest.raises(ExpressionError, match="division by zero in '1 / 0'"):
        ev("1 / 0")
    with pytest.raises(ExpressionError, match="division by zero"):  # no short-circuit
        ev("c > 0 and o / c > 2", c=np.array([0, 1]), o=np.array([5, 5]))
    assert ev("o / max(c, 1)", c=np.array([0, 2]), o=np.array([5, 5])).tolist() == [5.0, 2.5]


@pytest.mark.parametrize("bad", [float("nan"), float("inf"), -np.inf,
                                 np.array([1.0, np.nan]), np.array([[np.inf]])])
def test_nan_or_inf_in_env_names_the_driver(bad):
    with pytest.raises(ExpressionError) as info:
        ev("orders * 2 + revenue", orders=bad, revenue=1)
    assert "driver 'orders'" in str(info.value) and "NaN or infinite" in str(info.value)


def test_non_numeric_driver_and_overflow_and_bad_shapes():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        with pytest.raises(ExpressionError, match="driver 'x' is not a number"):
            ev("x + 1", x="ten")
        with pytest.raises(ExpressionError, match="number too large in 'x \\* x'"):
            ev("x * x", x=np.array([1.0, 1e200]))
        with pytest.raises(ExpressionError, match="number too large"):
            ev("round(x, 10)", x=1e300)
        with pytest.raises(ExpressionError, match="shapes do not fit"):
            ev("x + y", x=np.ones(3), y=np.ones(4))
    assert ev("x * x", x=1e-200) == 0.0  # underflow is fine


def test_bool_and_int_drivers_are_numbers():
    assert ev("flag + 1", flag=True) == 2.0
    assert ev("n / 2", n=np.array([1, 2], dtype=np.int64)).tolist() == [0.5, 1.0]


# --- rules -------------------------------------------------------------------------------

def rules(**texts):
    return {name: parse_expression(t, where=f"rules.{name}") for name, t in texts.items()}


def test_evaluation_order_chain():
    r = rules(c="b + 1", b="a * 2", a="revenue * 0.01")
    assert evaluation_order(r) == ["a", "b", "c"]


def test_evaluation_order_diamond():
    r = rules(d="b + c", c="a + 1", b="a * 2", a="x")
    assert evaluation_order(r) == ["a", "c", "b", "d"]


def test_evaluation_order_is_stable():
    r = rules(z="1", y="x_driver", x="2", w="z + y")
    assert evaluation_order(r) == ["z", "y", "x", "w"]
    r = rules(c="a + 1", x="7", a="revenue")  # c waits for a; ready rules go in given order
    assert evaluation_order(r) == ["x", "a", "c"]
    assert evaluation_order({}) == []


@pytest.mark.parametrize("texts, cycle", [
    ({"a": "b + 1", "b": "a * 2"}, "a → b → a"),
    ({"x": "a", "a": "c", "b": "a", "c": "b + y"}, "a → c → b → a"),
    ({"ok": "1", "a": "a + 1"}, "a → a"),
])
def test_evaluation_order_cycle(texts, cycle):
    with pytest.raises(ExpressionError) as info:
        evaluation_order(rules(**texts))
    assert str(info.value) == f"rules refer to each other in a cycle: {cycle}"


def test_evaluate_rules():
    env = {"revenue": np.array([100_000.0, 500_000.0])}
    out = evaluate_rules(rules(capped="min(bonus_pool, 3000)", bonus_pool="revenue * 0.01",
                               paid="capped > 2000"), env)
    assert list(out) == ["capped", "bonus_pool", "paid"]
    assert out["bonus_pool"].tolist() == [1000.0, 5000.0]
    assert out["capped"].tolist() == [1000.0, 3000.0]
    assert out["paid"].tolist() == [False, True]
    assert list(env) == ["revenue"]  # not changed
    assert evaluate_rules({"a": "x * 2", "b": "a + 1"}, {"x": 1}) == {"a": 2.0, "b": 3.0}


def test_evaluate_rules_errors_name_the_rule():
    with pytest.raises(ExpressionError, match=r"^b: unknown name 'c'"):
        evaluate_rules({"a": "x * 2", "b": "c + a"}, {"x": 1})


# --- properties --------------------------------------------------------------------------

NAMES = ("a", "b", "c")
leaves = st.one_of(st.integers(0, 9), st.sampled_from(NAMES))
trees = st.recursive(
    leaves,
    lambda sub: st.one_of(st.tuples(st.sampled_from("+-*"), sub, sub),
                          st.tuples(st.just("neg"), sub)),
    max_leaves=10)


def render(tree):
    if isinstance(tree, (int, str)):
        return str(tree)
    if tree[0] == "neg":
        return f"-({render(tree[1])})"
    return f"({render(tree[1])} {tree[0]} {render(tree[2])})"


def compute(tree, env):
    """Python int arithmetic over the same tree, independent of the module."""
    if isinstance(tree, int):
        return tree
    if isinstance(tree, str):
        return env[tree]
    if tree[0] == "neg":
        return -compute(tree[1], env)
    left, right = compute(tree[1], env), compute(tree[2], env)
    return {"+": left + right, "-": left - right, "*": left * right}[tree[0]]


@settings(max_examples=300, deadline=None)
@given(trees, st.fixed_dictionaries({n: st.lists(st.integers(-9, 9), min_size=4, max_size=4)
                                     for n in NAMES}))
def test_arithmetic_matches_python(tree, values):
    e = parse_expression(render(tree))
    scalar_env = {n: v[0] for n, v in values.items()}
    assert e.evaluate(scalar_env) == compute(tree, scalar_env)
    out = e.evaluate({n: np.array(v) for n, v in values.items()})
    expected = [compute(tree, {n: v[k] for n, v in values.items()}) for k in range(4)]
    assert np.broadcast_to(out, (4,)).tolist() == expected


TOKENS = ["a", "b", "min", "max", "round", "(", ")", ",", "+", "-", "*", "/", "**", "<", "==",
          ">=", " and ", " or ", "not ", "1", "0", "2.5", ".", "[", "]", "'", "_", "__", " if ",
          " else ", "lambda", ":", "=", "x", " ", "e9", "j"]


def parse_or_reject(text):
    try:
        e = parse_expression(text)
    except ExpressionError:
        return
    try:
        e.evaluate({n: np.array([0.0, 1.0, 2.0]) for n in e.names})
    except ExpressionError:
        pass


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=string.printable, max_size=60))
def test_printable_strings_parse_or_raise_expression_error(text):
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        parse_or_reject(text)


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(TOKENS), max_size=20).map("".join).filter(lambda t: len(t) <= 60))
def test_token_soup_parses_or_raises_expression_error(text):
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        parse_or_reject(text)
