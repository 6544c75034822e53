#!/usr/bin/python3
"""Ask-tell from a script: the service suggests points, this script evaluates them, and tells the values back.

The "expensive simulation" is a local Python function (here Branin, whose minimum 0.397887 is known,
so the result can be judged). The service keeps nothing between calls: every request carries all
points evaluated so far and the state the previous answer returned.

    /usr/bin/python3 examples/ask_tell.py --url http://localhost:5080 [--token TOKEN] [--rounds 15]

Prints the best point and value; the last line is "best <value>".
"""
import argparse
import math
import os
import sys

import requests

LOWER, UPPER = [-5.0, 0.0], [10.0, 15.0]


def simulation(x):
    """Stands for the client's own expensive code; a failure would be reported as None."""
    x1, x2 = x
    b, c = 5.1 / (4 * math.pi**2), 5 / math.pi
    return (x2 - b * x1**2 + c * x1 - 6) ** 2 + 10 * (1 - 1 / (8 * math.pi)) * math.cos(x1) + 10


def post(session, url, body):
    response = session.post(url, json=body, timeout=240)
    if response.status_code != 200:
        sys.exit(f"POST {url} -> {response.status_code}: {response.text}")
    return response.json()


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--url", default="http://localhost:5080", help="the service's base URL")
    parser.add_argument("--token", default=os.environ.get("SURROGATE_TOKEN"), help="bearer token (default: $SURROGATE_TOKEN)")
    parser.add_argument("--rounds", type=int, default=15, help="ask-tell rounds after the initial plan")
    args = parser.parse_args()
    base = args.url.rstrip("/")
    session = requests.Session()
    if args.token:
        session.headers["Authorization"] = f"Bearer {args.token}"

    # An initial space-filling plan, evaluated locally.
    plan = post(session, base + "/v1/samples", {"method": "sobol", "count": 10, "lowerBound": LOWER, "upperBound": UPPER})
    points = plan["points"]
    values = [simulation(p) for p in points]

    state = None
    for round_number in range(1, args.rounds + 1):
        request = {"strategy": "ei", "lowerBound": LOWER, "upperBound": UPPER,
                   "points": points, "values": values, "batchSize": 2, "seed": round_number}
        if state is not None:
            request["state"] = state
        answer = post(session, base + "/v1/optimization/suggest", request)  # ask
        state = answer["state"]
        for point in answer["points"]:  # evaluate, then tell in the next request
            points.append(point)
            values.append(simulation(point))
        print(f"round {round_number:2d}: best so far {min(values):.6f}")

    best = min(range(len(values)), key=values.__getitem__)
    print(f"best point {points[best]} after {len(values)} evaluations")
    print(f"best {values[best]:.10g}")


if __name__ == "__main__":
    main()
