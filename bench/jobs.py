#!/usr/bin/env python3
"""Asynchronous jobs against the published service (see jobs.sh and jobs_kill.sh).

overhead  a 200-evaluation run: synchronous POST against the same POST with Prefer: respond-async,
          polled every 20 ms until it has finished and its result fetched (in-process worker).
many      50 jobs from 5 client threads at once, each POST sent twice with its Idempotency-Key;
          two worker processes (Mode=Worker) work the queue. Checks: 50 distinct jobs, all
          succeeded, each worked once (attempts 1), every result the one its seed gives.
kill      a 500-evaluation job whose worker process is SIGKILLed 5 times at random points; its
          result must equal, byte for byte, that of the same job run by a worker never killed.
kinds     the same for the other kinds of job (KILLS times each, 3 by default): a Sobol' study, an automatic
          fit, a multi-objective run, a wave simulation, a Kriging fit (checkpointed after its hyperparameter
          search) and a model-store fit (POST /v1/models); each worker is killed a random time after it has
          taken the job up. ONLY_KINDS (comma-separated names) runs some of them.
Only loopback addresses are contacted; every loop is bounded.
"""
import contextlib
import json
import os
import random
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request

PUBLISH = os.environ["PUBLISH_DIR"]
PORT = int(os.environ.get("JOBS_PORT", "5201"))
BASE = f"http://127.0.0.1:{PORT}"
CAP_S = 900  # no loop waits longer than this


def request(method, path, body=None, headers=None):
    data = None if body is None else json.dumps(body).encode()
    req = urllib.request.Request(BASE + path, data=data, method=method, headers={"Content-Type": "application/json", **(headers or {})})
    try:
        with urllib.request.urlopen(req, timeout=600) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


def run_body(evaluations, seed, strategy="dycors"):
    return {"function": "branin", "initialSamples": {"method": "sobol", "count": 10}, "strategy": strategy,
            "maxEvaluations": evaluations, "seed": seed}


def start(env, log):
    full = {**os.environ, "ASPNETCORE_ENVIRONMENT": "Development", "Authentication__Mode": "None", **env}
    return subprocess.Popen(["dotnet", "SurrogateService.Api.dll"], cwd=PUBLISH, env=full, stdout=log, stderr=subprocess.STDOUT)


def start_api(store, workers, log):
    api = start({"ASPNETCORE_URLS": BASE, "Storage__Folder": store, "Jobs__InProcessWorkers": str(workers)}, log)
    deadline = time.time() + 120
    while time.time() < deadline:
        try:
            if request("GET", "/healthz/ready")[0] == 200:
                return api
        except OSError:
            pass
        time.sleep(0.1)
    api.kill()
    sys.exit("the service did not become ready")


def start_worker(store, log):
    return start({"Mode": "Worker", "Storage__Folder": store, "Jobs__VisibilityTimeoutSeconds": "3",
                  "Jobs__PollIntervalMilliseconds": "50", "Jobs__WorkerIdleExitSeconds": "600"}, log)


def submit(body, key=None, route="/v1/optimization/runs"):
    headers = {"Prefer": "respond-async"}
    if key:
        headers["Idempotency-Key"] = key
    status, response_headers, _ = request("POST", route, body, headers)
    assert status == 202, status
    return response_headers["Location"]


def job(location):
    status, _, body = request("GET", location)
    assert status == 200, status
    return json.loads(body)


def until(condition, what, pause=0.02):
    started = time.time()
    while True:
        value = condition()
        if value:
            return value
        if time.time() - started > CAP_S:
            sys.exit(f"still waiting for {what}")
        time.sleep(pause)


def finished(location, pause=0.02):
    return until(lambda: (j := job(location))["status"] in ("succeeded", "failed", "cancelled") and j, location, pause)


def result(location):
    status, _, body = request("GET", location + "/result")
    # 201: a model-store job that stored its model (the killed copy of it finds the model stored: 200, same body).
    assert status in (200, 201), status
    return body


def stop(process, sig=signal.SIGTERM):
    process.send_signal(sig)
    process.wait()


@contextlib.contextmanager
def api_running(store, workers, log):
    """The service, ready, with WORKERS in-process job workers, for the length of a with block."""
    api = start_api(store, workers, log)
    try:
        yield api
    finally:
        stop(api)


