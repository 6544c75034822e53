using SurrogateService.Numerics.Core;

namespace SurrogateService.Numerics.Sensitivity;

/// <summary>A function evaluated on a batch of points (a surrogate's Predict has this shape).</summary>
public delegate void BatchFunction(PointSet points, Span<double> values);
