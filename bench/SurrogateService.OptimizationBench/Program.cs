using System.Globalization;
using SurrogateService.OptimizationBench;

// quality [seeds] [function:strategy ...]   the quality tables of issue 5 over `seeds` seeds (default 10), all cases or the ones named (e.g. hartmann6:ei)
// constrained SEEDS PEERFILE   issue 13's constrained goal (Gramacy et al.'s toy), Optuna TPE's results from PEERFILE beside it
// multiobjective SEEDS PEERFILE [strategy ...]   issue 13's multi-objective goal (ZDT1 6-D, Branin–Currin; default ehvi parego), Optuna NSGA-II and TPE from PEERFILE beside it
// noisy SEEDS PEERFILE         issue 13's noisy goal (Branin, σ = 1), Optuna TPE's results from PEERFILE beside it
// mixed SEEDS PEERFILE         issue 13's mixed-variable goal (mixedBranin), Optuna TPE's results from PEERFILE beside it
// bodies DIR [n]       suggest request bodies for the latency measurement (Hartmann-6, n known points, default 100)
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
switch (args)
{
    case ["quality", .. var rest]:
        QualityTables.Print(rest.Length > 0 ? int.Parse(rest[0], CultureInfo.InvariantCulture) : 10, rest.Skip(1).ToArray());
        return 0;
    case ["constrained", var seeds, var peerFile]:
        ConstrainedTable.Print(int.Parse(seeds, CultureInfo.InvariantCulture), peerFile);
        return 0;
    case ["multiobjective", var seeds, var peerFile, .. var strategies]:
        MultiObjectiveTable.Print(int.Parse(seeds, CultureInfo.InvariantCulture), peerFile, strategies.Length > 0 ? strategies : ["ehvi", "parego"]);
        return 0;
    case ["noisy", var seeds, var peerFile]:
        NoisyTable.Print(int.Parse(seeds, CultureInfo.InvariantCulture), peerFile);
        return 0;
    case ["mixed", var seeds, var peerFile]:
        MixedTable.Print(int.Parse(seeds, CultureInfo.InvariantCulture), peerFile);
        return 0;
    case ["bodies", var directory, .. var rest]:
        SuggestBodies.Write(directory, rest.Length > 0 ? int.Parse(rest[0], CultureInfo.InvariantCulture) : 100);
        return 0;
    default:
        Console.Error.WriteLine("usage: quality [seeds] [function:strategy ...] | constrained SEEDS PEERFILE | multiobjective SEEDS PEERFILE [strategy ...] | noisy SEEDS PEERFILE | mixed SEEDS PEERFILE | bodies DIR [points]");
        return 2;
}