def run_uninterrupted(body, key, route, store, log):
    """Submits BODY under KEY and lets one worker process, never killed, run it: (its location, seconds it took)."""
    reference = submit(body, key, route)
    worker = start_worker(store, log)
    started = time.perf_counter()
    finished(reference, pause=0.1)
    seconds = time.perf_counter() - started
    stop(worker, signal.SIGKILL)
    return reference, seconds


def finish_after_kills(location, reference, store, log):
    """A last worker process, left alone, finishes the job at LOCATION: (its final state, whether its result is
    byte for byte that of the job at REFERENCE)."""
    worker = start_worker(store, log)
    final = finished(location, pause=0.1)
    stop(worker)
    return final, result(location) == result(reference)


def overhead(store, log, repeats):
    with api_running(store, 1, log):
        body = run_body(200, 3)
        request("POST", "/v1/optimization/runs", run_body(30, 1))  # warm-up: JIT of the run path
        finished(submit(run_body(30, 1)))
        sync_s, job_s = [], []
        for _ in range(repeats):
            started = time.perf_counter()
            status, _, sync_body = request("POST", "/v1/optimization/runs", body)
            sync_s.append(time.perf_counter() - started)
            assert status == 200
            started = time.perf_counter()
            location = submit(body)
            finished(location)
            job_body = result(location)
            job_s.append(time.perf_counter() - started)
            assert job_body == sync_body, "the job's result differs from the synchronous response"
        sync, as_job = statistics.median(sync_s), statistics.median(job_s)
        print(f"200-evaluation dycors run on Branin, median of {repeats}: synchronous {sync:.2f} s, as a job {as_job:.2f} s "
              f"(submit, poll every 20 ms, fetch result): ratio {as_job / sync:.2f} (goal <= 1.2); results identical")


def many(store, log):
    with api_running(store, 0, log):
        workers = [start_worker(store, log) for _ in range(2)]
        try:
            many_jobs(store)
        finally:
            for worker in workers:
                stop(worker)


