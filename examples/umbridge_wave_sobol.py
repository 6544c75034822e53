#!/usr/bin/python3
"""Which inputs of the wave matter at a receiver? The wave through UM-Bridge, the statistics through REST.

1. A Sobol' design of the wave's five inputs (bulk modulus, density, source x, source y, pulse width)
   from POST /v1/samples.
2. Each design point evaluated through the UM-Bridge port (model "acoustic2d"); the response is the
   receiver's amplitude, max |p| over its trace.
3. A surrogate fitted to the amplitudes (POST /v1/surrogates/fit) and its Sobol' indices
   (POST /v1/sensitivity/sobol).

Needs Debian's python3-requests and numpy. Start the service with the port open, e.g.
    UmBridge__Port=4242 dotnet run --project src/SurrogateService.Api
then run  /usr/bin/python3 examples/umbridge_wave_sobol.py  (--help for the addresses and sizes).
"""
import argparse
import sys

import numpy as np
import requests

INPUTS = ["bulkModulus", "density", "sourceX", "sourceY", "pulseWidth"]
LOWER = [0.5, 0.5, 14.0, 14.0, 0.8]
UPPER = [2.0, 2.0, 26.0, 26.0, 1.6]
# A coarser grid than the miniapp's keeps the example to seconds; the receiver sits off-centre.
WAVE_CONFIG = {"nx": 81, "ny": 81, "lx": 40, "ly": 40, "steps": 240, "traceEvery": 2, "receivers": [[30, 22]]}


def post(url, body):
    response = requests.post(url, json=body, timeout=300)
    if response.status_code != 200:
        sys.exit(f"POST {url} answered {response.status_code}: {response.text[:500]}")
    return response.json()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--umbridge", default="http://localhost:4242", help="UM-Bridge port of the service")
    parser.add_argument("--rest", default="http://localhost:5080", help="REST API of the service")
    parser.add_argument("--samples", type=int, default=64, help="design points (wave runs)")
    args = parser.parse_args()

    info = requests.get(f"{args.umbridge}/Info", timeout=30).json()
    assert info["protocolVersion"] == 1.0 and "acoustic2d" in info["models"], info
    sizes = post(f"{args.umbridge}/InputSizes", {"name": "acoustic2d", "config": WAVE_CONFIG})["inputSizes"]
    assert sizes == [len(INPUTS)], sizes

    design = post(f"{args.rest}/v1/samples", {"method": "sobol", "count": args.samples,
                                               "lowerBound": LOWER, "upperBound": UPPER, "seed": 7})["points"]
    amplitudes = []
    for point in design:
        traces = post(f"{args.umbridge}/Evaluate", {"name": "acoustic2d", "input": [point], "config": WAVE_CONFIG})["output"]
        amplitudes.append(float(np.max(np.abs(traces[0]))))
    amplitudes = np.array(amplitudes)
    print(f"{len(design)} wave runs: receiver amplitude {amplitudes.min():.4g} … {amplitudes.max():.4g}")

    fit = post(f"{args.rest}/v1/surrogates/fit", {"kind": "radialBasis", "points": design, "values": amplitudes.tolist(),
                                                   "lowerBound": LOWER, "upperBound": UPPER})
    print(f"radial basis surrogate, leave-one-out RMSE {fit['diagnostics']['leaveOneOutRmse']:.3g}")
    sobol = post(f"{args.rest}/v1/sensitivity/sobol", {"model": fit["model"], "samples": 2048, "seed": 1})

    print(f"{'input':<12} {'first order':>12} {'total':>8}")
    for name, first, total in zip(INPUTS, sobol["firstOrder"], sobol["total"]):
        print(f"{name:<12} {first:>12.3f} {total:>8.3f}")
    first, total = np.array(sobol["firstOrder"]), np.array(sobol["total"])
    # Sanity of the estimate: indices finite, totals at least about the first-order ones.
    assert np.all(np.isfinite(first)) and np.all(np.isfinite(total)), sobol
    assert np.all(total >= first - 0.1), sobol
    # The source position decides how far the pulse travels to the receiver: it must dominate.
    assert total[2] + total[3] > 0.3, sobol
    # With the miniapp's time step dt = min(dx, dy)/c/cflFactor, the discrete pressure update depends
    # on k and ρ only through (dt·k/dx)·(dt/(ρ·dx)) = 1/cflFactor²: k and ρ rescale the time axis,
    # not the traces, so their indices must vanish.
    assert total[0] < 0.02 and total[1] < 0.02, sobol


if __name__ == "__main__":
    main()
