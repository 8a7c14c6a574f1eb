"""One fictional woman's coded journey, drawn from the distributions the domain describes.

Born mostly 1960-79 in North Hamgyong or Ryanggang; left mostly 1996-2012, over half of them
trafficked and sold for 3,000-10,000 yuan; about a third caught and sent back once and one in
eight twice or more (each time interrogated and detained, then leaving again); transit mostly
through Laos and Thailand; arrival in South Korea 2000-2020. Every draw comes from the `rng`
the caller passes, in a fixed order, so one seed gives one journey.
"""

from dataclasses import dataclass, field
from random import Random

from journeys.codebook.models import Kind, Term
from journeys.demo.codebook import DemoCodebook

# (code, weight) tables. Weights need not add up to one.
WAYS = [
    ("own", 16),
    ("broker", 24),
    ("trafficked_agreed", 27),
    ("trafficked_deceived", 23),
    ("abducted", 10),
]
TRAFFICKED = frozenset({"trafficked_agreed", "trafficked_deceived", "abducted"})
REASONS = [
    ("food_work", 50),
    ("family", 12),
    ("fear_punishment", 8),
    ("southern_media", 7),
    ("debt", 7),
    ("persuaded_by_broker", 8),
    ("politics", 4),
    ("other", 4),
]
WORK = [
    ("restaurant", 25),
    ("adult_entertainment", 8),
    ("video_chat", 10),
    ("farm_work", 12),
    ("domestic_work", 13),
    ("factory", 12),
    ("market_trade", 8),
    ("none", 12),
]
CHINA_PROVINCES = [
    ("cn-jilin", 55),
    ("cn-liaoning", 15),
    ("cn-heilongjiang", 18),
    ("cn-shandong", 7),
]
DETENTION = [
    ("jipkyulso", 40),
    ("rodong_danryeondae", 35),
    ("kyohwaso", 20),
    ("guryujang", 3),
    ("kwanliso", 2),
]
ROUTES = [
    (("la", "th"), 55),
    (("th",), 6),
    (("mm", "th"), 8),
    (("vn", "kh"), 8),
    (("vn", "la", "th"), 7),
    (("mn",), 12),
    (("kh",), 4),
]
DIFFICULTIES = [
    ("work", 30),
    ("money", 30),
    ("language_culture", 30),
    ("discrimination", 25),
    ("health_trauma", 25),
    ("family_left", 30),
    ("loneliness", 20),
    ("education", 10),
]
# Violations by where they happened: (code, probability of being coded on such an event).
NK_MARKET_VIOLATIONS = [("extortion", 0.25), ("intimidation", 0.1), ("sexual_assault", 0.07)]
MARRIAGE_VIOLATIONS = [
    ("violence", 0.4),
    ("confinement", 0.3),
    ("sexual_assault", 0.25),
    ("intimidation", 0.3),
    ("financial_exclusion", 0.2),
]
WORK_VIOLATIONS = [
    ("financial_exclusion", 0.25),
    ("forced_labour", 0.2),
    ("intimidation", 0.25),
    ("violence", 0.15),
    ("deception", 0.15),
    ("extortion", 0.08),
]
INTERROGATION_VIOLATIONS = [
    ("torture", 0.35),
    ("violence", 0.3),
    ("forced_abortion", 0.06),
    ("sexual_assault", 0.08),
]
DETENTION_VIOLATIONS = [
    ("forced_labour", 0.55),
    ("starvation", 0.4),
    ("violence", 0.35),
    ("sexual_assault", 0.08),
    ("forced_abortion", 0.05),
]
# Years from leaving North Korea to reaching the South (before any years in detention).
YEARS_AWAY = [(1, 6), (2, 10), (3, 12), (4, 12), (5, 10), (6, 8), (7, 7), (8, 6), (9, 5)]
YEARS_AWAY += [(10, 4), (12, 3), (15, 2)]
# Years held, by facility type: days to months in holding centres, years in prison camps.
DETENTION_YEARS = {
    "jipkyulso": [(0, 8), (1, 2)],
    "rodong_danryeondae": [(0, 4), (1, 6)],
    "kyohwaso": [(1, 3), (2, 3), (3, 2), (5, 1)],
    "kwanliso": [(3, 1), (6, 1), (10, 1)],
}
TUMEN_PROVINCES = frozenset({"kp-hamgyongbuk", "kp-rason"})
BORDER_PROVINCES = frozenset(
    {"kp-hamgyongbuk", "kp-rason", "kp-ryanggang", "kp-jagang", "kp-pyonganbuk"}
)
LAST_ARRIVAL_YEAR = 2020


