"""KPI scorecards from duty weights (design 6 gives 5%, 20%, 4%, 10%) and attendance points."""

import pytest

from shoporg import Role, ShopOrgError, scorecard
from shoporg.pay.scorecard import ATTENDANCE_POINTS


def role(*weights):
    return Role(id="cs", name="客服", duties=[
        {"area": "service.presales", "zh": f"职责{i}", "weight": w} for i, w in enumerate(weights)])


def test_weighted_score_and_attendance_points():
    card = scorecard(role(50, 30, 20), {0: 100, 1: 80, 2: 50}, late_or_early=2, leave=1)
    assert card.table["weighted"].tolist() == [50.0, 24.0, 10.0]
    assert card.attendance_points == 5 and card.score == 79.0


def test_attendance_points_follow_the_source():
    assert ATTENDANCE_POINTS == {"late_or_early": 2, "leave": 1}  # 迟到早退减2分/次, 有效请假减1分/次


def test_blank_weights_must_be_supplied():
    r = Role(id="m", name="店长", duties=[
        {"area": "management.strategy", "zh": "甲", "weight": 60},
        {"area": "management.team", "zh": "乙", "weight": None}])
    with pytest.raises(ShopOrgError, match=r"sum to 60%.*duties without a weight: \[1\]"):
        scorecard(r, {0: 100})
    assert scorecard(r, {0: 100, 1: 50}, weights={1: 40}).score == 80.0


@pytest.mark.parametrize("scores, message", [
    ({0: 100}, "no score for weighted duties"),
    ({0: 100, 1: 120}, "must be 0–100"),
    ({0: 1, 1: 1, 5: 1}, "duty 5 has no weight"),
])
def test_bad_scores(scores, message):
    with pytest.raises(ShopOrgError, match=message):
        scorecard(role(50, 50), scores)


def test_role_without_weights():
    with pytest.raises(ShopOrgError, match="no KPI weights"):
        scorecard(Role(id="x", name="某"), {})


def test_design_6_scorecard_needs_its_two_blank_weights(d06):
    shop_manager = d06.roles[0]
    with pytest.raises(ShopOrgError, match=r"sum to 39%.*duties without a weight"):
        scorecard(shop_manager, {4: 100, 5: 100, 9: 100, 10: 100})
    card = scorecard(shop_manager, {4: 100, 5: 90, 6: 80, 8: 100, 9: 100, 10: 50}, weights={6: 30, 8: 31},
                     late_or_early=1, leave=1)
    # 5 + 18 + 24 + 31 + 4 + 5 = 87, less 2 + 1 attendance points
    assert card.score == 84.0
    assert card.table.loc[5, "weight"] == 20 and card.table.loc[10, "weight"] == 10
