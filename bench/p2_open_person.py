"""P2: open a person with 10 years of payment history (1,000,000 people), ceiling 30 ms.

Opening is what the register page asks for: the profile (person, enrollment, card) and the
payment history month by month. On a copy of the city database, 20 long-enrolled people get
ten years of ledger (a policy in force from 2016-01, every payable month paid, as 40 quarterly
rosters would have left it); the rest of the register is as the demo made it.
"""

from __future__ import annotations

import common

PEOPLE = 20
REPEAT = 5


def add_ten_years(services, op) -> list[str]:  # type: ignore[no-untyped-def]
    from sqlalchemy import text

    from elderdesk.domain.months import Month
    from elderdesk.store.roster_repo import DateCache

    policy = services.allowance.policy(op)[1]
    source = policy.replace('effective = "2018-01"', 'effective = "2016-01"')
    source = "\n".join(line for line in source.splitlines() if not line.startswith("backpay_floor"))
    services.allowance.load_policy(op, source)
    first = Month(2016, 11)
    with services.db.write() as s:
        rows = s.execute(text(
            "SELECT p.id, p.id_number, p.birth_date FROM people p JOIN enrollments e "
            "ON e.person_id = p.id WHERE e.status = 'approved' AND p.birth_date < '1935-01-01' "
            "AND e.applied_on < '2018-01-01' ORDER BY p.id LIMIT :n"), {"n": PEOPLE}).all()
        frozen = s.execute(text("SELECT max(month) FROM ledger")).scalar()
        last = Month.from_index(frozen)
        dates = DateCache()
        policy_now = services.allowance.policy_in(s)
        ledger = []
        for pid, _number, birth in rows:
            for i in range(first.index, last.index + 1):
                band = policy_now.band_for(dates[birth], Month.from_index(i))
                if band:
                    ledger.append({"p": pid, "m": i, "f": band.monthly})
        s.execute(text("INSERT INTO ledger (person_id, month, paid_fen) VALUES (:p, :m, :f) "
                       "ON CONFLICT (person_id, month) DO NOTHING"), ledger)
    return [r[1] for r in rows]


def main() -> None:
    with common.scratch_copy(common.city_db()) as path:
        services, op = common.open_services(path)
        numbers = add_ten_years(services, op)

        def open_person(number: str) -> None:
            services.profile(op, number)
            services.allowance.history(op, number)

        for number in numbers:
            open_person(number)  # warm
        times = [t for number in numbers
                 for t in common.timed(lambda number=number: open_person(number), REPEAT)]
        months = len(services.allowance.history(op, numbers[0]))
        common.detail(f"{len(numbers)} people, {months} months of history each; "
                      f"median {common.median(times) * 1000:.1f} ms")
        common.report("P2", "open a person with 10 years of payment history", common.p95(times),
                      0.030, unit="ms", label="p95")
        services.close()


if __name__ == "__main__":
    main()
