using SurrogateService.KrigingBench;

// Kriging accuracy and speed beside scikit-learn's GPR (and scipy's RBF on the notebook case),
// measured in one run on the same points. bench/kriging.sh builds this and passes the peers.
var settings = BenchSettings.Parse(args);
if (settings.ExactGapPoints > 0)
{
    ExactGapMeasurement.Run(settings.ExactGapPoints);
    return;
}
if (settings.LargeNoisyPoints > 0)
{
    LargeNoisyMeasurement.Run(settings.LargeNoisyPoints, settings.LargeCase, settings.LargeOptions);
    return;
}
var cases = settings.BraninSizes.Select(BenchCases.Branin).ToList();
if (settings.HartmannPoints > 0)
    cases.Add(BenchCases.Hartmann6(settings.HartmannPoints, settings.HartmannTestPoints));

string work = Directory.CreateTempSubdirectory("kriging-bench-").FullName;
var peers = settings.Python is not null && settings.GprHelper is not null
    ? new Peers(settings.Python, settings.GprHelper, settings.BraninPeers, work)
    : null;
if (peers is null)
    Console.WriteLine("No Python peers given: only our own numbers follow.");

// One untimed run through both search paths (all points, and subset then refinement) compiles
// the code to its optimised tier first, as in a service that has been running.
KrigingMeasurement.Run(BenchCases.Branin(80), 1);
KrigingMeasurement.Run(BenchCases.Branin(300), 1);

Console.WriteLine($"Kriging with maximum-likelihood θ (defaults), median of {settings.Repeats} runs after a warm-up; {Environment.ProcessorCount} cores.");
foreach (var benchCase in cases)
{
    var rows = new List<Measurement> { KrigingMeasurement.Run(benchCase, settings.Repeats) };
    if (peers is not null)
    {
        bool notebook = benchCase.Name == "branin-80";
        var published = notebook ? peers.NotebookPeers(80) : [];
        if (published.Count > 0)
            rows.AddRange(published);
        else if (peers.ScikitLearn(benchCase) is { } gpr)
            rows.Add(gpr);
    }
    ResultTable.Print(benchCase, rows);
}
Directory.Delete(work, recursive: true);
