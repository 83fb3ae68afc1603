"""Business drivers: the monthly volumes pay rules and staffing norms refer to.

A glossary, so tables can say "每拣货单2元" instead of "2/orders_picked". A rule may
use any snake_case name; names not listed here are shown as written.

>>> unit("orders_picked", "zh"), unit("orders_picked", "en")
('拣货单', 'order picked')
>>> unit("my_driver", "en")
'my_driver'
"""

from __future__ import annotations

__all__ = ["DRIVERS", "unit"]

#: name -> (Chinese unit, English unit, Chinese description, English description)
DRIVERS: dict[str, tuple[str, str, str, str]] = {
    "orders": ("单", "order", "订单数", "orders"),
    "orders_picked": ("拣货单", "order picked", "拣货订单数", "orders picked"),
    "orders_shipped": ("发货单", "order shipped", "发货订单数", "orders shipped"),
    "revenue": ("元营业额", "yuan of revenue", "营业额（元）", "revenue (yuan)"),
    "consultations": ("次咨询", "chat session", "咨询接待量", "chat sessions"),
    "complaints": ("次投诉跟进", "complaint followed up", "投诉回复跟进次数", "complaints answered and followed up"),
    "reviews_reversed": ("次差评取消", "negative review withdrawn", "差评取消次数", "negative reviews withdrawn"),
    "review_followups": ("次催评回访", "review follow-up", "催评回访次数", "review follow-up contacts"),
    "negative_reviews": ("条差评", "negative review", "差评数", "negative reviews"),
    "store_incidents": ("次库房问题或意外", "store-room incident", "库房问题或意外次数", "store-room incidents"),
    "attainment": ("", "", "计划营业额达成率", "attainment of the sales plan"),
    "attendance_points": ("分", "attendance point", "考勤扣分", "attendance points deducted"),
}


def unit(driver: str, lang: str = "zh") -> str:
    """The unit a rate is quoted per, in ``lang`` (the driver name itself if unknown)."""
    entry = DRIVERS.get(driver)
    if entry is None or not entry[0]:
        return driver
    return entry[0] if lang == "zh" else entry[1]
