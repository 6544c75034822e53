"""scikit-learn's tree ensembles on the data the zoo bench writes, with the settings of our defaults:
RandomForestRegressor(n_estimators=100, max_features=1/3, min_samples_leaf=5) on all cores and
HistGradientBoostingRegressor(max_iter=100, learning_rate=0.1, max_leaf_nodes=31, min_samples_leaf=20,
l2_regularization=0, max_bins=255, early_stopping=False). Each is timed on all cores and on one (the
forest with n_jobs=-1 and 1, boosting with its OpenMP pool as is and limited to one thread), and the faster
median of `repeats` fits is kept: on a shared machine an all-core pool can lose to one thread, and the
comparison should not count that against scikit-learn. Prints predictions, seconds and the threads used as JSON.

Input (a JSON file, path as the only argument):
  {"points": [[...], ...], "values": [...], "test": [[...], ...], "repeats": int}
Needs Debian's python3-sklearn (apt-get install -y python3-sklearn); run with /usr/bin/python3."""
import json
import statistics
import sys
import time

import numpy as np
from sklearn.ensemble import HistGradientBoostingRegressor, RandomForestRegressor
from threadpoolctl import threadpool_limits


def timed(make, x, y, test, repeats):
    times = []
    model = None
    for _ in range(max(1, repeats)):
        model = make()
        start = time.perf_counter()
        model.fit(x, y)
        times.append(time.perf_counter() - start)
    return {"predictions": model.predict(test).tolist(), "seconds": statistics.median(times)}


def faster(all_cores, one_core):
    best = min((all_cores, "all"), (one_core, "one"), key=lambda pair: pair[0]["seconds"])
    return dict(best[0], threads=best[1])


def main(path):
    with open(path, encoding="utf-8") as handle:
        case = json.load(handle)
    x = np.asarray(case["points"])
    y = np.asarray(case["values"])
    test = np.asarray(case["test"])
    repeats = case["repeats"]
    def make_forest(jobs):
        return lambda: RandomForestRegressor(
            n_estimators=100, max_features=1 / 3, min_samples_leaf=5, random_state=0, n_jobs=jobs)

    def make_boosting():
        return HistGradientBoostingRegressor(
            max_iter=100, learning_rate=0.1, max_leaf_nodes=31, min_samples_leaf=20, l2_regularization=0.0,
            max_bins=255, early_stopping=False)

    forest = faster(timed(make_forest(-1), x, y, test, repeats), timed(make_forest(1), x, y, test, repeats))
    boosting_all = timed(make_boosting, x, y, test, repeats)
    with threadpool_limits(limits=1):
        boosting_one = timed(make_boosting, x, y, test, repeats)
    boosting = faster(boosting_all, boosting_one)
    json.dump({"forest": forest, "boosting": boosting}, sys.stdout)


if __name__ == "__main__":
    main(sys.argv[1])