@dataclass
class PlannedEvent:
    stage: Term
    event_type: Term
    place: Term | None = None
    start_year: int | None = None
    end_year: int | None = None
    start_month: int | None = None
    price_yuan: int | None = None
    facility: Term | None = None
    facility_type: Term | None = None
    agency: Term | None = None
    codes: list[Term] = field(default_factory=list)
    river: str = ""  # "tumen" or "yalu", for the text of a crossing
    crossing: int = 0  # 1 for the first crossing, 2 for the second, ...
    again: bool = False  # back with the same husband after being sent back


@dataclass
class Journey:
    events: list[PlannedEvent]
    arrival_year: int


@dataclass
class _ChinaState:
    """What carries over from one spell in China to the next: the husband, the child, where."""

    married: bool
    has_child: bool
    place: Term


def weighted(rng: Random, table: list[tuple]):
    values, weights = zip(*table, strict=True)
    return rng.choices(values, weights)[0]


def weighted_sample(rng: Random, table: list[tuple], k: int) -> list:
    """k different values, each drawn by weight from those not drawn yet."""
    remaining = list(table)
    chosen = []
    for _ in range(min(k, len(remaining))):
        value = weighted(rng, remaining)
        chosen.append(value)
        remaining = [row for row in remaining if row[0] != value]
    return chosen