def many_jobs(store):
    """50 jobs from 5 client threads, each POST sent twice, worked by the worker processes; checks and prints."""
    locations, lock = {}, threading.Lock()

    def caller(index):
        for n in range(10):
            seed = index * 10 + n
            key = f"caller{index}-job{n}"
            first = submit(run_body(20, seed, "srbf"), key)
            again = submit(run_body(20, seed, "srbf"), key)  # a retried POST
            assert first == again, (first, again)
            with lock:
                locations[seed] = first

    started = time.perf_counter()
    threads = [threading.Thread(target=caller, args=(i,)) for i in range(5)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    jobs = {seed: finished(location, pause=0.1) for seed, location in locations.items()}
    elapsed = time.perf_counter() - started
    assert len(set(locations.values())) == 50, "jobs were lost or merged"
    assert all(j["status"] == "succeeded" for j in jobs.values()), [j for j in jobs.values() if j["status"] != "succeeded"]
    attempts = [j["attempts"] for j in jobs.values()]
    assert all(j["events"] == 20 for j in jobs.values())
    # Every result is the one its seed gives: the same seed again, synchronously.
    for seed in random.Random(1).sample(sorted(locations), 5):
        status, _, body = request("POST", "/v1/optimization/runs", run_body(20, seed, "srbf"))
        assert status == 200 and body == result(locations[seed]), f"seed {seed}"
    queue = os.path.join(store, "jobs", "queue")
    left = [f for f in os.listdir(queue) if f.endswith(".msg")]
    print(f"50 jobs from 5 callers (each POST retried with its Idempotency-Key), 2 worker processes: "
          f"50 distinct jobs, all succeeded in {elapsed:.1f} s, attempts per job {min(attempts)}-{max(attempts)}, "
          f"{len(left)} messages left; 5 results checked against synchronous runs of their seeds")
    assert not left


def kill(store, log, kills):
    with api_running(store, 0, log):
        body = run_body(500, 7)
        reference, uninterrupted_s = run_uninterrupted(body, "uninterrupted", "/v1/optimization/runs", store, log)

        location = submit(body, "killed")
        draw = random.Random(int(os.environ.get("KILL_SEED", "1")))
        killed_at = []
        for _ in range(kills):
            worker = start_worker(store, log)
            before = job(location)["events"]
            # Kill at a random point between a few rounds and most of the way on.
            target = min(before + draw.randint(1, 60), 495)
            until(lambda: job(location)["events"] >= target or job(location)["status"] == "succeeded", "progress", pause=0.01)
            time.sleep(draw.random() * 0.3)  # and somewhere inside a round, not just after a checkpoint
            stop(worker, signal.SIGKILL)
            killed_at.append(job(location)["events"])
        final, same = finish_after_kills(location, reference, store, log)
        print(f"500-evaluation dycors job on Branin, worker SIGKILLed {kills} times (after {killed_at} evaluations were "
              f"checkpointed): status {final['status']}, attempts {final['attempts']}, result identical to the "
              f"uninterrupted job's: {same} (uninterrupted: {uninterrupted_s:.1f} s)")
        if not same or final["status"] != "succeeded":
            sys.exit(1)


def smooth_fit(kind, count, dimension, seed):
    """A fit request: count points of a smooth function on the unit cube."""
    draw = random.Random(seed)
    points = [[draw.random() for _ in range(dimension)] for _ in range(count)]
    values = [sum((k + 1) * x * x for k, x in enumerate(p)) + 0.3 * p[0] * p[-1] for p in points]
    return {"kind": kind, "points": points, "values": values, "lowerBound": [0] * dimension, "upperBound": [1] * dimension}


KINDS = {
    "sobol": ("/v1/sensitivity/sobol", {"fit": smooth_fit("radialBasis", 200, 6, 1), "samples": 262144, "bootstrap": 200, "seed": 5}),
    "fit": ("/v1/surrogates/fit", smooth_fit("auto", 300, 4, 2)),
    "multi-objective": ("/v1/optimization/runs", {"function": "zdt1", "dimension": 4, "strategy": "parego", "initialSamples": {"count": 10},
                                                  "maxEvaluations": 120, "seed": 3}),
    "wave": ("/v1/simulations/acoustic2d", {"nx": 511, "ny": 511, "steps": 3000, "snapshotEvery": 250, "format": "npy", "threads": 1}),
    "kriging fit": ("/v1/surrogates/fit", smooth_fit("kriging", 800, 6, 4)),
    "model store": ("/v1/models", {"fit": smooth_fit("kriging", 600, 5, 6)}),
}


def kinds(store, log, kills):
    failed = []
    with api_running(store, 0, log):
        draw = random.Random(int(os.environ.get("KILL_SEED", "1")))
        only = [name for name in os.environ.get("ONLY_KINDS", "").split(",") if name]
        for name, (route, body) in KINDS.items():
            if only and name not in only:
                continue
            reference, uninterrupted_s = run_uninterrupted(body, name + "-uninterrupted", route, store, log)

            location = submit(body, name + "-killed", route)
            for _ in range(kills):
                worker = start_worker(store, log)
                attempts = job(location)["attempts"]
                until(lambda: job(location)["attempts"] > attempts or job(location)["status"] == "succeeded", "the worker to take the job", pause=0.01)
                time.sleep(draw.random() * uninterrupted_s * 0.6)
                stop(worker, signal.SIGKILL)
            final, same = finish_after_kills(location, reference, store, log)
            print(f"{name}: worker SIGKILLed {kills} times: status {final['status']}, attempts {final['attempts']}, "
                  f"result identical to the uninterrupted job's: {same} (uninterrupted: {uninterrupted_s:.1f} s)", flush=True)
            if not same or final["status"] != "succeeded":
                failed.append(name)
    if failed:
        sys.exit(f"not identical: {failed}")


def main():
    mode = sys.argv[1]
    with tempfile.TemporaryDirectory(prefix="surrogate-jobs-bench-") as store, open(os.environ.get("JOBS_LOG", os.devnull), "ab") as log:
        if mode == "overhead":
            overhead(store, log, int(os.environ.get("REPEATS", "3")))
        elif mode == "many":
            many(store, log)
        elif mode == "kill":
            kill(store, log, int(os.environ.get("KILLS", "5")))
        elif mode == "kinds":
            kinds(store, log, int(os.environ.get("KILLS", "3")))
        else:
            sys.exit(f"unknown mode {mode}")


if __name__ == "__main__":
    main()
