using System.Globalization;
using SurrogateService.HighDimBench;

// initial PROBLEM COUNT SEEDS DIR          scrambled-Sobol' start plans, one CSV per seed (read by the peer too)
// campaign PROBLEM STRATEGY BUDGET BATCH SEEDS DIR   one line per seed: seed, best value, median ask seconds (wall, CPU), total ask seconds
// ask PROBLEM COUNT DIR                     one ei ask with COUNT known points (the plan of seed 0): first call, then with its state (wall and CPU seconds)
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
static int Int(string text) => int.Parse(text, CultureInfo.InvariantCulture);
switch (args)
{
    case ["initial", var problem, var count, var seeds, var directory]:
        PointFiles.Write(directory, Problem.Find(problem), Int(count), Int(seeds));
        return 0;
    case ["campaign", var problem, var strategy, var budget, var batch, var seeds, var directory]:
        for (int seed = 0; seed < Int(seeds); seed++)
        {
            var outcome = Campaign.Run(Problem.Find(problem), strategy, PointFiles.Read(directory, problem, seed), Int(budget), Int(batch), seed);
            Console.WriteLine($"{outcome.Seed} {outcome.Best:R} {outcome.MedianAskSeconds:F3} {outcome.MedianAskCpuSeconds:F3} {outcome.TotalAskSeconds:F1}");
        }
        return 0;
    case ["ask", var problem, var count, var directory]:
        var (first, firstCpu, withState, withStateCpu) = SingleAsk.Time(Problem.Find(problem), PointFiles.Read(directory, problem, 0).Take(Int(count)).ToList());
        Console.WriteLine($"{first:F2} {firstCpu:F2} {withState:F2} {withStateCpu:F2}");
        return 0;
    case ["fit", var problem, var count, var directory]:
        FitTiming.Print(Problem.Find(problem), PointFiles.Read(directory, problem, 0).Take(Int(count)).ToList());
        return 0;
    default:
        Console.Error.WriteLine("usage: initial PROBLEM COUNT SEEDS DIR | campaign PROBLEM STRATEGY BUDGET BATCH SEEDS DIR | ask PROBLEM COUNT DIR");
        return 2;
}
