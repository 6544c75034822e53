using BenchmarkDotNet.Running;
using SurrogateService.Benchmarks;

// Pick benchmarks on the command line, e.g. `-- --filter '*Sobol*' --job short`.
BenchmarkSwitcher.FromAssembly(typeof(SamplingBenchmarks).Assembly).Run(args);
