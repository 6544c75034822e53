using SurrogateService.Numerics.Models;

namespace SurrogateService.Numerics.Waves;

/// <summary>
/// The 2-D acoustic wave as a parametric model: one input vector (bulk modulus k, density ρ, source
/// x, source y, pulse width w), one output vector per receiver holding its trace. Grid, steps and
/// receivers are the <see cref="ParametricWaveConfiguration"/>. It has no derivatives.
/// </summary>
public sealed class ParametricAcousticWave : IVectorModel
{
    /// <summary>The entries of the input vector, in order.</summary>
    public static readonly string[] InputNames = ["bulkModulus", "density", "sourceX", "sourceY", "pulseWidth"];

    public ParametricAcousticWave(ParametricWaveConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        // Validates the fixed part once, with inputs that are always acceptable.
        var probe = configuration.Settings(1, 1, configuration.Lx / 2, configuration.Ly / 2, 1);
        probe.Validate();
        if (configuration.Receivers.Count == 0)
            throw new ArgumentException("The model needs at least one receiver.", nameof(configuration));
        Configuration = configuration;
        InputSizes = [InputNames.Length];
        OutputSizes = Enumerable.Repeat(probe.TraceLength, configuration.Receivers.Count).ToArray();
    }

    public ParametricWaveConfiguration Configuration { get; }

    public IReadOnlyList<int> InputSizes { get; }

    public IReadOnlyList<int> OutputSizes { get; }

    public bool HasJacobian => false;

    /// <summary>The solver's work for one evaluation, (nx + 32)·ny·steps cell updates (see the wave limits).</summary>
    public long WorkPerEvaluation => ((long)Configuration.Nx + 32) * Configuration.Ny * Configuration.Steps;

    public IReadOnlyList<double[]> Evaluate(IReadOnlyList<double[]> inputs, CancellationToken cancellationToken)
    {
        ModelInputs.Check(this, inputs);
        var x = inputs[0];
        var settings = Configuration.Settings(x[0], x[1], x[2], x[3], x[4]);
        try
        {
            settings.Validate();
        }
        catch (ArgumentException ex)
        {
            throw new ModelInputException(Describe(ex));
        }
        using var wave = new AcousticWave2D(settings);
        wave.Advance(settings.Steps, cancellationToken);
        var traces = wave.Traces!;
        var outputs = new double[traces.Count][];
        for (int r = 0; r < traces.Count; r++)
            outputs[r] = traces.Trace(r).ToArray();
        return outputs;
    }

    public double[] Jacobian(IReadOnlyList<double[]> inputs, int outWrt, int inWrt, CancellationToken cancellationToken) =>
        throw new NotSupportedException("The wave model has no derivatives.");

    private static string Describe(ArgumentException ex) => ex.ParamName switch
    {
        nameof(AcousticWaveSettings.BulkModulus) => "bulkModulus (input 0 entry 0) must be a positive number.",
        nameof(AcousticWaveSettings.Density) => "density (input 0 entry 1) must be a positive number.",
        nameof(AcousticWaveSettings.PulseCentre) => "The source (input 0 entries 2 and 3) must lie inside the domain.",
        nameof(AcousticWaveSettings.PulseWidth) => "pulseWidth (input 0 entry 4) must be a positive number.",
        _ => ex.Message,
    };
}
