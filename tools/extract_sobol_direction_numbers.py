#!/usr/bin/env python3
"""Extract the Joe-Kuo Sobol' direction numbers into the service's compact data file.

Source: scipy's scipy/stats/_sobol_direction_numbers.npz, which holds the table
new-joe-kuo-6.21201 of S. Joe and F. Y. Kuo ("Constructing Sobol sequences with better
two-dimensional projections", SIAM J. Sci. Comput. 30, 2635-2654, 2008) as two arrays:
  poly  (21201,)    the primitive polynomial of each dimension as an integer whose bits are its
                    coefficients, leading and constant terms included (x^2 + x + 1 -> 7); the
                    first dimension has poly 1 (degree 0, the van der Corput sequence);
  vinit (21201, 18) the initial direction numbers m_1..m_s of each dimension (s = degree),
                    zero-padded to 18 columns; the first dimension holds m_1 = 1.
The npz holds these initial numbers, not expanded direction numbers; the service expands them.

Output (gzip-compressed UTF-8 text, deterministic bytes): '#' comment lines, then one line per
dimension, in order, with decimal integers separated by one space:
    poly m_1 ... m_s
The first dimension is written as the single number 1 (no m_i: all of its m_i are 1).

Run once with Debian's python3-scipy installed (apt-get install python3-scipy):
    /usr/bin/python3 tools/extract_sobol_direction_numbers.py
Neither the build nor the service needs Python: the output file is committed.
"""
import argparse
import gzip
import io
import pathlib

import numpy as np
import scipy.stats

DEFAULT_OUTPUT = (pathlib.Path(__file__).resolve().parent.parent
                  / "src/SurrogateService.Numerics/Sampling/Data/new-joe-kuo-6.21201.txt.gz")


def rows(poly, vinit, dimensions):
    """Yields the integers of each output line, checking the table's invariants on the way."""
    for j in range(dimensions):
        p = int(poly[j])
        degree = p.bit_length() - 1
        if j == 0:
            if p != 1 or int(vinit[0, 0]) != 1 or vinit[0, 1:].any():
                raise ValueError("the first dimension should be van der Corput's")
            yield [1]
            continue
        if degree < 1 or p & 1 == 0:
            raise ValueError(f"dimension {j + 1}: {p} is not a primitive polynomial")
        m = [int(x) for x in vinit[j, :degree]]
        if vinit[j, degree:].any():
            raise ValueError(f"dimension {j + 1}: more initial numbers than its degree {degree}")
        for i, mi in enumerate(m, start=1):
            if mi % 2 == 0 or mi >= 1 << i:
                raise ValueError(f"dimension {j + 1}: m_{i} = {mi} must be odd and below 2^{i}")
        yield [p] + m


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dimensions", type=int, default=21201)
    parser.add_argument("--output", type=pathlib.Path, default=DEFAULT_OUTPUT)
    args = parser.parse_args()

    npz = pathlib.Path(scipy.stats.__file__).parent / "_sobol_direction_numbers.npz"
    with np.load(npz) as table:
        poly, vinit = table["poly"], table["vinit"]
    if not 1 <= args.dimensions <= len(poly):
        raise SystemExit(f"--dimensions must be between 1 and {len(poly)}")

    text = io.StringIO()
    text.write("# Sobol' direction numbers new-joe-kuo-6.21201 (S. Joe and F. Y. Kuo, 2008);\n")
    text.write("# licence: LICENSE-new-joe-kuo.txt beside this file.\n")
    text.write("# One line per dimension: poly m_1 ... m_s (see tools/extract_sobol_direction_numbers.py).\n")
    for row in rows(poly, vinit, args.dimensions):
        text.write(" ".join(map(str, row)))
        text.write("\n")

    buffer = io.BytesIO()
    # mtime=0 and no file name keep the bytes identical from run to run.
    with gzip.GzipFile(filename="", mode="wb", fileobj=buffer, compresslevel=9, mtime=0) as gz:
        gz.write(text.getvalue().encode("utf-8"))
    args.output.write_bytes(buffer.getvalue())
    print(f"wrote {args.dimensions} dimensions, {len(buffer.getvalue())} bytes, to {args.output.name}")


if __name__ == "__main__":
    main()