class JourneyPlanner:
    """Plans journeys against one codebook; the codebook look-ups are in memory only."""

    def __init__(self, codebook: DemoCodebook) -> None:
        self.cb = codebook
        self._posts: dict[int, list[Term]] = {}

    def term(self, kind: str, code: str) -> Term:
        return self.cb.term(kind, code)

    def codes(self, rng: Random, kind: str, table: list[tuple[str, float]]) -> list[Term]:
        """The codes of the table that apply, each with its own probability."""
        return [self.term(kind, code) for code, chance in table if rng.random() < chance]

    def event(self, stage: str, event_type: str, **values) -> PlannedEvent:
        return PlannedEvent(
            self.term(Kind.STAGE, stage), self.term(Kind.EVENT_TYPE, event_type), **values
        )

    # -- the whole journey --------------------------------------------------------------------

    def plan(self, rng: Random, *, birth_year: int, province: Term, home: Term) -> Journey:
        left = _leaving_year(rng, birth_year)
        times_caught = _times_caught(rng)
        arrival = _arrival_year(rng, left, times_caught)
        times_caught = min(times_caught, arrival - left - 1)
        events = self.life_in_north(rng, birth_year, left, home)
        way = weighted(rng, WAYS)
        events.append(self.crossing(rng, province, home, left, way=way, nth=1))
        state = _ChinaState(married=False, has_child=False, place=self.china_place(rng))
        start = end = left
        for spell in range(times_caught + 1):
            if spell:
                caught, start = self.caught(rng, home, state, arrested=end, latest=arrival - 1)
                events += caught
                way = weighted(rng, [("broker", 6), ("own", 3), ("trafficked_agreed", 1)])
                events.append(self.crossing(rng, province, home, start, way=way, nth=spell + 1))
            end = _spell_end(rng, start, arrival, last=spell == times_caught)
            china = self.china(rng, state, start, end, way)
            # Chronological within the spell; sorted() is stable, so ties keep their order.
            events += sorted(china, key=lambda event: event.start_year)
        events += self.transit(rng, end)
        events += self.south_korea(rng, arrival)
        _set_months(rng, events)
        return Journey(events, arrival)

    # -- stages -------------------------------------------------------------------------------

    def life_in_north(self, rng: Random, born: int, left: int, home: Term) -> list[PlannedEvent]:
        events = self.childhood(rng, born, left, home)
        events += self.working_life(rng, born, left, home)
        return sorted(events, key=lambda event: event.start_year)

    def childhood(self, rng: Random, born: int, left: int, home: Term) -> list[PlannedEvent]:
        events = [self.event("life_nk", "born", place=home, start_year=born)]
        if born <= 1988 and left >= 1995 and rng.random() < 0.8:
            start = rng.choice([1994, 1995])
            events.append(
                self.event(
                    "life_nk", "famine", place=home, start_year=start, end_year=min(1998, left)
                )
            )
        return events

    def working_life(self, rng: Random, born: int, left: int, home: Term) -> list[PlannedEvent]:
        events = []
        adult = born + rng.randint(16, 19)
        if adult >= left:
            return events
        if rng.random() < 0.6:
            start = rng.randint(max(adult, 1990), left)
            codes = self.codes(rng, Kind.VIOLATION, NK_MARKET_VIOLATIONS)
            events.append(
                self.event(
                    "life_nk",
                    "market_work",
                    place=home,
                    start_year=start,
                    end_year=left,
                    codes=codes,
                )
            )
        elif rng.random() < 0.8:
            events.append(
                self.event("life_nk", "work_nk", place=home, start_year=adult, end_year=left)
            )
        return events

    def crossing(
        self, rng: Random, province: Term, home: Term, year: int, *, way: str, nth: int
    ) -> PlannedEvent:
        place = self.border_place(rng, province, home)
        reasons = [weighted(rng, REASONS)]
        if rng.random() < 0.35:
            second = weighted(rng, REASONS)
            reasons += [second] if second != reasons[0] else []
        codes = [self.term(Kind.WAY_LEAVING, way), *self.cb.terms(Kind.REASON_LEAVING, reasons)]
        river = "tumen" if self.cb.province_of(place).code in TUMEN_PROVINCES else "yalu"
        return self.event(
            "leaving",
            "crossing",
            place=place,
            start_year=year,
            codes=codes,
            river=river,
            crossing=nth,
        )

    def border_place(self, rng: Random, province: Term, home: Term) -> Term:
        """Where she crossed: her own town on the border, else a border town up north."""
        if province.code in BORDER_PROVINCES and rng.random() < 0.7:
            return home if home != province else self.cb.place_under(rng, province, deeper=0.3)
        area = weighted(rng, [("kp-hamgyongbuk", 7), ("kp-ryanggang", 3)])
        return self.cb.place_under(rng, self.term(Kind.PLACE, area), deeper=0.3)

    def china_place(self, rng: Random) -> Term:
        province = self.term(Kind.PLACE, weighted(rng, CHINA_PROVINCES))
        return self.cb.place_under(rng, province, deeper=0.6)

    def china(
        self, rng: Random, state: _ChinaState, start: int, end: int, way: str
    ) -> list[PlannedEvent]:
        events = []
        if way in TRAFFICKED:
            events.append(self.sold(rng, state, start, way))
        if not state.married and rng.random() < (0.65 if way in TRAFFICKED else 0.15):
            state.married = True
            events.append(self.marriage(rng, state, start, end))
        elif state.married and rng.random() < 0.5:
            events.append(self.marriage(rng, state, start, end, again=True))
        else:
            events.append(self.work(rng, state, start, end, way))
        if state.married and not state.has_child and end > start and rng.random() < 0.55:
            state.has_child = True
            child = self.event(
                "china",
                "child_born",
                place=state.place,
                start_year=rng.randint(start + 1, end),
                codes=[self.term(Kind.SITUATION_CHINA, "children_born")],
            )
            events.append(child)
        if rng.random() < 0.3:
            events.append(self.work(rng, state, rng.randint(start, end), end, way, moved=True))
        if rng.random() < 0.25:
            events.append(self.hiding(rng, state, start, end))
        return events

    def sold(self, rng: Random, state: _ChinaState, year: int, way: str) -> PlannedEvent:
        codes = []
        if way == "trafficked_deceived":
            codes.append(self.term(Kind.VIOLATION, "deception"))
        if way == "abducted" and rng.random() < 0.5:
            codes.append(self.term(Kind.VIOLATION, "confinement"))
        price = rng.randrange(3000, 10001, 500)
        return self.event(
            "china", "sold", place=state.place, start_year=year, price_yuan=price, codes=codes
        )

    def marriage(
        self, rng: Random, state: _ChinaState, start: int, end: int, again: bool = False
    ) -> PlannedEvent:
        codes = [
            self.term(Kind.WORK_CHINA, "farmer_wife"),
            self.term(Kind.SITUATION_CHINA, "married_chinese_man"),
            *self.codes(rng, Kind.SITUATION_CHINA, [("no_papers", 0.3)]),
            *self.codes(rng, Kind.VIOLATION, MARRIAGE_VIOLATIONS),
        ]
        return self.event(
            "china",
            "marriage_china",
            place=state.place,
            start_year=start,
            end_year=end,
            codes=codes,
            again=again,
        )

    def work(
        self, rng: Random, state: _ChinaState, start: int, end: int, way: str, moved: bool = False
    ) -> PlannedEvent:
        if moved:
            state.place = self.china_place(rng)
        work = weighted(rng, WORK)
        situations = [("no_papers", 0.5), ("moved_often", 1.0 if moved else 0.1), ("hiding", 0.1)]
        if way in TRAFFICKED or way == "broker":
            situations.append(("debt_bondage", 0.2))
        violations = list(WORK_VIOLATIONS)
        if work in ("adult_entertainment", "video_chat"):
            violations += [("sexual_assault", 0.4), ("confinement", 0.5)]
        codes = [
            self.term(Kind.WORK_CHINA, work),
            *self.codes(rng, Kind.SITUATION_CHINA, situations),
            *self.codes(rng, Kind.VIOLATION, violations),
        ]
        return self.event(
            "china", "work_china", place=state.place, start_year=start, end_year=end, codes=codes
        )

    def hiding(self, rng: Random, state: _ChinaState, start: int, end: int) -> PlannedEvent:
        first = rng.randint(start, end)
        codes = [
            self.term(Kind.SITUATION_CHINA, "hiding"),
            *self.codes(rng, Kind.SITUATION_CHINA, [("no_papers", 0.4)]),
            *self.codes(rng, Kind.VIOLATION, [("intimidation", 0.3), ("extortion", 0.1)]),
        ]
        return self.event(
            "china",
            "hiding",
            place=state.place,
            start_year=first,
            end_year=rng.randint(first, end),
            codes=codes,
        )

    def caught(
        self, rng: Random, home: Term, state: _ChinaState, *, arrested: int, latest: int
    ) -> tuple[list[PlannedEvent], int]:
        """Arrest, repatriation, interrogation, detention and release; and the release year."""
        border = self.repatriation_place(rng, state.place)
        detention, released = self.detention(rng, home, arrested, latest)
        events = [
            self.arrest(rng, state.place, arrested),
            self.event("caught", "repatriation", place=border, start_year=arrested),
            self.interrogation(rng, border, arrested),
            detention,
            self.event("detention", "release", place=home, start_year=released),
        ]
        return events, released

    def arrest(self, rng: Random, place: Term, year: int) -> PlannedEvent:
        police = self.term(Kind.AGENCY, "chinese_police")
        # The border police patrol the border provinces only.
        border_police = self.cb.find(Kind.AGENCY, "chinese_border_police")
        near_border = self.cb.province_of(place).code in ("cn-jilin", "cn-liaoning")
        if border_police and near_border and rng.random() < 0.3:
            police = border_police
        return self.event(
            "caught", "arrest", place=place, start_year=year, agency=police, codes=[police]
        )

    def interrogation(self, rng: Random, border: Term, year: int) -> PlannedEvent:
        agency = self.term(Kind.AGENCY, weighted(rng, [("bowibu", 3), ("anjeonbu", 1)]))
        holding = self.term(Kind.FACILITY_TYPE, weighted(rng, [("guryujang", 7), ("jipkyulso", 3)]))
        named = [
            f for f in self.cb.children(holding, Kind.FACILITY) if self.cb.located_in(f) == border
        ]
        facility = rng.choice(named) if named and rng.random() < 0.5 else holding
        codes = [agency, holding, *self.codes(rng, Kind.VIOLATION, INTERROGATION_VIOLATIONS)]
        return self.event(
            "caught",
            "interrogation",
            place=border,
            start_year=year,
            facility_type=holding,
            facility=facility,
            agency=agency,
            codes=codes,
        )

    def repatriation_place(self, rng: Random, china_place: Term) -> Term:
        """Sent back over the bridge nearest where she was caught: to North Pyongan from
        Liaoning, to North Hamgyong or Ryanggang from elsewhere."""
        if self.cb.province_of(china_place).code == "cn-liaoning":
            code = "kp-pyonganbuk"
        else:
            code = weighted(rng, [("kp-hamgyongbuk", 8), ("kp-ryanggang", 2)])
        province = self.term(Kind.PLACE, code)
        posts = self.border_posts(province)
        if posts and rng.random() < 0.8:
            return rng.choice(posts)
        return self.cb.place_under(rng, province, deeper=0.3)

    def border_posts(self, province: Term) -> list[Term]:
        """Where returnees are first held in a province: the places of the codebook's named
        holding facilities (the codebook's data, not a list kept here)."""
        if province.pk not in self._posts:
            holding = [
                facility
                for code in ("guryujang", "jipkyulso")
                for facility in self.cb.children(self.term(Kind.FACILITY_TYPE, code))
            ]
            places = [self.cb.located_in(facility) for facility in holding]
            self._posts[province.pk] = list(
                dict.fromkeys(p for p in places if p and self.cb.province_of(p) == province)
            )
        return self._posts[province.pk]

    def detention(
        self, rng: Random, home: Term, start: int, latest: int
    ) -> tuple[PlannedEvent, int]:
        """Held where the facility stands (or near home); for as long as its kind holds."""
        kind = self.term(Kind.FACILITY_TYPE, weighted(rng, DETENTION))
        years = weighted(rng, DETENTION_YEARS.get(kind.code, [(0, 1)]))
        end = max(start, min(start + years, latest))
        named = self.cb.children(kind, Kind.FACILITY)
        facility = rng.choice(named) if named and rng.random() < 0.35 else None
        place = (facility and self.cb.located_in(facility)) or home
        agency = self.term(Kind.AGENCY, "bowibu" if kind.code == "kwanliso" else "anjeonbu")
        codes = [agency, kind, *self.codes(rng, Kind.VIOLATION, DETENTION_VIOLATIONS)]
        event = self.event(
            "detention",
            "detention",
            place=place,
            start_year=start,
            end_year=end,
            facility=facility or kind,
            facility_type=kind,
            agency=agency,
            codes=codes,
        )
        return event, end

    def transit(self, rng: Random, year: int) -> list[PlannedEvent]:
        """One event per country on the route, coded with the transit country where the
        codebook has that kind, so routes can be counted without reading places."""
        events = []
        for country in weighted(rng, ROUTES):
            coded = self.cb.find(Kind.TRANSIT_COUNTRY, country)
            place = self.term(Kind.PLACE, country)
            codes = [coded] if coded else []
            events.append(
                self.event("transit", "transit", place=place, start_year=year, codes=codes)
            )
        return events

    def south_korea(self, rng: Random, arrival: int) -> list[PlannedEvent]:
        settled = self.south_place(rng)
        difficulties = weighted_sample(rng, DIFFICULTIES, rng.choice([1, 2, 2, 3, 3, 4]))
        codes = self.cb.terms(Kind.DIFFICULTY_SK, difficulties)
        left_hanawon = arrival + (1 if rng.random() < 0.3 else 0)
        return [
            self.event(
                "south_korea", "arrival", place=self.term(Kind.PLACE, "kr"), start_year=arrival
            ),
            self.event(
                "south_korea",
                "hanawon",
                place=self.term(Kind.PLACE, "kr-gyeonggi"),
                start_year=arrival,
                end_year=left_hanawon,
            ),
            self.event(
                "south_korea", "settlement", place=settled, start_year=left_hanawon, codes=codes
            ),
        ]

    def south_place(self, rng: Random) -> Term:
        area = weighted(rng, [("kr-seoul", 45), ("kr-gyeonggi", 30), ("", 25)])
        if area:
            return self.cb.place_under(rng, self.term(Kind.PLACE, area), deeper=0.2)
        return self.cb.place_under(rng, self.term(Kind.PLACE, "kr"), deeper=0.3)


