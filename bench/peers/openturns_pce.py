"""OpenTURNS' sparse polynomial chaos on points the PCE bench writes: FunctionalChaosAlgorithm with a
Legendre product basis for inputs uniform on the box, the full total-degree basis of the given degree
(FixedStrategy), coefficients by least squares on the terms LARS selects, the LARS step chosen by
corrected leave-one-out error (LeastSquaresMetaModelSelectionFactory(LARS(), CorrectedLeaveOneOut())),
then FunctionalChaosSobolIndices. Prints the indices, mean, variance and the wall time as JSON.

Input (a JSON file, path as the only argument):
  {"lowerBound": [...], "upperBound": [...], "points": [[...], ...], "values": [...], "degree": int}
Needs Debian's python3-openturns (apt-get install -y python3-openturns); run with /usr/bin/python3."""
import json
import sys
import time

import openturns as ot


def main(path):
    with open(path, encoding="utf-8") as handle:
        case = json.load(handle)
    lower, upper = case["lowerBound"], case["upperBound"]
    dimension = len(lower)
    x = ot.Sample(case["points"])
    y = ot.Sample([[v] for v in case["values"]])
    ot.Log.Show(ot.Log.NONE)

    start = time.perf_counter()
    distribution = ot.ComposedDistribution([ot.Uniform(lower[j], upper[j]) for j in range(dimension)])
    basis = ot.OrthogonalProductPolynomialFactory([ot.LegendreFactory()] * dimension)
    terms = ot.LinearEnumerateFunction(dimension).getStrataCumulatedCardinal(case["degree"])
    selection = ot.LeastSquaresMetaModelSelectionFactory(ot.LARS(), ot.CorrectedLeaveOneOut())
    algorithm = ot.FunctionalChaosAlgorithm(
        x, y, distribution, ot.FixedStrategy(basis, terms), ot.LeastSquaresStrategy(x, y, selection))
    algorithm.run()
    result = algorithm.getResult()
    sobol = ot.FunctionalChaosSobolIndices(result)
    first = [sobol.getSobolIndex(j) for j in range(dimension)]
    total = [sobol.getSobolTotalIndex(j) for j in range(dimension)]
    seconds = time.perf_counter() - start

    coefficients = list(result.getCoefficients().asPoint())
    json.dump({
        "firstOrder": first,
        "total": total,
        "mean": coefficients[0],
        "variance": sum(c * c for c in coefficients[1:]),
        "terms": len(coefficients),
        "seconds": seconds,
    }, sys.stdout)


if __name__ == "__main__":
    main(sys.argv[1])
