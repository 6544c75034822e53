using SurrogateService.Numerics.Core;
using SurrogateService.Numerics.Surrogates;

namespace SurrogateService.KrigingBench;

/// <summary>One accuracy-and-speed case: training data, test points with their true values, and how they were made.</summary>
internal sealed record BenchCase(string Name, string Description, TrainingSet Training, PointSet Test, double[] TestValues);