def _leaving_year(rng: Random, born: int) -> int:
    draw = rng.random()
    if draw < 0.05:
        year = rng.randint(1990, 1995)
    elif draw < 0.93:
        year = int(rng.triangular(1996, 2013, 1999))
    else:
        year = rng.randint(2013, 2016)
    # Nobody in the archive left as a child; the youngest were about fifteen.
    return min(max(year, born + 15), 2016)


def _times_caught(rng: Random) -> int:
    draw = rng.random()
    if draw < 0.12:
        return 3 if rng.random() < 0.25 else 2
    return 1 if draw < 0.47 else 0


def _arrival_year(rng: Random, left: int, times_caught: int) -> int:
    years_away = weighted(rng, YEARS_AWAY)
    arrival = max(left + years_away + 2 * times_caught, 2000)
    return min(arrival, LAST_ARRIVAL_YEAR)


def _spell_end(rng: Random, start: int, arrival: int, *, last: bool) -> int:
    """When a spell in China ends: caught within a few years, or leaving for the south."""
    if last:
        return max(start, arrival - 1) if rng.random() < 0.25 else max(start, arrival)
    return rng.randint(start, max(start, min(start + 6, arrival - 1)))


def _set_months(rng: Random, events: list[PlannedEvent]) -> None:
    """Give some events a month, never earlier than a month already given that year."""
    last_year, last_month = 0, 1
    for event in events:
        if event.start_year is None:
            continue
        floor = last_month if event.start_year == last_year else 1
        if event.start_year >= last_year and rng.random() < 0.4:
            event.start_month = rng.randint(floor, 12)
            last_year, last_month = event.start_year, event.start_month
