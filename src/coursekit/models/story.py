"""Schema of the story bible, ``data/story.yml``: the running case's one version of every fact.

Pages don't read it; ``tests/test_story.py`` holds its numbers against the pages,
worksheets and questions that mention them.
"""

from __future__ import annotations

from .base import Id, Model, Slug, Text


class Month(Model):
    """One month of the running case and the project it happens in."""

    month: Text
    project: Slug
    events: Text


class Product(Model):
    """A product the farm sells (or gives away, price 0), with its one price in yuan."""

    id: Id
    name: Text
    eggs: int
    price: float
    note: str = ""


class Points(Model):
    """The points scheme: points per action, per yuan spent, and what they buy."""

    sign_in: int
    share_order: int
    review: int
    invite: int
    per_yuan: int
    exchange: dict[str, int | str]


class Person(Model):
    """Someone in the story: who they are and what they do."""

    name: Text
    role: Text
    background: Text


class Groups(Model):
    """The main group's name and sizes, and when to consider splitting."""

    main: Text
    start_members: int
    peak_members: int
    settled_members: Text
    split_signal: int
    flash_group: Text


class Orders(Model):
    """Order volumes the pages quote."""

    member_day_buyers: Text
    weekly_boxes: Text


class Routines(Model):
    """Fixed times and days of the group's routines."""

    daily_report: Text
    evening_recap: Text
    member_day: Text
    show_day: Text
    delivery: Text


class Ladders(Model):
    """The two ladders: identity by taking part (项目 4), membership by buying (项目 6)."""

    identity: list[Text]
    membership: list[Text]


class Story(Model):
    """The story bible."""

    timeline: list[Month]
    products: list[Product]
    newcomer_coupon: Text
    points: Points
    people: list[Person]
    team: list[Text]
    groups: Groups
    orders: Orders
    routines: Routines
    ladders: Ladders

    def product(self, id_: str) -> Product:
        """The product with this id."""
        return next(p for p in self.products if p.id == id_)

    def months(self, project: str) -> list[str]:
        """The months in which ``project`` happens, in order."""
        return [m.month for m in self.timeline if m.project == project]
