"""Generate the SYNTHETIC idea portfolio of the `portfolio` case (Åbacka kommun, 2019-2025).

Run from the repository root:  .venv/bin/python cases/portfolio/generate.py

Åbacka kommun is fictional and so is every idea below. The facets follow the OECD's four
innovation facets (oecd2018facets); the share of externally financed ideas is set near the 12 %
CO-PI reports for Danish public-sector innovations (copi_funding). Everything else is a stated
assumption (see README.md), and each one is tested in tests/cases/test_portfolio.py.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

SEED = 2019
OUT = Path(__file__).resolve().parent
CUTOFF = pd.Timestamp("2025-12-31")  # the day the portfolio was extracted
LAST_SUBMISSION = pd.Timestamp("2025-11-30")
SLUICE_OPENS = pd.Timestamp("2021-03-01")  # assumption: Åbacka's idea sluice starts here

STAGES = ["submitted", "screened", "tested", "implemented", "spread"]
FACETS = ["enhancement", "mission-oriented", "adaptive", "anticipatory"]
FUNDERS = ["regular budget", "innovation fund", "idea sluice", "external"]

# Assumption: ideas submitted per year (2025 stops at the end of November).
IDEAS_PER_YEAR = {2019: 34, 2020: 44, 2021: 50, 2022: 55, 2023: 50, 2024: 47, 2025: 40}

# Assumption: facet shares by year (facets from oecd2018facets). Enhancement dominates and
# adaptive ideas peak in the pandemic years; no published figure lies behind the shares.
FACET_PROBS = {
    2019: [0.66, 0.12, 0.10, 0.12],
    2020: [0.50, 0.10, 0.32, 0.08],
    2021: [0.56, 0.12, 0.24, 0.08],
    2022: [0.64, 0.14, 0.12, 0.10],
    2023: [0.64, 0.16, 0.10, 0.10],
    2024: [0.64, 0.16, 0.10, 0.10],
    2025: [0.62, 0.18, 0.10, 0.10],
}

# Assumption: funding by facet, before and after the idea sluice opens (FUNDERS order). The
# overall external share lands near 12 % (copi_funding).
FUNDING_PROBS = {
    "enhancement": ([0.74, 0.18, 0.0, 0.08], [0.56, 0.12, 0.24, 0.08]),
    "mission-oriented": ([0.40, 0.35, 0.0, 0.25], [0.30, 0.30, 0.15, 0.25]),
    "adaptive": ([0.70, 0.22, 0.0, 0.08], [0.55, 0.15, 0.22, 0.08]),
    "anticipatory": ([0.30, 0.45, 0.0, 0.25], [0.25, 0.35, 0.15, 0.25]),
}

# Assumption: departments, their share of ideas, how readily they move an idea on (multiplies
# the chance of each step from screening to implementation) and how fast (multiplies time).
# Urban development converts best: it tests small and decides quickly.
DEPARTMENTS = {
    # department: (share of ideas, conversion multiplier, time multiplier)
    "Elderly care and disability": (0.26, 1.00, 1.0),
    "Education": (0.21, 0.85, 1.2),
    "Social services": (0.16, 0.95, 1.1),
    "Urban development": (0.14, 1.7, 0.75),
    "Culture and leisure": (0.10, 1.05, 0.9),
    "Municipal executive office": (0.13, 0.90, 1.0),
}

# Assumption: the chance of moving on from each stage to the next (a funnel), and how the facet
# changes it: bold ideas are stopped more often.
STEP_PROBS = [0.78, 0.45, 0.52, 0.35]  # submitted->screened, ->tested, ->implemented, ->spread
FACET_MULTIPLIER = {
    "enhancement": 1.08,
    "mission-oriented": 0.85,
    "adaptive": 1.0,
    "anticipatory": 0.55,
}
MAX_STEP_PROB = 0.95  # no idea is certain to move on

# Assumption: days spent in a stage before moving on (log-normal: median, spread), with a few
# ideas parked for a long time: a long tail.
STAGE_DAYS = [(35, 0.9), (100, 0.8), (190, 0.7), (300, 0.7)]
SHARE_PARKED = 0.10
PARKED_FACTOR = 4.0

# Assumption: cost so far (SEK) added by each stage reached after submission, log-normal.
STAGE_COST = [(8_000, 0.6), (150_000, 0.9), (400_000, 0.9), (150_000, 0.8)]
# Assumption: expected benefit per year (SEK), log-normal; bolder facets promise more.
BENEFIT_MEDIAN = 250_000
BENEFIT_SIGMA = 1.0
BENEFIT_FACET = {
    "enhancement": 1.0,
    "mission-oriented": 2.0,
    "adaptive": 1.2,
    "anticipatory": 2.5,
}
SHARE_NO_ESTIMATE = 0.08  # ideas whose benefit was described in words only
# Assumption: realised benefit per year is usually below the estimate (optimism bias).
REALISED_RATIO_MEDIAN = 0.6
REALISED_RATIO_SIGMA = 0.6
SHARE_NO_BENEFIT = 0.06  # implemented ideas whose benefit never showed up

# Assumption: realistic titles, by department and facet. A title used twice gets the name of
# the district the second idea came from.
TITLES = {
    "Elderly care and disability": {
        "enhancement": [
            "Digital door keys for home care", "Shared schedule app for home-care teams",
            "Electric bikes for home-care staff", "Fall sensors in care-home rooms",
            "Smaller, steadier home-care teams", "Meal delivery with a social visit",
            "Walking groups for older residents", "Activity screens in care homes",
            "Shared cars booked by app", "Joint induction for summer temps",
            "Outdoor gym at a care home", "Sensory room for dementia care",
            "Reading aloud by school pupils", "Digital signing of care plans",
            "Continence aids ordered online", "Night staff pool across care homes",
            "Welcome visit by the same staff", "Plain-language decision letters",
            "Tablet training for older residents", "Shower-chair loan service",
            "Hospital discharge checklist", "Peer support for relatives",
            "Weekly menu chosen by residents", "Mobile dental checks in care homes",
            "Music playlists for residents", "Chat service for relatives",
            "Team-based scheduling by staff", "Evening café in sheltered housing",
        ],
        "mission-oriented": [
            "Zero falls at home by 2030", "Fossil-free home-care transport",
            "No one lonely in sheltered housing", "Every user knows their staff by name",
        ],
        "adaptive": [
            "Video calls with relatives in care homes", "Outdoor visiting area at care homes",
            "Shared stock of protective equipment", "Medication checks by video",
            "Recruiting staff laid off by local firms",
        ],
        "anticipatory": [
            "Medicine robot for home-care users", "Robot pets for residents with dementia",
            "Digital night-time checks by camera", "AI-planned home-care routes",
            "Sensors that learn daily routines",
        ],
    },
    "Education": {
        "enhancement": [
            "Shared tablet pool across schools", "Homework café in the library",
            "Digital attendance registration", "Walking school bus",
            "School meals planned with pupils", "Quiet rooms for pupils with anxiety",
            "Coding club for girls", "Flexible school start times",
            "Digital portfolio for preschool", "Shared substitute teacher pool",
            "Maths lab with local companies", "Reading dogs in year 2", "Pupil council budget",
            "Recycled furniture for classrooms", "Anti-bullying app for pupils",
            "Summer school for maths", "Sign-language taster lessons",
            "Sensory-friendly classroom design", "Transition visits from preschool to school",
            "Joint planning time for teachers", "Career talks by former pupils",
            "Lunch-break sports leaders", "Speech-to-text for pupils with dyslexia",
            "Preschool menu in several languages", "Digital sign-in for after-school care",
            "School garden with the care home", "Teacher exchange between schools",
            "Phone-free lessons",
        ],
        "mission-oriented": [
            "Every pupil reads by year 3", "No pupil leaves school without passing grades",
            "Half the school food waste by 2027",
        ],
        "adaptive": [
            "Parent meetings by video", "Outdoor classroom in the school forest",
            "Language buddies for newly arrived pupils", "Distance teaching in upper secondary",
            "Catch-up lessons after remote teaching",
        ],
        "anticipatory": [
            "AI support for marking essays", "Virtual reality in science lessons",
            "Learning data for early support", "School buildings for falling pupil numbers",
        ],
    },
    "Social services": {
        "enhancement": [
            "Digital application for income support", "Family coaching at home",
            "Youth outreach on weekend nights", "Shared case planning with the region",
            "Plain-language letters to clients", "Job coaching for income-support recipients",
            "Drop-in advice at the library", "Peer mentors for young care leavers",
            "Online booking with the budget adviser", "Joint team for early intervention",
            "Shared safe-house places with neighbours", "Digital diary for contact persons",
            "Money course for young adults", "Parenting groups in several languages",
            "Text reminders for appointments", "Family centre in Hamnen",
            "Club fee support for children", "Social worker in schools",
            "Single point of contact for families", "Summer jobs for young people at risk",
            "Support group for gambling problems", "Open safety meetings with residents",
            "Mobile social services office", "Support after release from prison",
        ],
        "mission-oriented": [
            "Halve long-term income support", "Housing First pilot",
            "No young person outside work or school",
        ],
        "adaptive": [
            "Interpreting by video", "Video meetings with foster families",
            "Chat contact with social services", "Support for families arriving from Ukraine",
        ],
        "anticipatory": [
            "Automated income-support checks", "Early-warning flags from shared data",
            "Digital identity for clients without e-ID",
        ],
    },
    "Urban development": {
        "enhancement": [
            "Digital building permit application", "Pothole reporting app",
            "E-scooter parking zones", "Waste bins with fill sensors",
            "Solar panels on the depot roof", "Car-free street in summer",
            "Online map of planned roadworks", "Meadow instead of mown lawn",
            "Charging points at the town hall", "Reuse centre for building materials",
            "Snow-clearing status online", "Tree planting with schools",
            "Cycle lanes planned with cyclists' data", "Water-leak detection by sensors",
            "Vehicle pool shared across departments", "Noise map for residents",
            "Pop-up park on a car park", "Permit checklist for small businesses",
            "Remote-read water meters", "Wildlife bridge over the bypass",
            "Parking guidance app", "Green roofs on bus shelters",
            "3D models in planning consultations",
        ],
        "mission-oriented": [
            "Fossil-free municipal vehicle fleet", "Roadmap to a climate-neutral Åbacka",
            "Safe cycle route to every school",
        ],
        "adaptive": [
            "Street-light dimming to save energy", "Energy advice by video",
            "Flood-risk map for homeowners", "Rain gardens in the town centre",
        ],
        "anticipatory": [
            "Digital twin of the town centre", "Drone inspection of bridges",
            "Citizen dialogue in virtual reality", "Self-driving shuttle trial",
        ],
    },
    "Culture and leisure": {
        "enhancement": [
            "Staff-free opening hours at the library", "Swimming lessons for adults",
            "Digital booking of sports halls", "Youth centre open late on Fridays",
            "Free gym hours for seniors", "Culture on prescription",
            "Loan of sports equipment", "Street-art wall for young people",
            "Audio guides to local history", "Summer festival run by young people",
            "Book bikes for preschools", "Language café in the library",
            "Nature trail with QR codes", "Digital archive of local photos",
            "Skate park designed with its users", "Solar-heated outdoor pool",
            "Sport for children with disabilities", "Guided walks for new residents",
            "Ice-rink hours set by demand", "Museum nights for teenagers",
        ],
        "mission-oriented": [
            "Every child swims by year 4", "A culture offer in every district",
        ],
        "adaptive": [
            "Music lessons by video", "Outdoor cinema in summer",
            "Library events streamed online", "Pop-up library at the station",
        ],
        "anticipatory": [
            "E-sports room at the youth centre", "Makerspace in the library",
            "Augmented-reality history walk",
        ],
    },
    "Municipal executive office": {
        "enhancement": [
            "Automated invoice handling", "E-signing of contracts",
            "One service desk for all departments", "Digital onboarding of new staff",
            "Innovation training for managers", "Idea platform for employees",
            "Plain-language website", "Online citizens' panel", "Graduate trainee programme",
            "Co-working days across departments", "Sustainable procurement checklist",
            "Joint procurement with neighbouring municipalities", "Flexible office spaces",
            "Data dashboards for management", "Staff health challenge",
            "Benefit realisation template", "Mentoring for new managers",
            "Digital records management", "Youth council advising the board",
            "Shared interpreting contract", "Swedish language training for staff",
            "Service guarantee for residents", "Cost calculator for events",
            "Participatory budgeting pilot",
        ],
        "mission-oriented": [
            "Climate budget", "All resident services online by 2027",
            "Åbacka as the best place to work in the county",
        ],
        "adaptive": [
            "Digital meeting tools for politicians", "Remote-work policy after the pandemic",
            "Crisis staffing pool", "Cyber-security training",
        ],
        "anticipatory": [
            "Chatbot on the municipal website", "Automated meeting minutes",
            "AI guidelines for staff", "AI summaries of case files", "Open data portal",
        ],
    },
}  # fmt: skip
DISTRICTS = ["Hamnen", "Norra Åsen", "Skogsby", "Ekeby", "Sjöudden", "Centrum"]


def submissions(rng: np.random.Generator) -> pd.DataFrame:
    """Who submitted what, when: one row per idea, in submission order."""
    rows = []
    for year, n in IDEAS_PER_YEAR.items():
        start = pd.Timestamp(f"{year}-01-01")
        end = min(pd.Timestamp(f"{year}-12-31"), LAST_SUBMISSION)
        days = np.sort(rng.integers(0, (end - start).days + 1, size=n))
        facets = rng.choice(FACETS, size=n, p=FACET_PROBS[year])
        departments = rng.choice(list(DEPARTMENTS), size=n, p=[d[0] for d in DEPARTMENTS.values()])
        for day, facet, department in zip(days, facets, departments, strict=True):
            rows.append((start + pd.Timedelta(days=int(day)), department, facet))
    return pd.DataFrame(rows, columns=["submitted", "department", "facet"])


def titles(rng: np.random.Generator, ideas: pd.DataFrame) -> list[str]:
    """A realistic title per idea; a title used again names the district the idea came from."""
    pools: dict[tuple[str, str], list[str]] = {}
    times_used: dict[str, int] = {}
    out = []
    for department, facet in zip(ideas["department"], ideas["facet"], strict=True):
        key = (department, facet)
        if not pools.get(key):
            pools[key] = list(rng.permutation(TITLES[department][facet]))
        title = pools[key].pop()
        n = times_used.get(title, 0)
        times_used[title] = n + 1
        out.append(title if n == 0 else f"{title} ({DISTRICTS[(n - 1) % len(DISTRICTS)]})")
    return out


def funding(rng: np.random.Generator, ideas: pd.DataFrame) -> np.ndarray:
    after = (ideas["submitted"] >= SLUICE_OPENS).to_numpy()
    return np.array(
        [
            rng.choice(FUNDERS, p=FUNDING_PROBS[facet][int(late)])
            for facet, late in zip(ideas["facet"], after, strict=True)
        ]
    )


def progress(rng: np.random.Generator, idea: pd.Series) -> tuple[list, str]:
    """The date the idea reached each stage (None if it has not) and its status at the cutoff."""
    _, conversion, pace = DEPARTMENTS[idea["department"]]
    dates = [idea["submitted"]]
    stopped = False
    for step, (p_base, (median, sigma)) in enumerate(zip(STEP_PROBS, STAGE_DAYS, strict=True)):
        p = p_base * (conversion if 0 < step < 3 else 1.0) * FACET_MULTIPLIER[idea["facet"]]
        days = rng.lognormal(np.log(median * pace), sigma)
        days *= PARKED_FACTOR if rng.random() < SHARE_PARKED else 1.0
        when = dates[-1] + pd.Timedelta(days=max(1, round(days)))
        if when > CUTOFF:
            break  # the decision to move on or stop has not come yet
        if rng.random() >= min(p, MAX_STEP_PROB):
            stopped = True
            break
        dates.append(when)
    reached = len(dates)
    status = "in operation" if reached >= 4 else "stopped" if stopped else "active"
    return dates + [None] * (len(STAGES) - reached), status


def money(rng: np.random.Generator, facet: str, reached: int) -> tuple[int, float, float]:
    """Cost so far, expected and realised benefit per year (SEK), rounded to thousands."""
    cost = sum(rng.lognormal(np.log(m), s) for m, s in STAGE_COST[: reached - 1])
    expected = rng.lognormal(np.log(BENEFIT_MEDIAN * BENEFIT_FACET[facet]), BENEFIT_SIGMA)
    ratio = rng.lognormal(np.log(REALISED_RATIO_MEDIAN), REALISED_RATIO_SIGMA)
    realised = 0.0 if rng.random() < SHARE_NO_BENEFIT else expected * ratio
    no_estimate = rng.random() < SHARE_NO_ESTIMATE
    return (
        int(round(cost, -3)),
        np.nan if no_estimate else round(expected, -3),
        round(realised, -3) if reached >= 4 else np.nan,
    )


def ideas(rng: np.random.Generator) -> pd.DataFrame:
    table = submissions(rng)
    table.insert(0, "idea_id", np.arange(1, len(table) + 1))
    table.insert(1, "title", titles(rng, table))
    table["funded_by"] = funding(rng, table)
    records = []
    for _, idea in table.iterrows():
        dates, status = progress(rng, idea)
        reached = sum(d is not None for d in dates)
        cost, expected, realised = money(rng, idea["facet"], reached)
        records.append([STAGES[reached - 1], status, *dates[1:], cost, expected, realised])
    extra = pd.DataFrame(
        records,
        columns=[
            "stage",
            "status",
            *(f"{s}_date" for s in STAGES[1:]),
            "cost_sek",
            "expected_benefit_sek",
            "realised_benefit_sek",
        ],
    )
    table = pd.concat([table, extra], axis=1).rename(columns={"submitted": "submitted_date"})
    for column in [f"{s}_date" for s in STAGES]:
        table[column] = pd.to_datetime(table[column]).dt.strftime("%Y-%m-%d")
    for column in ["expected_benefit_sek", "realised_benefit_sek"]:
        table[column] = table[column].astype("Int64")
    order = [
        "idea_id", "title", "department", "facet", "funded_by", "stage", "status",
        *(f"{s}_date" for s in STAGES), "cost_sek", "expected_benefit_sek",
        "realised_benefit_sek",
    ]  # fmt: skip
    return table[order]


def main() -> None:
    rng = np.random.default_rng(SEED)
    ideas(rng).to_csv(OUT / "ideas.csv", index=False, lineterminator="\n", encoding="utf-8")


if __name__ == "__main__":
    main()
