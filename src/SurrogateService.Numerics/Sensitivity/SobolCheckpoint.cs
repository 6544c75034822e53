namespace SurrogateService.Numerics.Sensitivity;

/// <summary>
/// The blocks of a Saltelli design evaluated so far, in order: f(A), f(B), then f(A_B^(i)) for i = 1, 2, ….
/// The design is a function of the box, N and the seed, and the bootstrap of the seed, so a study resumed
/// from these values returns the same indices, bit for bit, as one never interrupted.
/// </summary>
public sealed record SobolCheckpoint(double[][] Blocks);
