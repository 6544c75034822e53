using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using SurrogateService.Numerics.Options;
using SurrogateService.Numerics.Sampling;
using SurrogateService.Numerics.Sensitivity;
using SurrogateService.Numerics.Surrogates;
using SurrogateService.Numerics.TestFunctions;

// usage: PceBench [--points N] [--max-degree P] [--repeats R] [--python PY --peer openturns_pce.py --peer-degree Q]
// Ishigami (a = 7, b = 0.1) on N Sobol' points in [−π, π]³: our polynomial chaos (fit + analytic
// Sobol' indices) beside OpenTURNS' FunctionalChaosAlgorithm (LARS, corrected leave-one-out) on the
// same points, in the same run. Prints every index's error against the analytic values and both times.
var options = Arguments.Parse(args);
int n = options.Int("--points", 600);
int maxDegree = options.Int("--max-degree", 16);
int repeats = options.Int("--repeats", 3);
int peerDegree = options.Int("--peer-degree", 10);

var ishigami = BenchmarkFunctions.Find("ishigami")!;
var box = ishigami.Domain(3);
var sobol = SamplingMethods.Find("sobol")!;
var points = sobol.Sample(n, box, new OptionValues(sobol.Options, new Dictionary<string, object> { [SobolSampling.SequenceOption] = "skipZero" }), 0);
var values = new double[n];
ishigami.EvaluateBatch(points, values);
var data = new TrainingSet(points, values, box);
var (exactFirst, exactTotal, exactMean, exactVariance) = Ishigami.ExactSensitivity();

var kind = SurrogateKinds.Find("polynomialChaos")!;
var kindOptions = new OptionValues(kind.Options, new Dictionary<string, object> { ["maxDegree"] = maxDegree });
var times = new List<double>();
SobolIndicesResult? ours = null;
PolynomialChaosDiagnostics? chosen = null;
for (int r = 0; r <= repeats; r++)
{
    var clock = Stopwatch.StartNew();
    var model = kind.Fit(data, kindOptions);
    ours = SobolIndices.Compute(model, new SobolSettings());
    double seconds = clock.Elapsed.TotalSeconds;
    chosen = model.Diagnostics.PolynomialChaos;
    if (r > 0)
        times.Add(seconds);
    else
        Console.WriteLine(Invariant($"ours: first run (with JIT) {seconds:F3} s"));
}
times.Sort();
double ourSeconds = times[times.Count / 2];
Console.WriteLine(Invariant($"ours: degree {chosen!.Degree}, {chosen.Terms} of {chosen.CandidateTerms} terms, corrected LOO {chosen.CorrectedRelativeLeaveOneOutError:E2}, median of {repeats} runs after the first"));

JsonNode? peer = null;
if (options.Text("--python") is string python && options.Text("--peer") is string script)
{
    string path = Path.Combine(Path.GetTempPath(), $"pce-bench-{Environment.ProcessId}.json");
    File.WriteAllText(path, new JsonObject
    {
        ["lowerBound"] = new JsonArray([.. box.Lower.ToArray().Select(v => JsonValue.Create(v))]),
        ["upperBound"] = new JsonArray([.. box.Upper.ToArray().Select(v => JsonValue.Create(v))]),
        ["points"] = new JsonArray([.. points.ToRows().Select(row => new JsonArray([.. row.Select(v => JsonValue.Create(v))]))]),
        ["values"] = new JsonArray([.. values.Select(v => JsonValue.Create(v))]),
        ["degree"] = peerDegree,
    }.ToJsonString());
    peer = RunPeer(python, script, path);
    File.Delete(path);
}

Console.WriteLine();
Console.WriteLine(Invariant($"Ishigami, {n} Sobol' points; errors against the analytic indices (goal: ours ≤ 2e-3 everywhere)"));
Console.WriteLine(Invariant($"{"index",-8}{"exact",10}{"ours",12}{"|error|",11}{(peer is null ? "" : "  OpenTURNS      |error|")}"));
for (int i = 0; i < 3; i++)
{
    Row($"S{i + 1}", exactFirst[i], ours!.FirstOrder[i], peer?["firstOrder"]![i]!.GetValue<double>());
    Row($"ST{i + 1}", exactTotal[i], ours.Total[i], peer?["total"]![i]!.GetValue<double>());
}
Row("mean", exactMean, ours!.Mean!.Value, peer?["mean"]!.GetValue<double>());
Row("var", exactVariance, ours.Variance!.Value, peer?["variance"]!.GetValue<double>());
double worst = Enumerable.Range(0, 3).Max(i => Math.Max(Math.Abs(ours.FirstOrder[i] - exactFirst[i]), Math.Abs(ours.Total[i] - exactTotal[i])));
Console.WriteLine(Invariant($"largest index error, ours: {worst:E2} ({(worst <= 2e-3 ? "meets" : "MISSES")} the 2e-3 goal)"));
Console.Write(Invariant($"time (fit + indices): ours {ourSeconds:F3} s"));
if (peer is not null)
{
    double peerSeconds = peer["seconds"]!.GetValue<double>();
    Console.Write(Invariant($", OpenTURNS (degree {peerDegree}, {peer["terms"]} terms) {peerSeconds:F3} s, ratio {peerSeconds / ourSeconds:F1}× ({(ourSeconds < peerSeconds ? "faster" : "SLOWER")})"));
}
Console.WriteLine();
return;

static void Row(string name, double exact, double ours, double? peer) =>
    Console.WriteLine(Invariant($"{name,-8}{exact,10:F6}{ours,12:F6}{Math.Abs(ours - exact),11:E2}") +
        (peer is double p ? Invariant($"  {p,9:F6}  {Math.Abs(p - exact),11:E2}") : ""));

static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

static JsonNode? RunPeer(string python, string script, string path)
{
    var start = new ProcessStartInfo(python, [script, path]) { RedirectStandardOutput = true, RedirectStandardError = true };
    using var process = Process.Start(start)!;
    string output = process.StandardOutput.ReadToEnd();
    string errors = process.StandardError.ReadToEnd();
    process.WaitForExit();
    if (process.ExitCode == 0)
        return JsonNode.Parse(output);
    Console.Error.WriteLine($"The OpenTURNS peer failed ({process.ExitCode}): {errors}");
    return null;
}

/// <summary>"--name value" pairs.</summary>
internal sealed class Arguments(Dictionary<string, string> values)
{
    public static Arguments Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (int k = 0; k + 1 < args.Length; k += 2)
            values[args[k]] = args[k + 1];
        return new Arguments(values);
    }

    public int Int(string name, int fallback) =>
        values.TryGetValue(name, out var text) ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;

    public string? Text(string name) => values.GetValueOrDefault(name);
}
